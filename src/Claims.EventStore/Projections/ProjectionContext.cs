using Npgsql;

namespace Claims.EventStore.Projections;

/// <summary>The connection, transaction and schema a projection writes through; it must not commit or roll back itself.</summary>
public sealed class ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema)
{
    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>The schema to qualify every read-model table with: the live one, or the one a rebuild is filling.</summary>
    public string Schema { get; } = schema;

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    public NpgsqlBatch Batch() => new(Connection, Transaction);

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] parameters)
    {
        await using var command = Command(sql);
        foreach (var parameter in parameters) command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
