using System.Text.Json;
using Claims.Bench.Append;
using Claims.Bench.Harness;
using Claims.EventStore;
using Claims.EventStore.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Store;

/// <summary>
/// The log the store benchmarks run on: statement-sized events (the append benchmark's), 20 per article stream.
/// Large logs are written with binary COPY straight into the store's streams and events tables: the rows are exactly
/// what append_events would write (stream row at its final version, versions 1..20, defaults for position, timestamp
/// and tx_id), but a million of them take seconds instead of the half minute appends would.
/// </summary>
public static class BenchLog
{
    public const int EventsPerStream = 20;
    public const string EventType = "StatementMade";
    private const int StreamsPerTransaction = 5000; // 100 000 events: several transactions, so delivery order spans tx ids

    public static EventTypeRegistry Registry() => new EventTypeRegistry().Register(EventType, BenchJson.Default.BenchStatement);

    public static async Task<EventStore.EventStore> CreateStoreAsync(BenchDatabase database, string schema)
    {
        await using (var drop = NpgsqlDataSource.Create(database.ConnectionString))
            await DropAsync(drop, schema);
        var store = new EventStore.EventStore(new EventStoreOptions { ConnectionString = database.ConnectionString, Schema = schema, EventTypes = Registry() });
        await store.InitializeAsync();
        return store;
    }

    /// <summary>Drops the log and every read-model schema beside it, so the next benchmark starts on a clean disk.</summary>
    public static async Task DropAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var command = dataSource.CreateCommand($"""
            do $$ declare s text; begin
                for s in select nspname from pg_namespace where nspname = '{schema}' or nspname like '{schema}\_%' loop
                    execute format('drop schema %I cascade', s);
                end loop;
            end $$;
            """);
        await command.ExecuteNonQueryAsync();
    }

    public static BenchStatement Statement(int i) => new(
        $"s{i}", "serguei-lavrov", "Sergueï Lavrov",
        "Les rumeurs indiquant que les objectifs de ces frappes n'étaient pas l'EI ne sont en rien fondées, a déclaré le ministre devant la presse à New York.",
        "direct", 1000 + i * 150, 1140 + i * 150);

    private static readonly string[] Payloads = Enumerable.Range(0, EventsPerStream)
        .Select(i => JsonSerializer.Serialize(Statement(i), BenchJson.Default.BenchStatement)).ToArray();

    /// <summary>Adds streams (named prefix-0, prefix-1, …, from <paramref name="firstStream"/>) until <paramref name="streams"/> more are written.</summary>
    public static async Task CopyStreamsAsync(EventStore.EventStore store, string prefix, int firstStream, int streams)
    {
        for (var start = firstStream; start < firstStream + streams; start += StreamsPerTransaction)
        {
            var count = Math.Min(StreamsPerTransaction, firstStream + streams - start);
            await using var connection = await store.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var importer = await connection.BeginBinaryImportAsync(
                             $"copy {store.Schema}.streams (id, type, version) from stdin (format binary)"))
            {
                for (var s = start; s < start + count; s++)
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync($"{prefix}-{s}", NpgsqlDbType.Text);
                    await importer.WriteAsync("article", NpgsqlDbType.Text);
                    await importer.WriteAsync((long)EventsPerStream, NpgsqlDbType.Bigint);
                }
                await importer.CompleteAsync();
            }
            await using (var importer = await connection.BeginBinaryImportAsync(
                             $"copy {store.Schema}.events (stream_id, stream_version, event_id, type, schema_version, data, metadata) from stdin (format binary)"))
            {
                for (var s = start; s < start + count; s++)
                {
                    var streamId = $"{prefix}-{s}";
                    for (var i = 0; i < EventsPerStream; i++)
                    {
                        await importer.StartRowAsync();
                        await importer.WriteAsync(streamId, NpgsqlDbType.Text);
                        await importer.WriteAsync((long)i + 1, NpgsqlDbType.Bigint);
                        await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await importer.WriteAsync(EventType, NpgsqlDbType.Text);
                        await importer.WriteAsync(1, NpgsqlDbType.Integer);
                        await importer.WriteAsync(Payloads[i], NpgsqlDbType.Jsonb);
                        await importer.WriteAsync("{}", NpgsqlDbType.Jsonb);
                    }
                }
                await importer.CompleteAsync();
            }
            await transaction.CommitAsync();
        }
        await using var analyze = store.DataSource.CreateCommand($"analyze {store.Schema}.events; analyze {store.Schema}.streams");
        await analyze.ExecuteNonQueryAsync();
    }
}
