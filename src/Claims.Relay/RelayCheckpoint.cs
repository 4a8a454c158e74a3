using Claims.EventStore.Events;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Relay;

/// <summary>The relay's row in the store's <c>progress</c> table, in delivery order like every other reader of the log.</summary>
internal sealed class RelayCheckpoint(EventStore.EventStore store, string name)
{
    public async Task<LogPosition> LoadAsync(CancellationToken ct)
    {
        await using var command = store.DataSource.CreateCommand($"""
            insert into {store.Schema}.progress (name) values ($1)
            on conflict (name) do update set name = excluded.name
            returning tx_id, position
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : LogPosition.Start;
    }

    /// <summary>Never moves backward, so a late save from a stopped loop cannot undo a newer one.</summary>
    public async Task SaveAsync(LogPosition position, CancellationToken ct)
    {
        await using var command = store.DataSource.CreateCommand($"""
            update {store.Schema}.progress set tx_id = $2, position = $3, updated = now()
             where name = $1 and (tx_id, position) < ($2, $3)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = position.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = position.Position });
        await command.ExecuteNonQueryAsync(ct);
    }
}
