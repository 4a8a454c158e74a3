using System.Diagnostics;
using Claims.Bench.Harness;
using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Events;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace Claims.Bench.Store;

/// <summary>
/// Rebuilding the real read models (ledger, contradictions, strikes: side by side as `claims rebuild` does, then each alone; <see cref="ClaimsRuntime.RebuildAsync"/>: tables
/// emptied, the log replayed by a Marten daemon of its own, progress set) over a log of synthetic articles (all their
/// events, in publication order) against a raw read of the same events on the same database: one
/// `select type, data from mt_events order by seq_id` streamed, each payload deserialised into its event by Marten's
/// serializer; no projection, paging, batching or progress. Events/s count the whole log, whatever types a projection reads.
/// </summary>
public static class RebuildBenchmark
{
    private const string Schema = "bench_rebuild";
    private static readonly Dictionary<string, Type> EventTypes = ClaimsEventTypes.All.ToDictionary(e => e.Name, e => e.Type);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        // The read models rebuild at about 1 000 events/s on this machine (bench/RESULTS.md), so 1 000 000 events take about
        // 20 minutes: the full run stops at 100 000 and --quick at 10 000 to keep within their budgets (20 and 3 minutes);
        // CLAIMS_BENCH_REBUILD_EVENTS=1000000 measures the issue's size.
        var target = int.TryParse(Environment.GetEnvironmentVariable("CLAIMS_BENCH_REBUILD_EVENTS"), out var n) && n > 0 ? n : quick ? 10_000 : 100_000;
        await using (var drop = NpgsqlDataSource.Create(database.ConnectionString)) await BenchSchemas.DropAsync(drop, Schema);
        // No daemon: the log is written first, then only the rebuilds read it.
        await using var runtime = await ClaimsRuntime.StartAsync(database.ConnectionString, new ClaimsRuntimeOptions { Schema = Schema, Daemon = DaemonMode.Disabled });
        await runtime.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var events = await LoadAsync(runtime.Store, target);

        // Each read model rebuilt once (minutes at the full size), between raw reads (seconds): the median of the three reads
        // is the baseline, so that a noisy moment on the machine hits both.
        var raw = new List<double> { events / await SecondsAsync(() => RawReadAsync(runtime, events)) };
        var rebuilds = new List<(string Name, double Seconds)>();
        foreach (var name in runtime.Projections.Select(p => p.Projection.Name))
        {
            rebuilds.Add((name, await SecondsAsync(() => runtime.RebuildAsync(name))));
            await CheckCurrentAsync(runtime, name, events);
            if (raw.Count < 3) raw.Add(events / await SecondsAsync(() => RawReadAsync(runtime, events)));
        }

        // All three at once, as `claims rebuild` does them.
        var together = await SecondsAsync(() => runtime.RebuildAsync());
        foreach (var name in runtime.Projections.Select(p => p.Projection.Name)) await CheckCurrentAsync(runtime, name, events);
        raw.Add(events / await SecondsAsync(() => RawReadAsync(runtime, events)));

        var baseline = BenchStats.Median(raw);
        const string baselineName = "raw read: select data order by seq_id, deserialised";
        var size = $"{events:N0} events";
        return
        [
            new BenchRow("rebuild", $"ledger, contradictions and strikes side by side (RebuildAsync(), as `claims rebuild`), {size}", events / together, "events/s", baseline, baselineName,
                "≥ 0.25 of raw read"),
            new BenchRow("rebuild", $"ledger, contradictions and strikes, one after the other, {size}", events / rebuilds.Sum(r => r.Seconds), "events/s", baseline, baselineName),
            .. rebuilds.Select(r => new BenchRow("rebuild", $"RebuildAsync(\"{r.Name}\"), {size}", events / r.Seconds, "events/s", baseline, baselineName)),
            new BenchRow("rebuild", $"raw read (select data from mt_events order by seq_id, deserialised), {size}", baseline, "events/s", baseline, baselineName),
        ];
    }

    /// <summary>Writes whole synthetic articles (one stream each, all their events) through Marten's append with 8 writers
    /// until the log holds <paramref name="target"/> events or more; returns the events in the log.</summary>
    private static async Task<long> LoadAsync(IDocumentStore store, int target)
    {
        // About 30 events an article; a few more articles than needed, the writers stop at the target.
        var articles = ArticleEvents.Generate(target / 25, seed: 2019);
        var clock = Stopwatch.StartNew();
        long written = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            int i;
            while (Interlocked.Read(ref written) < target && (i = Interlocked.Increment(ref next)) < articles.Count)
            {
                await using var session = store.LightweightSession();
                session.Events.StartStream<ArticleState>(articles[i].StreamId, articles[i].Events.ToArray());
                await session.SaveChangesAsync();
                Interlocked.Add(ref written, articles[i].Count);
            }
        })));
        if (written < target) throw new InvalidOperationException($"the corpus gave {written} events, fewer than {target}");
        Console.Error.WriteLine($"rebuild: {written:N0} events written in {clock.Elapsed.TotalSeconds:0} s");
        return written;
    }

    private static async Task<double> SecondsAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task RawReadAsync(ClaimsRuntime runtime, long expected)
    {
        var serializer = runtime.Store.Options.Serializer();
        await using var command = runtime.DataSource.CreateCommand($"select type, data from {Schema}.mt_events order by seq_id");
        await using var reader = await command.ExecuteReaderAsync();
        long count = 0;
        while (await reader.ReadAsync())
        {
            if (serializer.FromJson(EventTypes[reader.GetString(0)], reader, 1) is null) throw new InvalidOperationException("an event read as null");
            count++;
        }
        if (count != expected) throw new InvalidOperationException($"the raw read saw {count} events, expected {expected}");
    }

    /// <summary>A rebuild that stopped short would look fast: the read model's progress must stand at the log's head.</summary>
    private static async Task CheckCurrentAsync(ClaimsRuntime runtime, string projection, long events)
    {
        var head = await runtime.Progress.HeadAsync();
        var behind = (await runtime.Progress.PlacesAsync()).Where(p => p.Name == projection && p.Sequence < head).ToList();
        if (head != events || behind.Count > 0)
            throw new InvalidOperationException($"after the rebuild: head {head} of {events} events; behind: {string.Join(", ", behind)}");
    }
}
