using Npgsql;

namespace Claims.Relay;

/// <summary>
/// The relay's row in Marten's progress table (<c>mt_event_progression</c>, beside the daemon's high-water mark and the
/// projections): the sequence number of the last event the broker confirmed.
/// </summary>
internal sealed class RelayCheckpoint(NpgsqlDataSource dataSource, string schema, string name)
{
    public async Task<long> LoadAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select last_seq_id from {schema}.mt_event_progression where name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    /// <summary>Never moves backward, so a late save from a stopped loop cannot undo a newer one.</summary>
    public async Task SaveAsync(long position, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            insert into {schema}.mt_event_progression as p (name, last_seq_id, last_updated) values ($1, $2, transaction_timestamp())
            on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = excluded.last_updated
             where p.last_seq_id is null or p.last_seq_id < excluded.last_seq_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        await command.ExecuteNonQueryAsync(ct);
    }
}
