using System.Collections.Concurrent;
using System.Diagnostics;
using Claims.Bench.Harness;
using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Events;
using Claims.Domain.Projections.Running;
using JasperFx.Events.Daemon;
using Marten;

namespace Claims.Bench.Store;

/// <summary>
/// Live lag while writers append Claims' article events at a steady 2 000 events/s (100 batches a second of 20 events, one
/// new article stream each, each batch started on schedule whatever the previous ones do), with Marten's daemon running
/// the real read models (ledger, contradictions, strikes) in this process. Per batch: from its commit (SaveChangesAsync
/// returned, with the sequences it got) to the first moment the progress table shows (a) the daemon's high-water mark,
/// which bounds the feed, and (b) all three read models at or past its last sequence, which is what a read-your-writes
/// request waits for. The progress table is polled every 2 ms, so a lag is known to within a poll. Baseline: the same
/// writes' commit latency (SaveChangesAsync). Measured with Claims' settings (the daemon woken by LISTEN/NOTIFY at each append) of
/// the daemon on top (a schema of its own), which shows how much of the lag is the daemon's polling.
/// </summary>
public static class LiveLagBenchmark
{
    private const string Schema = "bench_lag";
    private const int BatchesPerSecond = 100;
    private const int BatchSize = 20;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        var seconds = quick ? 4 : 10;
        var batchCount = seconds * BatchesPerSecond;
        // One article a batch, each once: the read models key on the article id inside the events.
        var batches = ArticleEvents.Batches(ArticleEvents.Generate(batchCount * 6 / 5, seed: 2018), BatchSize).Take(batchCount + 1).ToList();
        if (batches.Count <= batchCount) throw new InvalidOperationException($"only {batches.Count} articles of {BatchSize} events or more");
        await using (var drop = Npgsql.NpgsqlDataSource.Create(database.ConnectionString)) await BenchSchemas.DropAsync(drop, Schema);
        // Claims' settings: the daemon is woken by LISTEN/NOTIFY at each append (without it, it polls for the high-water
        // mark every 250 ms busy, 1 s idle: p99 about 1 s in session 5's first run).
        return await MeasureAsync(database, quick, batches, Schema, "", _ => { });
    }

    private static async Task<IReadOnlyList<BenchRow>> MeasureAsync(BenchDatabase database, bool quick, IReadOnlyList<object[]> batches, string schema, string setting,
        Action<StoreOptions> marten)
    {
        var batchCount = batches.Count - 1;
        var seconds = batchCount / BatchesPerSecond;
        using var host = await BenchHost.StartAsync(database.ConnectionString, new ClaimsRuntimeOptions { Schema = schema, Daemon = DaemonMode.Solo }, marten);
        var runtime = ClaimsRuntime.Of(host);
        // The daemon starts its agents in the background: one article through the read models first, so that the lag
        // measured is the running daemon's, not its start.
        await AppendAsync(runtime, batches[^1]);
        await runtime.Application.WaitForProjectionsAsync(TimeSpan.FromMinutes(1));

        var commits = new ConcurrentBag<(long Committed, long LastSequence, double CommitMs)>();
        var marks = new List<(long At, long HighWater, long ReadModels)>();
        using var stop = new CancellationTokenSource();
        var poller = Task.Run(() => PollAsync(runtime.Progress, marks, stop.Token));

        var appends = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var b = 0; b < batchCount; b++)
        {
            var due = TimeSpan.FromSeconds((double)b / BatchesPerSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero) await Task.Delay(due);
            var events = batches[b];
            appends.Add(Task.Run(async () =>
            {
                var begun = Stopwatch.GetTimestamp();
                var lastSequence = await AppendAsync(runtime, events);
                var committed = Stopwatch.GetTimestamp();
                commits.Add((committed, lastSequence, Stopwatch.GetElapsedTime(begun, committed).TotalMilliseconds));
            }));
        }
        await Task.WhenAll(appends);
        var writeSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var head = commits.Max(c => c.LastSequence);
        // The read models may fall behind 2 000 events/s: wait for them (bounded), and count what they had not reached.
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < TimeSpan.FromSeconds(quick ? 30 : 60))
        {
            lock (marks)
                if (marks.Count > 0 && marks[^1].ReadModels >= head) break;
            await Task.Delay(20);
        }
        await stop.CancelAsync();
        await poller;
        await host.StopAsync();

        var end = Stopwatch.GetTimestamp();
        var target = setting.Length == 0 ? "p99 < 50 ms" : null;
        var highWater = new List<double>();
        var readModels = new List<double>();
        var unreached = 0;
        foreach (var c in commits)
        {
            highWater.Add(LagMs(marks, c.Committed, m => m.HighWater >= c.LastSequence));
            var lag = LagMs(marks, c.Committed, m => m.ReadModels >= c.LastSequence);
            if (double.IsNaN(lag)) unreached++;
            readModels.Add(double.IsNaN(lag) ? Stopwatch.GetElapsedTime(c.Committed, end).TotalMilliseconds : lag);
        }
        var commitMs = commits.Select(c => c.CommitMs).ToList();
        var rate = $"{batchCount * BatchSize / writeSeconds:0} events/s for {seconds} s{setting}";
        var (c50, c99) = (BenchPercentiles.Percentile(commitMs, 50), BenchPercentiles.Percentile(commitMs, 99));
        var caught = unreached == 0 ? $"all caught up {drain.Elapsed.TotalSeconds:0.0} s after the last write"
            : $"{unreached} of {batchCount} batches not reached {drain.Elapsed.TotalSeconds:0} s after the last write: their lag counted until then, a lower bound";
        return
        [
            new BenchRow("lag", $"commit → high-water mark past it p50 ({rate})", BenchPercentiles.Percentile(highWater, 50), "ms", c50, "commit latency p50"),
            new BenchRow("lag", $"commit → high-water mark past it p99 ({rate})", BenchPercentiles.Percentile(highWater, 99), "ms", c99, "commit latency p99", target),
            new BenchRow("lag", $"commit → ledger, contradictions and strikes past it p50 ({rate}; {caught})", BenchPercentiles.Percentile(readModels, 50), "ms", c50, "commit latency p50"),
            new BenchRow("lag", $"commit → ledger, contradictions and strikes past it p99 ({rate})", BenchPercentiles.Percentile(readModels, 99), "ms", c99, "commit latency p99", target),
            new BenchRow("lag", $"commit → ledger, contradictions and strikes past it max ({rate})", readModels.Max(), "ms", c99, "commit latency p99"),
            new BenchRow("lag", $"commit latency (SaveChangesAsync, 20 events) p50{setting}", c50, "ms", c50, "commit latency p50"),
            new BenchRow("lag", $"commit latency (SaveChangesAsync, 20 events) p99{setting}", c99, "ms", c99, "commit latency p99"),
        ];
    }

    /// <summary>One article's events on a new stream, as Marten's append as configured; returns the last sequence it got.</summary>
    private static async Task<long> AppendAsync(ClaimsRuntime runtime, object[] events)
    {
        await using var session = runtime.Store.LightweightSession();
        var stream = session.Events.StartStream<ArticleState>(((ArticleIngested)events[0]).ArticleId, events);
        await session.SaveChangesAsync();
        return stream.Events.Max(e => e.Sequence);
    }

    /// <summary>From the commit to the first poll after it that saw <paramref name="reached"/>; NaN when none did.</summary>
    private static double LagMs(List<(long At, long HighWater, long ReadModels)> marks, long committed, Func<(long At, long HighWater, long ReadModels), bool> reached)
    {
        foreach (var m in marks)
            if (m.At >= committed && reached(m)) return Stopwatch.GetElapsedTime(committed, m.At).TotalMilliseconds;
        return double.NaN;
    }

    /// <summary>Reads the high-water mark and the slowest read model's progress every 2 ms, stamped with when the reads
    /// returned: what they saw was true by then, so a lag is over-stated by at most one poll and its round trips.</summary>
    private static async Task PollAsync(ProjectionProgress progress, List<(long At, long HighWater, long ReadModels)> marks, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var highWater = await progress.HighWaterMarkAsync(CancellationToken.None);
            var places = await progress.PlacesAsync(CancellationToken.None);
            var at = Stopwatch.GetTimestamp();
            lock (marks) marks.Add((at, highWater, places.Min(p => p.Sequence)));
            try { await Task.Delay(2, ct); }
            catch (OperationCanceledException) { }
        }
    }
}
