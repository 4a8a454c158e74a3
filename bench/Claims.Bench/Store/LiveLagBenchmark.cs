using System.Collections.Concurrent;
using System.Diagnostics;
using Claims.Bench.Harness;
using Claims.EventStore.Appending;
using Claims.EventStore.Events;

namespace Claims.Bench.Store;

/// <summary>
/// Commit → delivery latency of a live subscriber (store.SubscribeAsync) while writers append at a steady
/// 2 000 events/s (100 batches/s of 20 events, each batch started on schedule whatever the previous one does).
/// Per event: lag = when the subscriber received it − when its AppendAsync returned. Baseline: the round trip of a
/// trivial `select 1` on the same database, the floor any delivery pays at least once.
/// </summary>
public static class LiveLagBenchmark
{
    private const string Schema = "bench_lag";
    private const int BatchesPerSecond = 100;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        var seconds = quick ? 4 : 10;
        await using var store = await BenchLog.CreateStoreAsync(database, Schema);
        var floor = await SelectOneRoundTripsAsync(store, quick ? 500 : 2000);

        var committed = new ConcurrentDictionary<Guid, long>();
        var received = new ConcurrentDictionary<Guid, long>();
        var expected = seconds * BatchesPerSecond * BenchLog.EventsPerStream;
        using var stop = new CancellationTokenSource();
        var head = await store.HeadAsync();
        var subscriber = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in store.SubscribeAsync(head, ct: stop.Token))
                    received[e.EventId] = Stopwatch.GetTimestamp();
            }
            catch (OperationCanceledException) { }
        });
        await Task.Delay(200); // let the subscriber LISTEN before the first append

        var appends = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        for (var batch = 0; batch < seconds * BatchesPerSecond; batch++)
        {
            var due = TimeSpan.FromSeconds((double)batch / BatchesPerSecond) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero) await Task.Delay(due);
            var streamId = $"article-{batch}";
            appends.Add(Task.Run(async () =>
            {
                var events = Enumerable.Range(0, BenchLog.EventsPerStream).Select(i => new NewEvent(BenchLog.Statement(i), Guid.CreateVersion7())).ToList();
                var ids = events.Select(e => e.EventId!.Value).ToList();
                await store.AppendAsync(streamId, "article", ExpectedVersion.NoStream, events);
                var now = Stopwatch.GetTimestamp();
                foreach (var id in ids) committed[id] = now;
            }));
        }
        await Task.WhenAll(appends);
        var writeSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var deadline = Stopwatch.StartNew();
        while (received.Count < expected && deadline.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10);
        await stop.CancelAsync();
        await subscriber;
        if (received.Count < expected) throw new InvalidOperationException($"the subscriber received {received.Count} of {expected} events within 30 s");
        await BenchLog.DropAsync(store.DataSource, Schema);

        // A subscriber can see an event before the writer's await returns: that lag is zero, not negative.
        var lags = committed.Select(c => Math.Max(0, Stopwatch.GetElapsedTime(c.Value, received[c.Key]).TotalMilliseconds)).ToList();
        var (floor50, floor99) = (BenchPercentiles.Percentile(floor, 50), BenchPercentiles.Percentile(floor, 99));
        var rate = $"{expected / writeSeconds:0} events/s for {seconds} s";
        return
        [
            new BenchRow("lag", $"subscriber commit→delivery p50 ({rate})", BenchPercentiles.Percentile(lags, 50), "ms", floor50, "select 1 round trip p50"),
            new BenchRow("lag", $"subscriber commit→delivery p99 ({rate})", BenchPercentiles.Percentile(lags, 99), "ms", floor99, "select 1 round trip p99", "p99 < 50 ms"),
            new BenchRow("lag", $"subscriber commit→delivery max ({rate})", lags.Max(), "ms", floor99, "select 1 round trip p99"),
            new BenchRow("lag", "select 1 round trip p50", floor50, "ms", floor50, "select 1 round trip p50"),
            new BenchRow("lag", "select 1 round trip p99", floor99, "ms", floor99, "select 1 round trip p99"),
        ];
    }

    private static async Task<List<double>> SelectOneRoundTripsAsync(EventStore.EventStore store, int count)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await using var command = store.DataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        return times;
    }
}
