using Npgsql;

namespace Claims.Relay;

/// <summary>
/// "Only one relay per database publishes": a session advisory lock held on a connection of its own, outside any
/// transaction (an open transaction would hold Marten's high-water mark back). The server releases it when the holder's
/// connection dies, so a standby relay takes over; disposing releases it explicitly before the connection goes back to
/// the pool, where it would otherwise stay locked.
/// </summary>
internal sealed class RelayLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly string _schema;
    private readonly string _name;

    private RelayLease(NpgsqlConnection connection, string schema, string name)
    {
        _connection = connection;
        _schema = schema;
        _name = name;
    }

    /// <summary>Takes the lease named <paramref name="name"/> in Marten's schema, or returns null when another process holds it.</summary>
    public static async Task<RelayLease?> TryAcquireAsync(NpgsqlDataSource dataSource, string schema, string name, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock(hashtext('claims.owner.' || $1), hashtext($2))", connection);
            command.Parameters.Add(new() { Value = schema });
            command.Parameters.Add(new() { Value = name });
            if ((bool)(await command.ExecuteScalarAsync(ct))!) return new RelayLease(connection, schema, name);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Checks the lease's connection is still alive (and so the lock still held); throws when it is lost.</summary>
    public async Task RenewAsync()
    {
        await using var ping = new NpgsqlCommand("select 1", _connection);
        await ping.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(hashtext('claims.owner.' || $1), hashtext($2))", _connection);
            unlock.Parameters.Add(new() { Value = _schema });
            unlock.Parameters.Add(new() { Value = _name });
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // The connection is gone, and the lock with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
