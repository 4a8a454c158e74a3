using System.Diagnostics;
using Claims.Bench.Harness;
using Claims.Bench.Store;
using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Events;
using JasperFx.Events.Daemon;
using Marten;
using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Wolverine;
using Wolverine.Runtime;

namespace Claims.Bench.Append;

/// <summary>
/// Append throughput of Claims' article events (20-event batches, one new stream each: an ArticleIngested with its text
/// and 19 records of a real extraction) with 1, 4 and 16 concurrent writers, 1 000 streams a measurement (--quick: 200), through:
/// - Marten's append as configured by <see cref="ClaimsStack"/> (default mode, QuickWithServerTimestamps): a lightweight
///   session per batch, StartStream, SaveChangesAsync;
/// - the same in Marten's Rich append mode (the ingest uses the default, QuickWithServerTimestamps);
/// - the path the ingest takes: the IngestArticle command through Wolverine's bus and its handler (FetchForWriting,
///   the decider, append, Wolverine's transactional middleware), extraction excluded;
/// against the baseline, the same rows with no event-store logic (<see cref="RawEvents"/>: one multi-row INSERT a batch
/// into a table like mt_events, the JSON from Marten's serializer).
/// </summary>
public static class AppendBenchmark
{
    private const string Schema = "bench_append";
    private const int BatchSize = 20;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        var runs = quick ? 2 : 5;
        var streams = quick ? 200 : 1000;
        var batches = ArticleEvents.Batches(ArticleEvents.Generate(1200, seed: 2017), BatchSize);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await BenchSchemas.DropAsync(dataSource, Schema);
        // No daemon: append alone is measured, nothing reads the log meanwhile.
        await using var runtime = await ClaimsRuntime.StartAsync(database.ConnectionString, new ClaimsRuntimeOptions { Schema = Schema, Daemon = DaemonMode.Disabled });
        await runtime.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var raw = await RawEvents.CreateAsync(dataSource, runtime.Store, $"{Schema}_raw.mt_events");
        var wolverine = runtime.Services.GetRequiredService<IWolverineRuntime>();
        // Marten's other append mode, Rich (the stream's version read first, then the events written by statements of
        // Marten's own making, no database function), on a schema of its own: which mode the append cost comes from.
        using var richHost = await BenchHost.StartAsync(database.ConnectionString, new ClaimsRuntimeOptions { Schema = Schema + "_rich", Daemon = DaemonMode.Disabled },
            marten => marten.Events.AppendMode = EventAppendMode.Rich);
        var rich = ClaimsRuntime.Of(richHost).Store;

        // A round of each first, untimed: JIT, connection pools and Marten's generated code would otherwise land in the
        // first measured case.
        await RateAsync(4, 40, i => raw.InsertAsync($"raw-warm-{i}", batches[i]));
        await RateAsync(4, 40, i => MartenAppendAsync(runtime.Store, $"article-mwarm-{i}", batches[i]));
        await RateAsync(4, 40, i => MartenAppendAsync(rich, $"article-rwarm-{i}", batches[i]));
        await RateAsync(4, 40, i => HandlerAppendAsync(wolverine, $"article-wwarm-{i}", batches[i]));

        var rows = new List<BenchRow>();
        foreach (var writers in new[] { 1, 4, 16 })
        {
            var (insert, marten, richRates, handler) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            for (var run = 0; run < runs; run++)
            {
                var tag = $"{writers}-{run}";
                // Interleaved, so that machine noise (other engineers' builds) hits the four alike.
                insert.Add(await RateAsync(writers, streams, i => raw.InsertAsync($"raw-{tag}-{i}", batches[i % batches.Count])));
                marten.Add(await RateAsync(writers, streams, i => MartenAppendAsync(runtime.Store, $"article-m{tag}-{i}", batches[i % batches.Count])));
                richRates.Add(await RateAsync(writers, streams, i => MartenAppendAsync(rich, $"article-r{tag}-{i}", batches[i % batches.Count])));
                handler.Add(await RateAsync(writers, streams, i => HandlerAppendAsync(wolverine, $"article-w{tag}-{i}", batches[i % batches.Count])));
            }
            var baseline = BenchStats.Median(insert);
            const string baselineName = "raw multi-row INSERT like mt_events";
            rows.Add(new BenchRow("append", $"Marten append (lightweight session, StartStream, default Quick mode), {writers} writer(s)", BenchStats.Median(marten), "events/s",
                baseline, baselineName, writers == 16 ? "≥ 0.70 of raw INSERT" : null));
            rows.Add(new BenchRow("append", $"Marten append (lightweight session, StartStream) in Rich mode, {writers} writer(s)", BenchStats.Median(richRates), "events/s", baseline, baselineName));
            rows.Add(new BenchRow("append", $"ingest path: IngestArticle through Wolverine (FetchForWriting, decide, append), {writers} writer(s)", BenchStats.Median(handler), "events/s",
                baseline, baselineName));
            rows.Add(new BenchRow("append", $"raw multi-row INSERT like mt_events, {writers} writer(s)", baseline, "events/s", baseline, baselineName));
        }
        await richHost.StopAsync();
        return rows;
    }

    /// <summary>Events/s of <paramref name="streams"/> batches shared among <paramref name="writers"/> concurrent writers.</summary>
    private static async Task<double> RateAsync(int writers, int streams, Func<int, Task> writeBatch)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < streams) await writeBatch(i);
        })));
        return streams * BatchSize / clock.Elapsed.TotalSeconds;
    }

    private static async Task MartenAppendAsync(IDocumentStore store, string streamId, object[] events)
    {
        await using var session = store.LightweightSession();
        session.Events.StartStream<ArticleState>(streamId, events);
        await session.SaveChangesAsync();
    }

    /// <summary>The ingest's own command, as ClaimsApplication.IngestAsync sends it after extraction (a bus per command, as there).</summary>
    private static Task HandlerAppendAsync(IWolverineRuntime wolverine, string streamId, object[] events)
    {
        var ingested = (ArticleIngested)events[0] with { ArticleId = streamId };
        return new MessageBus(wolverine).InvokeAsync<IngestResult>(new IngestArticle(ingested, events[1..]));
    }
}
