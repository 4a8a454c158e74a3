using System.Runtime.CompilerServices;
using System.Text;
using Claims.Domain.Application;
using Claims.Domain.Projections.Running;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Feed.Log;

/// <summary>One event of Marten's log as the feed serves it: its JSON as stored, not deserialised.</summary>
/// <param name="Position">Marten's sequence number (<c>mt_events.seq_id</c>): the feed's cursor.</param>
/// <param name="Data">The event's JSON as stored in <c>mt_events.data</c>.</param>
public sealed record FeedEvent(long Position, Guid EventId, string EventType, string StreamId, long StreamVersion, DateTimeOffset Timestamp, string Data);

/// <summary>A read of the log: the events found, and how far the log was searched (the high-water mark when the read
/// ended before the limit), so a follower with filters does not search the same stretch again.</summary>
public sealed record LogPage(IReadOnlyList<FeedEvent> Events, long SearchedTo);

/// <summary>
/// Marten's event log (<c>&lt;schema&gt;.mt_events</c>) in sequence order, read only up to the async daemon's high-water
/// mark. The daemon moves that mark past a gap in the sequence only once PostgreSQL shows the transaction that took the
/// missing numbers has ended (UseTransactionEvidenceForGapSkipping, set in ClaimsStack), so a reader that stops at the mark
/// never passes over an event whose transaction commits late: every event is delivered, once, in sequence order.
/// </summary>
public sealed class EventLog(NpgsqlDataSource dataSource, IDocumentStore store)
{
    private volatile bool _storageReady;

    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>Marten's schema (<c>mt_events</c>, <c>mt_event_progression</c>).</summary>
    public string Schema { get; } = store.Options.Events.DatabaseSchemaName;

    public static EventLog Of(ClaimsRuntime runtime) => new(runtime.DataSource, runtime.Store);

