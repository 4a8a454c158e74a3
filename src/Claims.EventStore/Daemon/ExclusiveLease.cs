using Npgsql;

namespace Claims.EventStore.Daemon;

/// <summary>
/// "Only one process at a time does X" across machines: a session advisory lock held on a dedicated, unpooled
/// connection. It is released when the lease is disposed, and by the server when the holder's connection dies — so
/// another process can take over. (A pooled connection would keep the lock alive in the pool after disposal.)
/// </summary>
public sealed class ExclusiveLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private ExclusiveLease(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Takes the lease named <paramref name="name"/> in this store, or returns null when another process holds it.</summary>
    public static async Task<ExclusiveLease?> TryAcquireAsync(EventStore store, string name)
    {
        // Never cancelled mid-command: see ProjectionRunner.RunBatchAsync.
        var connection = await store.OpenSessionAsync(CancellationToken.None);
        try
        {
            await using var command = new NpgsqlCommand(
                $"select pg_try_advisory_lock(hashtext('claims.owner.{store.Schema}'), hashtext($1))", connection);
            command.Parameters.Add(new() { Value = name });
            if ((bool)(await command.ExecuteScalarAsync())!) return new ExclusiveLease(connection);
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

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
