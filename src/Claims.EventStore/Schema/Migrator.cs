using System.Reflection;
using Npgsql;

namespace Claims.EventStore.Schema;

/// <summary>
/// Creates and upgrades the store's schema from the versioned SQL files embedded in this assembly.
/// All pending migrations run in one transaction under an advisory lock, so processes starting together
/// queue behind each other and the later ones find nothing left to do.
/// </summary>
public static class Migrator
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    public static async Task<int> MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct = default)
    {
        SqlIdentifier.Validate(schema, "schema");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await Execute(connection, $"select pg_advisory_xact_lock(hashtext('claims.migrations.{schema}'))", ct);
        await Execute(connection, $"""
            create schema if not exists {schema};
            create table if not exists {schema}.schema_migrations (
                version int primary key, name text not null, applied timestamptz not null default now())
            """, ct);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand($"select version from {schema}.schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) applied.Add(reader.GetInt32(0));

        var count = 0;
        foreach (var migration in All.Where(m => !applied.Contains(m.Version)))
        {
            await Execute(connection, migration.Sql.Replace("{schema}", schema), ct);
            await using var record = new NpgsqlCommand(
                $"insert into {schema}.schema_migrations (version, name) values ($1, $2)", connection);
            record.Parameters.Add(new() { Value = migration.Version });
            record.Parameters.Add(new() { Value = migration.Name });
            await record.ExecuteNonQueryAsync(ct);
            count++;
        }
        await transaction.CommitAsync(ct);
        return count;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // Resource names look like Claims.EventStore.Schema.Migrations.0001_event_store.sql
            var file = resource.Split('.')[^2];
            var underscore = file.IndexOf('_');
            if (underscore <= 0 || !int.TryParse(file[..underscore], out var version))
                throw new InvalidOperationException($"Migration resource '{resource}' must be named NNNN_description.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var text = new StreamReader(stream);
            migrations.Add(new Migration(version, file[(underscore + 1)..], text.ReadToEnd()));
        }
        return migrations.OrderBy(m => m.Version).ToList();
    }
}
