using Claims.EventStore.Events;
using Npgsql;

namespace Claims.EventStore.Projections;

/// <summary>
/// Rebuilds a projection from the start of the log into a fresh schema beside the live one, which keeps serving; then
/// swaps them in one short transaction. The swap holds the projection's apply lock (so no live batch interleaves),
/// applies whatever arrived during the rebuild, renames the schemas and hands the rebuild's checkpoint to the live row.
/// For an inline projection the swap also takes a SHARE lock on the events table: in-flight appends finish first, and
/// appends that start meanwhile wait and then apply their inline effects to the new schema.
/// </summary>
internal sealed class Rebuilder(EventStore store)
{
    // Large: a rebuild is throughput-bound and each batch pays a fixed cost of round trips (lock, checkpoint, commit).
    private const int BatchSize = 5000;
    private readonly ProjectionRunner _runner = new(store);

    /// <summary>
    /// Creates the read model if it is missing, rebuilds it if its version changed; otherwise does nothing.
    /// A missing async read model is created empty at the start of the log and the daemon's batches fill it;
    /// a missing inline one is built from the log here, since nothing else would ever apply the past to it.
    /// </summary>
    public async Task EnsureCurrentAsync(IProjection projection, ProjectionLifecycle lifecycle, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ct = CancellationToken.None; // never cancel an in-flight command (see ProjectionRunner.RunBatchAsync)
        var live = store.ProjectionSchema(projection.Name);
        var (exists, version) = await ReadStateAsync(projection, live, ct);
        if (!exists && lifecycle == ProjectionLifecycle.Async) await CreateEmptyAsync(projection, live, ct);
        else if (!exists || version != projection.Version) await RebuildAsync(projection, lifecycle, ct);
    }

    /// <summary>
    /// Whether the live schema exists and which version built it. The reader is disposed exactly once, before the
    /// connection goes back to the pool: Npgsql reuses one reader object per connector, so a second dispose after that
    /// could close another command's reader on the same pooled connector.
    /// </summary>
    private async Task<(bool Exists, int? Version)> ReadStateAsync(IProjection projection, string live, CancellationToken ct)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select exists (select 1 from pg_namespace where nspname = $1),
                   (select version from {store.Schema}.progress where name = $2)
            """, connection);
        command.Parameters.Add(new() { Value = live });
        command.Parameters.Add(new() { Value = projection.Name });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetInt32(1));
    }

    private async Task CreateEmptyAsync(IProjection projection, string live, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ct = CancellationToken.None; // never cancel an in-flight command (see ProjectionRunner.RunBatchAsync)
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await _runner.LockAsync(connection, transaction, projection.Name, ct);
        await Execute(connection, transaction, $"create schema if not exists {live}", ct);
        if (await HasNoTablesAsync(connection, transaction, live, ct))
        {
            await projection.CreateSchemaAsync(new ProjectionContext(connection, transaction, live), ct);
            await _runner.WriteCheckpointAsync(connection, transaction, projection.Name, LogPosition.Start, projection.Version, ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task<bool> HasNoTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select not exists (select 1 from pg_tables where schemaname = $1)", connection, transaction);
        command.Parameters.Add(new() { Value = schema });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public async Task RebuildAsync(IProjection projection, ProjectionLifecycle lifecycle, CancellationToken ct)
    {
        var live = store.ProjectionSchema(projection.Name);
        var build = live + ProjectionRunner.RebuildSuffix;
        var buildProgress = projection.Name + ProjectionRunner.RebuildSuffix;

        await PrepareBuildSchemaAsync(projection, build, buildProgress, ct);

        // The long part: the old read model keeps serving, live batches keep running.
        while (await _runner.RunBatchAsync(projection, build, buildProgress, BatchSize, ct) == BatchSize) { }

        await SwapAsync(projection, lifecycle, live, build, buildProgress, ct);
    }

    private async Task PrepareBuildSchemaAsync(IProjection projection, string build, string buildProgress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ct = CancellationToken.None; // never cancel an in-flight command (see ProjectionRunner.RunBatchAsync)
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // A rebuild runs under the build row's apply lock: two rebuilds of one projection queue rather than collide.
        await _runner.LockAsync(connection, transaction, buildProgress, ct);
        await Execute(connection, transaction, $"drop schema if exists {build} cascade; create schema {build}", ct);
        await projection.CreateSchemaAsync(new ProjectionContext(connection, transaction, build), ct);
        await _runner.WriteCheckpointAsync(connection, transaction, buildProgress, LogPosition.Start, projection.Version, ct);
        await transaction.CommitAsync(ct);
    }

    private async Task SwapAsync(IProjection projection, ProjectionLifecycle lifecycle, string live, string build, string buildProgress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        ct = CancellationToken.None; // never cancel an in-flight command (see ProjectionRunner.RunBatchAsync)
        await using var connection = await store.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await _runner.LockAsync(connection, transaction, projection.Name, ct);
        await _runner.LockAsync(connection, transaction, buildProgress, ct);
        var inline = lifecycle == ProjectionLifecycle.Inline;
        if (inline) await Execute(connection, transaction, $"lock table {store.Schema}.events in share mode", ct);

        var checkpoint = await _runner.ReadCheckpointAsync(connection, transaction, buildProgress, ct);
        while (true)
        {
            var events = await _runner.ReadAfterAsync(connection, transaction, projection, checkpoint, BatchSize, respectHorizon: !inline, ct);
            if (events.Count == 0) break;
            await ProjectionRunner.ApplyAsync(projection, events, new ProjectionContext(connection, transaction, build), ct);
            checkpoint = events[^1].LogPosition;
        }

        await Execute(connection, transaction, $"""
            do $$ begin
                if exists (select 1 from pg_namespace where nspname = '{live}') then
                    execute 'alter schema {live} rename to {live}__old';
                end if;
            end $$;
            alter schema {build} rename to {live};
            drop schema if exists {live}__old cascade;
            delete from {store.Schema}.progress where name = '{buildProgress}';
            """, ct);
        await _runner.WriteCheckpointAsync(connection, transaction, projection.Name, checkpoint, projection.Version, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
