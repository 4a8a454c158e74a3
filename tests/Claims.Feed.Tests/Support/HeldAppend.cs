using Marten.Services;
using Npgsql;

namespace Claims.Feed.Tests.Support;

/// <summary>
/// A writer that has appended an event through Marten and not committed: its transaction stays open (and its sequence
/// number stays a gap in the log as others see it) until <see cref="CommitAsync"/> or <see cref="RollbackAsync"/>.
/// </summary>
public sealed class HeldAppend : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private HeldAppend(NpgsqlConnection connection, NpgsqlTransaction transaction, long position, Guid eventId)
    {
        _connection = connection;
        _transaction = transaction;
        Position = position;
        EventId = eventId;
    }

    /// <summary>The sequence number the held event took.</summary>
    public long Position { get; }

    public Guid EventId { get; }

    public static async Task<HeldAppend> StartAsync(TestLog log, string stream, object @event)
    {
        var connection = await log.Runtime.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        // Marten enlists in the transaction and, not owning it, leaves it open after SaveChanges.
        await using (var session = log.Runtime.Store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Events.Append(stream, @event);
            await session.SaveChangesAsync();
        }
        await using var read = new NpgsqlCommand($"select seq_id, id from {log.EventLog.Schema}.mt_events where stream_id = $1", connection, transaction);
        read.Parameters.Add(new() { Value = stream });
        await using var reader = await read.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException("the held append wrote nothing");
        return new HeldAppend(connection, transaction, reader.GetInt64(0), reader.GetGuid(1));
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public Task RollbackAsync() => _transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