    /// <summary>
    /// Marten creates its event tables when something first needs them (an append, the daemon starting up), so a feed
    /// asked early on a new database could find none. Ask Marten for them, once, instead.
    /// </summary>
    public async Task EnsureStorageAsync(CancellationToken ct)
    {
        if (_storageReady) return;
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(IEvent), ct);
        _storageReady = true;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="after"/> and not past the high-water mark, optionally of
    /// some types or one stream. Mark and events come from one statement, so from one snapshot: every event at or below the
    /// mark read is committed and visible to it.
    /// </summary>
    public async Task<LogPage> ReadAsync(long after, int limit, IReadOnlyCollection<string>? types = null, string? stream = null, CancellationToken ct = default)
    {
        await EnsureStorageAsync(ct);
        var filters = new StringBuilder();
        await using var command = DataSource.CreateCommand();
        command.Parameters.Add(new NpgsqlParameter { Value = after, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = ProjectionProgress.HighWaterMarkName });
        // Marten's own bookkeeping (placeholders for failed appends) is not a Claims event.
        command.Parameters.Add(new NpgsqlParameter { Value = Tombstone.StreamKey });
        if (types is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = types.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            filters.Append($" and type = any(${command.Parameters.Count})");
        }
        if (stream is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = stream });
            filters.Append($" and stream_id = ${command.Parameters.Count}");
        }
        command.CommandText = $"""
            with mark(hwm) as ({ProjectionProgress.HighWaterMarkSql(Schema, "$3")})
            select mark.hwm, e.seq_id, e.id, e.type, e.stream_id, e.version, e.timestamp, e.data::text
              from mark left join lateral (
                   select seq_id, id, type, stream_id, version, timestamp, data from {Schema}.mt_events
                    where seq_id > $1 and seq_id <= mark.hwm and stream_id <> $4{filters}
                    order by seq_id limit $2) e on true
             order by e.seq_id
            """;

        var events = new List<FeedEvent>();
        var mark = after;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            mark = reader.GetInt64(0);
            if (reader.IsDBNull(1)) continue; // nothing new: the mark alone
            events.Add(new FeedEvent(reader.GetInt64(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7)));
        }
        var searchedTo = events.Count == limit ? events[^1].Position : Math.Max(mark, after);
        return new LogPage(events, searchedTo);
    }

    /// <summary>
    /// The position of the last event at or below the high-water mark (0 when there is none): where a follower that wants
    /// only what comes next starts. Not the mark itself, which can stand on a number no event holds (a rolled-back append,
    /// or Marten's placeholder for one), and a cursor must be an event's position.
    /// </summary>
    public async Task<long> HeadAsync(CancellationToken ct)
    {
        await EnsureStorageAsync(ct);
        await using var command = DataSource.CreateCommand($"""
            select coalesce(max(e.seq_id), 0)
              from {Schema}.mt_events e
             where e.seq_id <= ({ProjectionProgress.HighWaterMarkSql(Schema, "$1")}) and e.stream_id <> $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ProjectionProgress.HighWaterMarkName });
        command.Parameters.Add(new NpgsqlParameter { Value = Tombstone.StreamKey });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Whether an event of the log has this position (a cursor this feed could have sent).</summary>
    public async Task<bool> ContainsAsync(long position, CancellationToken ct)
    {
        await EnsureStorageAsync(ct);
        await using var command = DataSource.CreateCommand($"select exists (select 1 from {Schema}.mt_events where seq_id = $1 and stream_id <> $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        command.Parameters.Add(new NpgsqlParameter { Value = Tombstone.StreamKey });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The log after <paramref name="after"/>, then every event as the high-water mark passes it, until cancelled. Reads
    /// again at once after a full batch; caught up, it reads again once the mark has moved past what it searched
    /// (<see cref="WaitPastAsync"/>, checked every <paramref name="pollInterval"/>).
    /// </summary>
    public async IAsyncEnumerable<FeedEvent> FollowAsync(long after, int batchSize, TimeSpan pollInterval,
        IReadOnlyCollection<string>? types = null, string? stream = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        while (true)
        {
            var page = await ReadAsync(after, batchSize, types, stream, ct);
            foreach (var e in page.Events) yield return e;
            after = page.SearchedTo;
            if (page.Events.Count < batchSize) await WaitPastAsync(after, pollInterval, ct);
        }
    }

    private readonly Lock _watch = new();
    private TaskCompletionSource<long>? _nextMark;
    private long _markPolls;

    /// <summary>How many times followers' waits read the high-water mark (one read serves every follower waiting then).</summary>
    public long MarkPolls => Interlocked.Read(ref _markPolls);

    /// <summary>
    /// Waits until a read of the high-water mark finds it past <paramref name="position"/>. Every caught-up follower of this
    /// log shares one read of the mark per <paramref name="pollInterval"/> (the period of the follower that started it),
    /// made only while someone waits: a hundred idle live connections cost the database one small query per interval, not
    /// a hundred reads of the log. A wait always takes at least the next read, as a follower's own pause did.
    /// </summary>
    public async Task WaitPastAsync(long position, TimeSpan pollInterval, CancellationToken ct)
    {
        while (await NextMarkAsync(pollInterval).WaitAsync(ct) <= position) { }
    }

    // The read of the mark under way, or a new one: one at a time, its outcome (a failure included: database down) going
    // to every follower waiting on it.
    private Task<long> NextMarkAsync(TimeSpan pollInterval)
    {
        lock (_watch)
        {
            if (_nextMark is null)
            {
                _nextMark = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                _ = PollMarkAsync(_nextMark, pollInterval);
            }
            return _nextMark.Task;
        }
    }

    private async Task PollMarkAsync(TaskCompletionSource<long> next, TimeSpan pollInterval)
    {
        try
        {
            await Task.Delay(pollInterval);
            Interlocked.Increment(ref _markPolls);
            var mark = await ProjectionProgress.HighWaterMarkAsync(DataSource, Schema);
            lock (_watch) _nextMark = null;
            next.SetResult(mark);
        }
        catch (Exception e)
        {
            lock (_watch) _nextMark = null;
            next.SetException(e);
            _ = next.Task.Exception; // observed here too: every waiter may have left before it came
        }
    }
}
