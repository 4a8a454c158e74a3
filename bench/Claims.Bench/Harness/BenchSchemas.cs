using Npgsql;

namespace Claims.Bench.Harness;

/// <summary>Each benchmark starts from empty schemas of its own: stream ids repeat from run to run, and a kept database
/// would refuse them as existing streams.</summary>
public static class BenchSchemas
{
    /// <summary>Drops the schema <paramref name="prefix"/> and every "&lt;prefix&gt;_…" schema (Wolverine's, the read models' versions).</summary>
    public static Task DropAsync(NpgsqlDataSource dataSource, string prefix) => ExecuteAsync(dataSource, $"""
        do $$ declare s text; begin
          for s in select nspname from pg_namespace where nspname = '{prefix}' or nspname like '{prefix}\_%' loop
            execute format('drop schema %I cascade', s);
          end loop;
        end $$;
        """);

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
