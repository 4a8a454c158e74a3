using Npgsql;

namespace Claims.Domain.Projections.Running;

/// <summary>The connection, transaction and schema a projection writes through; it must not commit or roll back itself.</summary>
public sealed class ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema)
{
    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>The schema to qualify every read-model table with: the live one, or the one a rebuild is filling.</summary>
    public string Schema { get; } = schema;

    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    public NpgsqlBatch Batch() => new(Connection, Transaction);

    /// <summary>Runs a statement with positional parameters ($1, $2…); null is sent as NULL.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] parameters)
    {
        await using var command = Bind(sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs statements in order in one round trip (each with its positional parameters; a statement may be null, to
    /// leave it out): for a run of writes that need nothing back in between.</summary>
    public async Task ExecuteAllAsync(CancellationToken ct, params (string Sql, object?[] Parameters)?[] statements)
    {
        await using var batch = Batch();
        foreach (var statement in statements.OfType<(string Sql, object?[] Parameters)>())
        {
            var command = new NpgsqlBatchCommand(statement.Sql);
            foreach (var parameter in Positional(statement.Parameters)) command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
            batch.BatchCommands.Add(command);
        }
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Runs a query with positional parameters and maps each row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> row, CancellationToken ct, params object?[] parameters)
    {
        await using var command = Bind(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(row(reader));
        return rows;
    }

    private NpgsqlCommand Bind(string sql, object?[] parameters)
    {
        var command = Command(sql);
        foreach (var parameter in Positional(parameters)) command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        return command;
    }

    // A lone string[] (any array of references) passed as `params object?[]` becomes the parameter list itself, one
    // parameter per element; a covariant array is never a real list of parameters, so take it as the one parameter.
    private static object?[] Positional(object?[] parameters) => parameters.GetType() != typeof(object[]) ? [parameters] : parameters;
}
