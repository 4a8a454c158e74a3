using Claims.Domain.Application;
using Claims.Feed.Log;
using Claims.TestKit;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Hosting;

namespace Claims.Feed.Tests.Support;

/// <summary>An event as the test reads it straight from mt_events (not through the feed under test).</summary>
public sealed record LoggedEvent(long Position, Guid EventId, string EventType, string StreamId, long StreamVersion, DateTimeOffset Timestamp);

/// <summary>A Claims runtime on a Marten schema of its own in the class's database, with the async daemon (Solo), which
/// moves the high-water mark the feed reads up to.</summary>
public sealed class TestLog : IAsyncDisposable
{
    private TestLog(ClaimsRuntime runtime)
    {
        Runtime = runtime;
        EventLog = EventLog.Of(runtime);
    }

    public ClaimsRuntime Runtime { get; }
    public EventLog EventLog { get; }

    /// <param name="configure">More for the host (e.g. the RabbitMQ relay).</param>
    public static async Task<TestLog> StartAsync(PostgresDatabase database, Action<IHostApplicationBuilder>? configure = null) =>
        new(await ClaimsRuntime.StartAsync(database.ConnectionString,
            new ClaimsRuntimeOptions { Schema = "f_" + Guid.NewGuid().ToString("N")[..12], Daemon = DaemonMode.Solo }, configure));

    /// <summary>Appends and commits through Marten; the feed serves the events once the daemon's high-water mark passes them.</summary>
    public async Task AppendAsync(string stream, params object[] events)
    {
        await using var session = Runtime.Store.LightweightSession();
        session.Events.Append(stream, events);
        await session.SaveChangesAsync();
    }

    /// <summary>Waits until the high-water mark reaches the last committed event.</summary>
    public async Task WaitUntilDeliverableAsync()
    {
        var head = await Runtime.Progress.HeadAsync();
        await Wait.UntilAsync(async () => await Runtime.Progress.HighWaterMarkAsync() >= head, $"the high-water mark to reach {head}");
    }

    /// <summary>
    /// Waits as long as Marten's daemon could take to skip a sequence gap it has no transaction evidence for: its
    /// stale-sequence threshold plus two of its slowest high-water polls. A test holds a transaction open this long to
    /// give the daemon (and the readers that follow its mark) every chance to pass the gap; the wait is the adversary's
    /// window, not an assertion about speed.
    /// </summary>
    public Task OutlastGapSkippingAsync()
    {
        var daemon = ((DocumentStore)Runtime.Store).Options.Projections;
        return Task.Delay(daemon.StaleSequenceThreshold + daemon.SlowPollingTime * 2);
    }

    /// <summary>Every committed event in sequence order, once the feed may serve them all.</summary>
    public async Task<IReadOnlyList<LoggedEvent>> AllAsync(long after = 0)
    {
        await WaitUntilDeliverableAsync();
        await using var command = Runtime.DataSource.CreateCommand(
            $"select seq_id, id, type, stream_id, version, timestamp from {EventLog.Schema}.mt_events where seq_id > $1 order by seq_id");
        command.Parameters.Add(new() { Value = after });
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<LoggedEvent>();
        while (await reader.ReadAsync())
            events.Add(new LoggedEvent(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        return events;
    }

    public ValueTask DisposeAsync() => Runtime.DisposeAsync();
}
