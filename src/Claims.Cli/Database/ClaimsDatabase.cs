using Claims.LocalPostgres;
using Npgsql;

namespace Claims.Cli.Database;

/// <summary>
/// Where the CLI keeps its data: the connection string in <c>CLAIMS_DB</c> when set, otherwise a PostgreSQL cluster of its own
/// under the user's data folder (created the first time, started when stopped, reused afterwards) holding a `claims` database.
/// </summary>
public static class ClaimsDatabase
{
    public const string Setting = "CLAIMS_DB";
    public const string LocalDatabaseName = "claims";

    public static async Task<string> ConnectionStringAsync(Action<string> log, CancellationToken ct = default)
    {
        var configured = Environment.GetEnvironmentVariable(Setting);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var cluster = await LocalCluster.StartPersistentAsync(log: log, cancellationToken: ct);
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = LocalDatabaseName } } };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            log($"Creating the '{LocalDatabaseName}' database.");
            return await cluster.CreateDatabaseAsync(LocalDatabaseName, ct);
        }
        return cluster.ConnectionStringFor(LocalDatabaseName);
    }

    /// <summary>The connection string without its password, to name the database in messages.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
