using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.Bench.Harness;
using Claims.Bench.Store;
using Claims.EventStore;
using Claims.EventStore.Appending;
using Claims.EventStore.Events;
using Claims.EventStore.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Append;

/// <summary>A statement-sized event, like the ones an ingested article produces (about 400 bytes of JSON).</summary>
public sealed record BenchStatement(string RecordId, string Speaker, string SpeakerName, string Text, string Mode, int Start, int End);

[JsonSerializable(typeof(BenchStatement))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class BenchJson : JsonSerializerContext;

/// <summary>
/// Append throughput for article-sized batches (20 events, one new stream each) with 1, 4 and 16 concurrent writers,
/// against the same rows written with no event-store logic: a multi-row INSERT and a binary COPY into tables shaped like
/// the events table (same columns, defaults and indexes; no streams table, no version check, no foreign key).
/// The store prepares its statement; the baseline INSERT is not prepared (parsed and planned each time, as an ad-hoc
/// INSERT is), so the same INSERT prepared is measured too, for reference: the store against it is the stricter ratio.
/// </summary>
public static class AppendBenchmark
{
    private const int BatchSize = 20;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        var rows = new List<BenchRow>();
        // A fresh log: the stream ids repeat from run to run, and a kept database would refuse them as existing streams.
        await using var store = await BenchLog.CreateStoreAsync(database, "bench_append");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        // Its own pool, so that the baseline's connections stay as before (no prepared statements on them).
        await using var preparedDataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await CreateBaselineTablesAsync(dataSource);

        var batchesPerWriterTotal = quick ? 400 : 2000; // split across the writers, so each case writes the same rows
        var runs = quick ? 3 : 5;
        foreach (var writers in new[] { 1, 4, 16 })
        {
            var batchesPerWriter = Math.Max(1, batchesPerWriterTotal / writers);
            var events = writers * batchesPerWriter * BatchSize;
            var store_ = new List<double>();
            var insert = new List<double>();
            var copy = new List<double>();
            var prepared = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                // Interleave the four so that machine noise hits them alike.
                insert.Add(events / await TimeAsync(writers, batchesPerWriter, (w, b) => RawInsertAsync(dataSource, $"{writers}-{run}-{w}-{b}")));
                store_.Add(events / await TimeAsync(writers, batchesPerWriter, (w, b) => StoreAppendAsync(store, $"{writers}-{run}-{w}-{b}")));
                copy.Add(events / await TimeAsync(writers, batchesPerWriter, (w, b) => RawCopyAsync(dataSource, $"{writers}-{run}-{w}-{b}")));
                prepared.Add(events / await TimeAsync(writers, batchesPerWriter, (w, b) => RawInsertAsync(preparedDataSource, $"prepared-{writers}-{run}-{w}-{b}", prepare: true)));
            }
            var baseline = BenchStats.Median(insert);
            rows.Add(new BenchRow("append", $"event store, {writers} writer(s)", BenchStats.Median(store_), "events/s", baseline, "raw multi-row INSERT",
                writers == 16 ? "≥ 70 % of raw INSERT" : null));
            rows.Add(new BenchRow("append", $"raw multi-row INSERT, {writers} writer(s)", baseline, "events/s", baseline, "raw multi-row INSERT"));
            rows.Add(new BenchRow("append", $"raw multi-row INSERT prepared, {writers} writer(s)", BenchStats.Median(prepared), "events/s", baseline, "raw multi-row INSERT"));
            rows.Add(new BenchRow("append", $"raw binary COPY, {writers} writer(s)", BenchStats.Median(copy), "events/s", baseline, "raw multi-row INSERT"));
        }
        return rows;
    }

    private static async Task<double> TimeAsync(int writers, int batchesPerWriter, Func<int, int, Task> writeBatch)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < batchesPerWriter; b++) await writeBatch(w, b);
        })));
        return clock.Elapsed.TotalSeconds;
    }

    // The baselines serialise the same events as the store does: any writer has to; what they skip is the store's logic.
    private static string[] Payloads() => Enumerable.Range(0, BatchSize)
        .Select(i => JsonSerializer.Serialize(BenchLog.Statement(i), BenchJson.Default.BenchStatement)).ToArray();

    private static Task StoreAppendAsync(EventStore.EventStore store, string article) =>
        store.AppendAsync($"article-{article}", "article", ExpectedVersion.NoStream,
            Enumerable.Range(0, BatchSize).Select(i => new NewEvent(BenchLog.Statement(i))).ToList());

    private static async Task RawInsertAsync(NpgsqlDataSource dataSource, string article, bool prepare = false)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("""
            insert into bench_raw.events_insert (stream_id, stream_version, event_id, type, schema_version, data, metadata)
            select $1, b.ord, b.id, 'StatementMade', 1, b.data, '{}'::jsonb
              from unnest($2::uuid[], $3::jsonb[]) with ordinality as b (id, data, ord)
            """, connection);
        command.Parameters.Add(new() { Value = $"article-{article}" });
        command.Parameters.Add(new() { Value = NewIds(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = Payloads(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        if (prepare) await command.PrepareAsync();
        await command.ExecuteNonQueryAsync();
    }

    private static async Task RawCopyAsync(NpgsqlDataSource dataSource, string article)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync(
            "copy bench_raw.events_copy (stream_id, stream_version, event_id, type, schema_version, data, metadata) from stdin (format binary)");
        var ids = NewIds();
        var payloads = Payloads();
        for (var i = 0; i < BatchSize; i++)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync($"article-{article}", NpgsqlDbType.Text);
            await importer.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
            await importer.WriteAsync(ids[i], NpgsqlDbType.Uuid);
            await importer.WriteAsync("StatementMade", NpgsqlDbType.Text);
            await importer.WriteAsync(1, NpgsqlDbType.Integer);
            await importer.WriteAsync(payloads[i], NpgsqlDbType.Jsonb);
            await importer.WriteAsync("{}", NpgsqlDbType.Jsonb);
        }
        await importer.CompleteAsync();
    }

    private static Guid[] NewIds() => Enumerable.Range(0, BatchSize).Select(_ => Guid.CreateVersion7()).ToArray();

    private static async Task CreateBaselineTablesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("""
            drop schema if exists bench_raw cascade;
            create schema bench_raw;
            create table bench_raw.events_insert (like bench_append.events including defaults including identity including indexes including constraints);
            create table bench_raw.events_copy (like bench_append.events including defaults including identity including indexes including constraints);
            """);
        await command.ExecuteNonQueryAsync();
    }
}
