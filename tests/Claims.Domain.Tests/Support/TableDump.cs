namespace Claims.Domain.Tests.Support;

/// <summary>Every row of every table of a schema, as text, in a stable order: for comparing a read model before and after a rebuild.</summary>
public static class TableDump
{
    /// <summary>Bookkeeping, not content: the strike index's generation moves with every batch and starts at random
    /// (Claims.Domain.Projections.StrikeIndex), so two builds of equal read models never share it.</summary>
    private static readonly string[] NotContent = ["strike_index_generation"];

    /// <summary>Every table of <paramref name="schema"/>, by name.</summary>
    public static Task<List<string>> TablesAsync(Npgsql.NpgsqlDataSource dataSource, string schema) =>
        TextRowsAsync(dataSource, "select tablename from pg_tables where schemaname = $1 order by tablename", schema);

    /// <summary>The rows of every table of <paramref name="schema"/> that holds content, as text, in order.</summary>
    public static async Task<SortedDictionary<string, List<string>>> OfSchemaAsync(Npgsql.NpgsqlDataSource dataSource, string schema)
    {
        var tables = (await TablesAsync(dataSource, schema)).Except(NotContent);
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
            dump[table] = await TextRowsAsync(dataSource, $"select t::text from {schema}.{table} t order by 1");
        return dump;
    }

    /// <summary>The first column of each row <paramref name="sql"/> returns (text), in the order it returns them.</summary>
    public static async Task<List<string>> TextRowsAsync(Npgsql.NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.Add(new() { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
