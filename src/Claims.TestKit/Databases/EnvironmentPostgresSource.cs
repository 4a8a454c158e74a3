using Npgsql;

namespace Claims.TestKit;

/// <summary>A server someone already runs, named by the CLAIMS_TEST_DB connection string; never stopped by us.</summary>
public sealed class EnvironmentPostgresSource : IPostgresSource
{
    public const string Variable = "CLAIMS_TEST_DB";

    public string Name => Variable;

    public async Task<IPostgresServer?> TryStartAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString)) return null;

        // Set on purpose, so a wrong value must fail loudly rather than silently fall back to another source.
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{Variable} is set but no PostgreSQL answers at it: {e.Message}", e);
        }
        return new PostgresServer(Name, connectionString, () => ValueTask.CompletedTask);
    }
}
