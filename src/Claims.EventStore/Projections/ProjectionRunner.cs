using Claims.EventStore.Events;
using Claims.EventStore.Reading;
using Npgsql;
using NpgsqlTypes;

namespace Claims.EventStore.Projections;

/// <summary>
/// Applies the next batch of the log to one projection. Each batch is one transaction that (1) takes the projection's
/// apply lock, (2) reads the checkpoint and the events after it in delivery order, (3) applies them and (4) moves the
/// checkpoint. Because the checkpoint is read and written under the lock in the transaction of the read-model writes,
/// an event whose effect is committed is never applied again, whoever runs the batch (a second daemon, a rebuild's swap).
/// <paramref name="committed"/> hears every checkpoint the runner knows to be committed: the one it read under the lock,
/// and the one it wrote, once its transaction has committed (the daemon wakes read-your-writes waiters with it).
/// </summary>
internal sealed class ProjectionRunner(EventStore store, Action<string, LogPosition>? committed = null)
{
    public const string RebuildSuffix = "__rebuild";

    /// <summary>The transaction-scoped lock that serialises every writer of one progress row (and of the read model behind it).</summary>
    public static string ApplyLockSql(string schema) => $"select pg_advisory_xact_lock(hashtext('claims.apply.{schema}'), hashtext($1))";

    /// <summary>
    /// Runs one batch in its own transaction. Returns how many events were read (0 when caught up).
    /// Stopping (<paramref name="ct"/>) is honoured before the batch and by the projection's own code, never by cancelling
    /// an in-flight Npgsql command: a cancelled command can leave its connector busy, masking the cancellation and
    /// keeping the transaction — and its apply lock — alive on the server.
    /// </summary>
    public async Task<int> RunBatchAsync(IProjection projection, string targetSchema, string progressName, int batchSize, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var none = CancellationToken.None;
        await using var batch = await BeginLockedAsync(progressName);
        var (connection, transaction) = (batch.Connection, batch.Transaction);
        committed?.Invoke(progressName, batch.Checkpoint);
        var events = await ReadAfterAsync(connection, transaction, projection, batch.Checkpoint, batchSize, respectHorizon: true, none);
        if (events.Count == 0) return 0;

        try
        {
            await ApplyAsync(projection, events, new ProjectionContext(connection, transaction, targetSchema), ct);
            await WriteCheckpointAsync(connection, transaction, progressName, events[^1].LogPosition, projection.Version, none);
            await transaction.CommitAsync(none);
            committed?.Invoke(progressName, events[^1].LogPosition);
            return events.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await transaction.RollbackAsync(none);
            return await ApplyOneByOneAsync(projection, targetSchema, progressName, events, e, ct);
        }
    }

    /// <summary>
    /// A batch failed: apply its events one transaction each, retrying a few times, so that only a poisoned event is
    /// set aside. It goes to dead_letters with the error, in the same transaction that moves the checkpoint past it:
    /// recorded, never silently dropped.
    /// </summary>
    private async Task<int> ApplyOneByOneAsync(IProjection projection, string targetSchema, string progressName,
        List<StoredEvent> events, Exception batchError, CancellationToken ct)
    {
        var applied = 0;
        foreach (var stored in events)
        {
            Exception? last = batchError;
            var done = false;
            for (var attempt = 1; attempt <= store.MaxApplyAttempts && !done; attempt++)
            {
                ct.ThrowIfCancellationRequested();
                var none = CancellationToken.None;
                await using var batch = await BeginLockedAsync(progressName);
                var (connection, transaction) = (batch.Connection, batch.Transaction);
                committed?.Invoke(progressName, batch.Checkpoint);
                if (stored.LogPosition <= batch.Checkpoint) { done = true; break; } // somebody else applied it meanwhile
                try
                {
                    await ApplyAsync(projection, [stored], new ProjectionContext(connection, transaction, targetSchema), ct);
                    await WriteCheckpointAsync(connection, transaction, progressName, stored.LogPosition, projection.Version, none);
                    await transaction.CommitAsync(none);
                    committed?.Invoke(progressName, stored.LogPosition);
                    done = true;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    last = e;
                    await transaction.RollbackAsync(none);
                    if (attempt < store.MaxApplyAttempts) await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
                }
            }
            if (!done) await DeadLetterAsync(projection, progressName, stored, last!);
            applied++;
        }
        return applied;
    }

