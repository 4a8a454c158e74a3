using System.Text.Json.Nodes;
using Claims.Domain.Events;
using JasperFx.Events;
using Marten;
using Marten.Services;
using Npgsql;

namespace Claims.Domain.Importing;

/// <summary>
/// A database written by Claims before it moved onto Marten (its own store: tables <c>events</c>, <c>streams</c>,
/// <c>progress</c>, <c>dead_letters</c>, <c>schema_migrations</c> in the same schema) must not start empty. At start-up its
/// events are appended to Marten's log in the old delivery order (writing transaction, then position), each keeping its
/// id, timestamp and metadata (correlation, causation, who caused it, headers), and the old tables are renamed
/// <c>legacy_*</c>: all in one transaction, so an import is whole or not at all and happens once. The read models then
/// build from Marten's log as for any new version.
/// </summary>
public static class LegacyStoreImport
{
    private static readonly string[] Tables = ["events", "streams", "progress", "dead_letters", "schema_migrations"];

    /// <summary>Imports the old store's events when there are any; returns how many (0: nothing to import).</summary>
    public static async Task<long> ImportAsync(IDocumentStore store, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var probe = new NpgsqlCommand("select to_regclass($1) is not null and to_regclass($2) is not null", connection))
        {
            probe.Parameters.Add(new() { Value = $"{schema}.events" });
            probe.Parameters.Add(new() { Value = $"{schema}.schema_migrations" });
            if (!(bool)(await probe.ExecuteScalarAsync(ct))!) return 0;
        }
        // Under ClaimsStack's start lock: of processes starting together, the first imports and the others then find the
        // old tables renamed.
        await using var transaction = await connection.BeginTransactionAsync(ct);

        long imported = 0;
        var run = new List<IEvent>();
        string? runStream = null;
        async Task FlushAsync()
        {
            if (run.Count == 0) return;
            // One session per run of consecutive events of one stream: Marten hands out sequence numbers in append order,
            // so the old log order across streams is kept.
            await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
            session.Events.Append(runStream!, run.ToArray());
            await session.SaveChangesAsync(ct);
            imported += run.Count;
            run.Clear();
        }

        await using (var read = new NpgsqlCommand(
            $"select stream_id, event_id, type, schema_version, data::text, metadata::text, timestamp from {schema}.events order by tx_id, position",
            connection, transaction))
        {
            // Read whole first: one connection cannot stream a reader and write at once.
            var rows = new List<(string Stream, Guid Id, string Type, int SchemaVersion, string Data, string Metadata, DateTimeOffset At)>();
            await using (var reader = await read.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    rows.Add((reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5),
                        reader.GetFieldValue<DateTimeOffset>(6)));
            foreach (var row in rows)
            {
                if (row.Stream != runStream) await FlushAsync();
                runStream = row.Stream;
                run.Add(ToEvent(row.Type, row.SchemaVersion, row.Data, row.Metadata, row.Id, row.At));
            }
        }
        await FlushAsync();

        foreach (var table in Tables)
            await using (var rename = new NpgsqlCommand($"alter table if exists {schema}.{table} rename to legacy_{table}", connection, transaction))
                await rename.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return imported;
    }

    private static IEvent ToEvent(string type, int schemaVersion, string data, string metadata, Guid id, DateTimeOffset at)
    {
        var meta = JsonNode.Parse(metadata) as JsonObject ?? [];
        IEvent wrapper;
        try
        {
            wrapper = StoredEvents.Wrap(type, schemaVersion, data, id, at, (string?)meta["causedBy"]);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"The old store holds an event this version cannot read ({e.Message}); nothing was imported.", e);
        }
        wrapper.CorrelationId = (string?)meta["correlationId"];
        wrapper.CausationId = (string?)meta["causationId"];
        if (meta["headers"] is JsonObject headers)
            foreach (var (key, value) in headers) wrapper.SetHeader(key, (string?)value ?? "");
        return wrapper;
    }
}
