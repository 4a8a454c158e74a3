using Claims.Domain.Application;
using Claims.LocalPostgres;
using Npgsql;

namespace Claims.Cli.Database;

/// <summary>Opens the Claims runtime on the CLI's database for one command, and turns "no database" into a message, not a stack trace.</summary>
public static class CliRuntime
{
    public const int NoDatabase = 3;

    /// <summary>Runs a one-off command on a started Claims host of its own (the daemon in solo mode, so its read models move).</summary>
    public static Task<int> RunAsync(string command, Func<ClaimsRuntime, Task<int>> body) =>
        WithDatabaseAsync(command, async connectionString =>
        {
            await using var runtime = await ClaimsRuntime.StartAsync(connectionString);
            return await body(runtime);
        });

    /// <summary>Opens one connection, so that an unreachable database is reported here (exit code 3) and not as a stack
    /// trace from inside a command that catches everything (JasperFx's).</summary>
    public static async Task EnsureReachableAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
    }

    /// <summary>Finds or provisions the CLI's database and runs <paramref name="body"/> on it, turning "no database" into a message.</summary>
    public static async Task<int> WithDatabaseAsync(string command, Func<string, Task<int>> body)
    {
        string? connectionString = null;
        try
        {
            connectionString = await ClaimsDatabase.ConnectionStringAsync(Console.Error.WriteLine);
            return await body(connectionString);
        }
        catch (PostgresNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"claims {command}: {e.Message}");
            return NoDatabase;
        }
        catch (NpgsqlException e) when (e.SqlState is null or "3D000" or "28P01" or "28000")
        {
            // Connection-level failures (server down, unknown database, authentication): say which database and how to change it.
            var where = connectionString is null ? "the local PostgreSQL" : ClaimsDatabase.Describe(connectionString);
            await Console.Error.WriteLineAsync($"claims {command}: cannot use the database at {where}: {e.Message}");
            await Console.Error.WriteLineAsync($"Set {ClaimsDatabase.Setting} to a PostgreSQL connection string, or unset it to use a local PostgreSQL.");
            return NoDatabase;
        }
    }
}
