using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Claims.Bench.Corpus;
using Claims.TestKit.Corpus;
using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Events;
using Claims.EventStore.Serialization;
using Claims.Extraction;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Ingest;

/// <summary>What the raw floor measured: throughput, per-article latencies, and how much of the time extraction took.</summary>
public sealed record FloorRun(int Writers, int Articles, long TextBytes, long Events, double Seconds, List<double> LatenciesMs, double ExtractSeconds, double InsertSeconds);

/// <summary>
/// The raw-PostgreSQL floor of an ingest: the same articles extracted by the same <see cref="ArticleExtractor"/>, their
/// events (the ArticleIngested with the text, then one per record) serialised as the store serialises them, and written by
/// one multi-row INSERT per article into a plain table shaped like the event store's events table — no HTTP, no
/// validation, no decider, no stream table or version check, no projections — by the same number of writers.
/// </summary>
public static class RawIngestFloor
{
    private const string Metadata = """{"causedBy":"bench"}""";

    public static async Task<FloorRun> RunAsync(NpgsqlDataSource dataSource, string table, IReadOnlyList<SyntheticArticle> articles, int writers, ArticleExtractor extractor)
    {
        var registry = ClaimsRuntime.CreateEventTypes();
        var latencies = new List<double>[writers];
        var extractTicks = new long[writers];
        var insertTicks = new long[writers];
        long events = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < articles.Count)
            {
                var start = Stopwatch.GetTimestamp();
                var (streamId, types, payloads) = Events(articles[i], extractor, registry);
                var extracted = Stopwatch.GetTimestamp();
                await InsertAsync(dataSource, table, streamId, types, payloads);
                var done = Stopwatch.GetTimestamp();
                extractTicks[w] += extracted - start;
                insertTicks[w] += done - extracted;
                latencies[w].Add(Stopwatch.GetElapsedTime(start, done).TotalMilliseconds);
                Interlocked.Add(ref events, types.Length);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return new FloorRun(writers, articles.Count, articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text)), events, seconds, latencies.SelectMany(l => l).ToList(),
            extractTicks.Sum() / (double)Stopwatch.Frequency, insertTicks.Sum() / (double)Stopwatch.Frequency);
    }

    public static async Task CreateTableAsync(NpgsqlDataSource dataSource, string storeSchema, string table)
    {
        await using var command = dataSource.CreateCommand($"""
            drop table if exists {table};
            create table {table} (like {storeSchema}.events including defaults including identity including indexes including constraints);
            """);
        await command.ExecuteNonQueryAsync();
    }

    // What the application builds from one request, minus its checks: content hash and article id, extraction, the events.
    private static (string StreamId, string[] Types, string[] Payloads) Events(SyntheticArticle a, ArticleExtractor extractor, EventTypeRegistry registry)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(a.Text))).ToLowerInvariant();
        var articleId = ClaimsApplication.ArticleIdFor(a.Url, hash);
        var extraction = extractor.Extract(CorpusProfile.Input(articleId, a) );
        var ingested = new ArticleIngested(articleId, "text", extraction.Outlet, a.Url, extraction.Title, extraction.PublishedOn, "fr", hash,
            extraction.Text, extraction.ExtractorVersion, "bench", DateTimeOffset.UtcNow);
        var all = new List<object> { ingested };
        all.AddRange(RecordMapping.ToEvents(articleId, extraction));
        var types = new string[all.Count];
        var payloads = new string[all.Count];
        for (var k = 0; k < all.Count; k++)
        {
            var type = registry.For(all[k].GetType());
            types[k] = type.Name;
            payloads[k] = JsonSerializer.Serialize(all[k], type.TypeInfo);
        }
        return (articleId, types, payloads);
    }

    private static async Task InsertAsync(NpgsqlDataSource dataSource, string table, string streamId, string[] types, string[] payloads)
    {
        await using var command = dataSource.CreateCommand($"""
            insert into {table} (stream_id, stream_version, event_id, type, schema_version, data, metadata)
            select $1, b.ord, b.id, b.type, 1, b.data, $5::jsonb
              from unnest($2::uuid[], $3::text[], $4::jsonb[]) with ordinality as b (id, type, data, ord)
            """);
        command.Parameters.Add(new() { Value = streamId });
        command.Parameters.Add(new() { Value = types.Select(_ => Guid.CreateVersion7()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = Metadata });
        await command.ExecuteNonQueryAsync();
    }
}
