using System.Diagnostics;
using Claims.Bench.Harness;
using Claims.Bench.Store;
using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Wolverine;
using Wolverine.Runtime;

namespace Claims.Bench.Append;

/// <summary>
/// Append throughput of Claims' article events (20-event batches, one new stream each: an ArticleIngested with its text
/// and 19 records of a real extraction) with 1, 4 and 16 concurrent writers, 1 000 streams a measurement (--quick: 300), through:
/// - Marten's append as configured by <see cref="ClaimsStack"/> (default mode, QuickWithServerTimestamps): a lightweight
///   session per batch, StartStream, SaveChangesAsync;
/// - the path the ingest takes: the IngestArticle command through Wolverine's bus and its handler (FetchForWriting,
///   the decider, append, Wolverine's transactional middleware), extraction excluded;
/// against the baseline, the same rows with no event-store logic: one multi-row INSERT (unnest) a batch into a table
/// created `like mt_events` (same columns, defaults and indexes, seq_id from Marten's sequence; no streams table, no version check), the JSON
/// made by Marten's own serializer inside the clock, as any writer has to.
/// </summary>
public static class AppendBenchmark
{
    private const string Schema = "bench_append";
    private const int BatchSize = 20;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        var runs = quick ? 3 : 5;
        var streams = quick ? 300 : 1000;
        var batches = ArticleEvents.Batches(ArticleEvents.Generate(1200, seed: 2017), BatchSize);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await BenchSchemas.DropAsync(dataSource, Schema);
        // No daemon: append alone is measured, nothing reads the log meanwhile.
        await using var runtime = await ClaimsRuntime.StartAsync(database.ConnectionString, new ClaimsRuntimeOptions { Schema = Schema, Daemon = DaemonMode.Disabled });
        await runtime.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await BenchSchemas.ExecuteAsync(dataSource, $"""
            create schema {Schema}_raw;
            create table {Schema}_raw.mt_events (like {Schema}.mt_events including defaults including identity including indexes including constraints);
            """);
        var serializer = runtime.Store.Options.Serializer();
        var wolverine = runtime.Services.GetRequiredService<IWolverineRuntime>();

        var rows = new List<BenchRow>();
        foreach (var writers in new[] { 1, 4, 16 })
        {
            var (raw, marten, handler) = (new List<double>(), new List<double>(), new List<double>());
            for (var run = 0; run < runs; run++)
            {
                var tag = $"{writers}-{run}";
                // Interleaved, so that machine noise (other engineers' builds) hits the three alike.
                raw.Add(await RateAsync(writers, streams, i => RawInsertAsync(dataSource, serializer, $"raw-{tag}-{i}", batches[i % batches.Count])));
                marten.Add(await RateAsync(writers, streams, i => MartenAppendAsync(runtime.Store, $"article-m{tag}-{i}", batches[i % batches.Count])));
                handler.Add(await RateAsync(writers, streams, i => HandlerAppendAsync(wolverine, $"article-w{tag}-{i}", batches[i % batches.Count])));
            }
            var baseline = BenchStats.Median(raw);
            const string baselineName = "raw multi-row INSERT like mt_events";
            rows.Add(new BenchRow("append", $"Marten append (lightweight session, StartStream, default Quick mode), {writers} writer(s)", BenchStats.Median(marten), "events/s",
                baseline, baselineName, writers == 16 ? "≥ 0.70 of raw INSERT" : null));
            rows.Add(new BenchRow("append", $"ingest path: IngestArticle through Wolverine (FetchForWriting, decide, append), {writers} writer(s)", BenchStats.Median(handler), "events/s",
                baseline, baselineName));
            rows.Add(new BenchRow("append", $"raw multi-row INSERT like mt_events, {writers} writer(s)", baseline, "events/s", baseline, baselineName));
        }
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

    private static async Task RawInsertAsync(NpgsqlDataSource dataSource, Marten.ISerializer serializer, string streamId, object[] events)
    {
        var types = new string[events.Length];
        var dotnetTypes = new string[events.Length];
        var data = new string[events.Length];
        var ids = new Guid[events.Length];
        for (var k = 0; k < events.Length; k++)
        {
            var type = events[k].GetType();
            types[k] = ClaimsEventTypes.NameOf(type)!;
            dotnetTypes[k] = $"{type.FullName}, {type.Assembly.GetName().Name}";
            data[k] = serializer.ToJson(events[k]);
            ids[k] = Guid.CreateVersion7();
        }
        await using var command = dataSource.CreateCommand("""
            insert into bench_append_raw.mt_events (seq_id, id, stream_id, version, data, type, mt_dotnet_type, correlation_id, causation_id, user_name)
            select nextval('bench_append.mt_events_sequence'), b.id, $1, b.ord, b.data, b.type, b.dotnet_type, $5, $5, 'bench'
              from unnest($2::uuid[], $3::jsonb[], $4::text[], $6::text[]) with ordinality as b (id, data, type, dotnet_type, ord)
            """);
        command.Parameters.Add(new() { Value = streamId });
        command.Parameters.Add(new() { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = Guid.NewGuid().ToString() });
        command.Parameters.Add(new() { Value = dotnetTypes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }
}