    private async Task DeadLetterAsync(IProjection projection, string progressName, StoredEvent stored, Exception error)
    {
        var ct = CancellationToken.None;
        await using var batch = await BeginLockedAsync(progressName);
        var (connection, transaction) = (batch.Connection, batch.Transaction);
        await using (var command = new NpgsqlCommand(
            $"insert into {store.Schema}.dead_letters (projection, position, event_id, event_type, error) values ($1, $2, $3, $4, $5)",
            connection, transaction))
        {
            command.Parameters.Add(new() { Value = projection.Name });
            command.Parameters.Add(new() { Value = stored.Position });
            command.Parameters.Add(new() { Value = stored.EventId });
            command.Parameters.Add(new() { Value = stored.EventType });
            command.Parameters.Add(new() { Value = error.ToString() });
            await command.ExecuteNonQueryAsync(ct);
        }
        await WriteCheckpointAsync(connection, transaction, progressName, stored.LogPosition, projection.Version, ct);
        await transaction.CommitAsync(ct);
        committed?.Invoke(progressName, stored.LogPosition);
    }

    /// <summary>A transaction holding the progress row's apply lock, with the checkpoint read under it.</summary>
    private sealed record LockedBatch(NpgsqlConnection Connection, NpgsqlTransaction Transaction, LogPosition Checkpoint) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync(); // rolls back unless committed
            await Connection.DisposeAsync();
        }
    }

    private async Task<LockedBatch> BeginLockedAsync(string progressName)
    {
        var none = CancellationToken.None; // never cancel an in-flight command (see RunBatchAsync)
        var connection = await store.DataSource.OpenConnectionAsync(none);
        try
        {
            var transaction = await connection.BeginTransactionAsync(none);
            await LockAsync(connection, transaction, progressName, none);
            return new LockedBatch(connection, transaction, await ReadCheckpointAsync(connection, transaction, progressName, none));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Hands the projection the events it handles; the checkpoint moves past the others all the same.</summary>
    public static Task ApplyAsync(IProjection projection, IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        if (projection.EventTypes is not { } types) return projection.ApplyAsync(events, context, ct);
        var relevant = events.Where(e => types.Contains(e.EventType)).ToList();
        return relevant.Count == 0 ? Task.CompletedTask : projection.ApplyAsync(relevant, context, ct);
    }

    public async Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string progressName, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(ApplyLockSql(store.Schema), connection, transaction);
        command.Parameters.Add(new() { Value = progressName });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<LogPosition> ReadCheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string progressName, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select tx_id, position from {store.Schema}.progress where name = $1", connection, transaction);
        command.Parameters.Add(new() { Value = progressName });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : LogPosition.Start;
    }

    public async Task WriteCheckpointAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string progressName,
        LogPosition checkpoint, int version, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            insert into {store.Schema}.progress (name, tx_id, position, version, updated) values ($1, $2, $3, $4, now())
            on conflict (name) do update set tx_id = excluded.tx_id, position = excluded.position, version = excluded.version, updated = now()
            """, connection, transaction);
        command.Parameters.Add(new() { Value = progressName });
        command.Parameters.Add(new() { Value = checkpoint.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new() { Value = checkpoint.Position });
        command.Parameters.Add(new() { Value = version });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The events after <paramref name="checkpoint"/> in delivery order. Outside the horizon only when the caller holds a
    /// SHARE lock on the events table (a rebuild's swap of an inline projection): then no writer is in flight.
    /// </summary>
    public async Task<List<StoredEvent>> ReadAfterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IProjection projection,
        LogPosition checkpoint, int limit, bool respectHorizon, CancellationToken ct)
    {
        await using var command = DeliveryOrder.After(store.Schema, checkpoint, limit, respectHorizon: respectHorizon);
        command.Connection = connection;
        command.Transaction = transaction;
        return await EventRows.ReadAllRows(command, store.EventTypes, ct);
    }
}
