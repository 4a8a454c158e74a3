using System.Diagnostics;
using Claims.Bench.Harness;
using Claims.EventStore.Appending;
using Claims.EventStore.Events;

namespace Claims.Bench.Store;

/// <summary>
/// Whether anything grows faster than the data: append throughput (4 writers, 20-event article batches) and the
/// latency of reading one 20-event stream, with 10 000, 100 000 and 1 000 000 events already in the log. The
/// baseline of each figure is the same figure at 10 000 events in the same run; a ratio near 1.00 means no growth.
/// </summary>
public static class GrowthBenchmark
{
    private const string Schema = "bench_growth";
    private const int Writers = 4;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        int[] sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
        var runs = quick ? 3 : 5;
        var batchesPerRun = quick ? 400 : 1000;
        var readsPerRun = quick ? 500 : 2000;
        await using var store = await BenchLog.CreateStoreAsync(database, Schema);

        var rows = new List<BenchRow>();
        double? appendBase = null, read50Base = null, read99Base = null;
        var streamsInLog = 0;
        var appended = 0;
        // Warm up (JIT, pool) on a tiny log, so that the first size is not measured cold; these events stay in the log.
        await BenchLog.CopyStreamsAsync(store, "article", 0, 1);
        streamsInLog = 1;
        await AppendThroughputAsync(store, "warm-up", batchesPerRun / 4);
        await StreamReadsAsync(store, new Random(0), streamsInLog, readsPerRun / 4);
        foreach (var size in sizes)
        {
            // The log holds `size` copied events plus what earlier sizes appended (at most a few percent).
            var streams = size / BenchLog.EventsPerStream;
            await BenchLog.CopyStreamsAsync(store, "article", streamsInLog, streams - streamsInLog);
            streamsInLog = streams;

            var append = new List<double>();
            var read50 = new List<double>();
            var read99 = new List<double>();
            var random = new Random(size);
            for (var run = 0; run < runs; run++)
            {
                append.Add(await AppendThroughputAsync(store, $"growth-{appended}", batchesPerRun));
                appended += batchesPerRun;
                var reads = await StreamReadsAsync(store, random, streamsInLog, readsPerRun);
                read50.Add(BenchPercentiles.Percentile(reads, 50));
                read99.Add(BenchPercentiles.Percentile(reads, 99));
            }
            var label = $"{size:N0} events in the log".Replace(",", " ");
            var (a, r50, r99) = (BenchStats.Median(append), BenchStats.Median(read50), BenchStats.Median(read99));
            appendBase ??= a;
            read50Base ??= r50;
            read99Base ??= r99;
            rows.Add(new BenchRow("growth", $"append, {Writers} writers, 20-event batches, {label}", a, "events/s", appendBase, "same at 10 000 events"));
            rows.Add(new BenchRow("growth", $"ReadStreamAsync (20 events) p50, {label}", r50, "ms", read50Base, "same at 10 000 events"));
            rows.Add(new BenchRow("growth", $"ReadStreamAsync (20 events) p99, {label}", r99, "ms", read99Base, "same at 10 000 events"));
        }
        await BenchLog.DropAsync(store.DataSource, Schema);
        return rows;
    }

    private static async Task<double> AppendThroughputAsync(EventStore.EventStore store, string prefix, int batches)
    {
        var perWriter = batches / Writers;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < perWriter; b++)
                await store.AppendAsync($"{prefix}-{w}-{b}", "article", ExpectedVersion.NoStream,
                    Enumerable.Range(0, BenchLog.EventsPerStream).Select(i => new NewEvent(BenchLog.Statement(i))).ToList());
        })));
        return perWriter * Writers * BenchLog.EventsPerStream / clock.Elapsed.TotalSeconds;
    }

    private static async Task<List<double>> StreamReadsAsync(EventStore.EventStore store, Random random, int streams, int reads)
    {
        var times = new List<double>(reads);
        for (var i = 0; i < reads; i++)
        {
            var streamId = $"article-{random.Next(streams)}";
            var t = Stopwatch.GetTimestamp();
            var count = 0;
            await foreach (var _ in store.ReadStreamAsync(streamId)) count++;
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (count != BenchLog.EventsPerStream) throw new InvalidOperationException($"{streamId} read {count} events, expected {BenchLog.EventsPerStream}");
        }
        return times;
    }
}
