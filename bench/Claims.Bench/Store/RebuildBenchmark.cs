using System.Diagnostics;
using System.Text.Json;
using Claims.Bench.Append;
using Claims.Bench.Harness;
using Claims.EventStore.Daemon;
using Claims.EventStore.Events;
using Claims.EventStore.Projections;

namespace Claims.Bench.Store;

/// <summary>
/// Rebuilding an async projection (ProjectionDaemon.RebuildAsync) over the whole log, against a raw sequential read of
/// the same events on the same database: one `select … order by position` streamed through NpgsqlDataReader with the
/// JSON parsed into the same record, and no projection, batching, lock or checkpoint.
/// </summary>
public static class RebuildBenchmark
{
    private const string Schema = "bench_rebuild";

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        var events = quick ? 100_000 : 1_000_000;
        var runs = 3;
        await using var store = await BenchLog.CreateStoreAsync(database, Schema);
        await BenchLog.CopyStreamsAsync(store, "article", 0, events / BenchLog.EventsPerStream);
        var projection = new StreamTotalsProjection();
        var nothing = new NoOpProjection();
        await using var daemon = new ProjectionDaemon(store, [projection, nothing]); // never started: only its rebuild runs

        var raw = new List<double>();
        var rebuild = new List<double>();
        var runnerOnly = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            raw.Add(events / await TimeAsync(() => RawReadAsync(store, events)));
            rebuild.Add(events / await TimeAsync(() => daemon.RebuildAsync(projection.Name)));
            await CheckTotalsAsync(store, projection.Name, events);
            runnerOnly.Add(events / await TimeAsync(() => daemon.RebuildAsync(nothing.Name)));
        }
        await BenchLog.DropAsync(store.DataSource, Schema);

        var baseline = BenchStats.Median(raw);
        var label = events.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Replace(",", " ");
        return
        [
            new BenchRow("rebuild", $"ProjectionDaemon.RebuildAsync, {label} events (1 multi-row upsert per batch)", BenchStats.Median(rebuild), "events/s",
                baseline, "raw sequential read + JSON parse", "≥ 50 % of raw read"),
            new BenchRow("rebuild", $"ProjectionDaemon.RebuildAsync with a no-op projection, {label} events (batches, lock, checkpoint)", BenchStats.Median(runnerOnly), "events/s",
                baseline, "raw sequential read + JSON parse"),
            new BenchRow("rebuild", $"raw sequential read + JSON parse, {label} events", baseline, "events/s", baseline, "raw sequential read + JSON parse"),
        ];
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The same columns the store reads, in one streamed statement, each payload parsed into the event record.</summary>
    private static async Task RawReadAsync(EventStore.EventStore store, int expected)
    {
        await using var command = store.DataSource.CreateCommand(
            $"select position, tx_id, stream_id, stream_version, event_id, type, schema_version, data::text, metadata::text, timestamp from {Schema}.events order by position");
        await using var reader = await command.ExecuteReaderAsync();
        var count = 0;
        long characters = 0;
        while (await reader.ReadAsync())
        {
            var statement = JsonSerializer.Deserialize(reader.GetString(7), BenchJson.Default.BenchStatement)!;
            _ = (reader.GetInt64(0), reader.GetFieldValue<ulong>(1), reader.GetString(2), reader.GetInt64(3), reader.GetGuid(4), reader.GetString(5),
                reader.GetInt32(6), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9));
            characters += statement.End - statement.Start;
            count++;
        }
        if (count != expected || characters == 0) throw new InvalidOperationException($"raw read saw {count} events, expected {expected}");
    }

    /// <summary>A rebuild that skipped or doubled events would look fast: check the read model counts every event once.</summary>
    private static async Task CheckTotalsAsync(EventStore.EventStore store, string projection, int expected)
    {
        await using var command = store.DataSource.CreateCommand($"select coalesce(sum(statements), 0) from {store.ProjectionSchema(projection)}.totals");
        var total = Convert.ToInt64(await command.ExecuteScalarAsync());
        if (total != expected) throw new InvalidOperationException($"the rebuilt read model counts {total} statements, expected {expected}");
    }

    /// <summary>Applies nothing: what a rebuild costs without projection work (reading, batching, apply lock, checkpoint).</summary>
    private sealed class NoOpProjection : IProjection
    {
        public string Name => "bench_nothing";
        public Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
        public Task ApplyAsync(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    }
}
