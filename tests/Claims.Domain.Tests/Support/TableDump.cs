namespace Claims.Domain.Tests.Support;

/// <summary>Every row of every table of a schema, as text, in a stable order: for comparing a read model before and after a rebuild.</summary>
public static class TableDump
{
    public static async Task<SortedDictionary<string, List<string>>> OfSchemaAsync(Npgsql.NpgsqlDataSource dataSource, string schema)
    {
        var tables = new List<string>();
        await using (var command = dataSource.CreateCommand("select tablename from pg_tables where schemaname = $1 order by tablename"))
        {
            command.Parameters.Add(new() { Value = schema });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = dataSource.CreateCommand($"select t::text from {schema}.{table} t order by 1");
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            dump[table] = rows;
        }
        return dump;
    }
}
