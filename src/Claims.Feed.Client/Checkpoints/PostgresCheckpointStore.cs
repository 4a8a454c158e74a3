using System.Text.RegularExpressions;
using Npgsql;

namespace Claims.Feed.Client.Checkpoints;

/// <summary>
/// The checkpoint as a row of the subscriber's own PostgreSQL table (name text primary key, position bigint).
/// With <see cref="ClaimsFeedClient.RunAsync(Func{CloudEvent, NpgsqlTransaction, CancellationToken, Task}, PostgresCheckpointStore, CancellationToken)"/>
/// the subscriber's work and the checkpoint commit in one transaction: each event takes effect exactly once.
/// </summary>
public sealed partial class PostgresCheckpointStore : ICheckpointStore
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?$")]
    private static partial Regex PlainTableName();

    public PostgresCheckpointStore(NpgsqlDataSource dataSource, string table = "claims_feed_checkpoints", string name = "default")
    {
        if (!PlainTableName().IsMatch(table))
            throw new ArgumentException($"Checkpoint table '{table}' is not a plain PostgreSQL name ([schema.]table, lower-case letters, digits, underscores).", nameof(table));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        DataSource = dataSource;
        Table = table;
        Name = name;
    }

    public NpgsqlDataSource DataSource { get; }
    public string Table { get; }

    /// <summary>The row's key: one table can hold the checkpoints of several subscriptions.</summary>
    public string Name { get; }

    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand(
            $"create table if not exists {Table} (name text primary key, position bigint not null, updated timestamptz not null default now())");
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<long> LoadAsync(CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await using var command = DataSource.CreateCommand($"select position from {Table} where name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Name });
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    public async Task SaveAsync(long position, CancellationToken ct)
    {
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await SaveAsync(connection, null, position, ct);
    }

    /// <summary>Saves inside the caller's transaction: the checkpoint commits or rolls back with the caller's work.</summary>
    public Task SaveAsync(NpgsqlTransaction transaction, long position, CancellationToken ct) =>
        SaveAsync(transaction.Connection ?? throw new InvalidOperationException("The transaction is already completed."), transaction, position, ct);

    private async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            insert into {Table} (name, position) values ($1, $2)
            on conflict (name) do update set position = excluded.position, updated = now()
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Name });
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        await command.ExecuteNonQueryAsync(ct);
    }
}
