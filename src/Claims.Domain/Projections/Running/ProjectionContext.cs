using Npgsql;

namespace Claims.Domain.Projections.Running;

/// <summary>
/// The connection, transaction and schema a projection writes through; it must not commit or roll back itself.
/// Writes that need nothing back are queued (<see cref="Enqueue"/>) and go to the server in the same round trip as the next
/// statement that does (<see cref="QueryAsync{T}"/>, <see cref="ExecuteAsync"/>), or when the batch ends
/// (<see cref="FlushAsync"/>): they run in the order they were written, before anything sent after them, so queuing changes
/// when they travel, never what a later statement sees. Each round trip waits for the database and then for a thread on a
/// machine busy with the ingest itself, and a live batch is only a few articles: the ones that bring nothing back are saved.
/// </summary>
public sealed class ProjectionContext(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema)
{
    private readonly List<NpgsqlBatchCommand> _queued = [];

    /// <summary>For a session enlisted in the batch (the dead letters'); statements go through this context, since one sent
    /// on the connection directly would run before the queued writes and not see them.</summary>
    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>The schema to qualify every read-model table with: the live one, or the one a rebuild is filling.</summary>
    public string Schema { get; } = schema;

    /// <summary>How many round trips this context has started (whether or not they succeeded).</summary>
    public int RoundTrips { get; private set; }

    /// <summary>Queues statements that need nothing back, in order, each with its positional parameters ($1, $2…; null is sent
    /// as NULL); a statement may be null, to leave it out.</summary>
    public void Enqueue(params (string Sql, object?[] Parameters)?[] statements)
    {
        foreach (var statement in statements.OfType<(string Sql, object?[] Parameters)>()) _queued.Add(Bind(new NpgsqlBatchCommand(statement.Sql), statement.Parameters));
    }

    /// <summary>Sends the queued statements, if any.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_queued.Count == 0) return;
        await using var batch = Send();
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>How many statements wait to be sent.</summary>
    public int Queued => _queued.Count;

    /// <summary>Drops, unsent, the queued statements from the <paramref name="first"/>th on (their work is being undone).</summary>
    public void Discard(int first = 0) => _queued.RemoveRange(first, _queued.Count - first);

    /// <summary>Runs a statement (after the queued ones) and returns the rows it affected.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params object?[] parameters)
    {
        Enqueue((sql, parameters));
        var last = _queued[^1];
        await using var batch = Send();
        await batch.ExecuteNonQueryAsync(ct);
        return last.RecordsAffected;
    }

    /// <summary>Runs a query (after the queued statements) and maps each row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> row, CancellationToken ct, params object?[] parameters)
    {
        Enqueue((sql, parameters));
        await using var batch = Send();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        // The queued writes come first and return no rows; the query's rows are the last result.
        while (reader.FieldCount == 0 && await reader.NextResultAsync(ct)) { }
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(row(reader));
        return rows;
    }

    private NpgsqlBatch Send()
    {
        var batch = new NpgsqlBatch(connection, Transaction);
        foreach (var command in _queued) batch.BatchCommands.Add(command);
        _queued.Clear();
        RoundTrips++;
        return batch;
    }

    private static NpgsqlBatchCommand Bind(NpgsqlBatchCommand command, object?[] parameters)
    {
        foreach (var parameter in Positional(parameters)) command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        return command;
    }

    // A lone string[] (any array of references) passed as `params object?[]` becomes the parameter list itself, one
    // parameter per element; a covariant array is never a real list of parameters, so take it as the one parameter.
    private static object?[] Positional(object?[] parameters) => parameters.GetType() != typeof(object[]) ? [parameters] : parameters;
}
