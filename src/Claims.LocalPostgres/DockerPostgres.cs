using Npgsql;

namespace Claims.LocalPostgres;

/// <summary>A throwaway postgres:16 container, for machines with Docker but no PostgreSQL installed.</summary>
public sealed class DockerPostgres : IAsyncDisposable
{
    public const string Image = "postgres:16";
    private static readonly TimeSpan ReadinessTimeout = TimeSpan.FromSeconds(90);
    private int _disposed;

    private DockerPostgres(string containerId, int port)
    {
        ContainerId = containerId;
        Port = port;
    }

    public string ContainerId { get; }
    public int Port { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Whether a Docker engine answers (`docker info`), not merely whether the CLI is installed.</summary>
    public static async Task<bool> EngineAnswersAsync()
    {
        var info = await CommandRunner.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        return info.Succeeded;
    }

    /// <summary>Starts the container and waits until it accepts connections; null when no Docker engine answers.</summary>
    public static async Task<DockerPostgres?> TryStartAsync(CancellationToken cancellationToken = default)
    {
        if (!await EngineAnswersAsync().ConfigureAwait(false)) return null;

        var run = await CommandRunner.RunAsync("docker",
            ["run", "-d", "--rm", "-e", "POSTGRES_HOST_AUTH_METHOD=trust", "-p", "127.0.0.1::5432", Image,
             "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
            TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        if (!run.Succeeded)
            throw new InvalidOperationException($"docker run {Image} failed:\n{run.Output}");
        var containerId = run.Output.Trim().Split('\n').Last().Trim();

        try
        {
            var port = await PublishedPortAsync(containerId).ConfigureAwait(false);
            var server = new DockerPostgres(containerId, port);
            await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await RemoveAsync(containerId).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await RemoveAsync(ContainerId).ConfigureAwait(false);
    }

    private static async Task<int> PublishedPortAsync(string containerId)
    {
        // `docker port` prints e.g. "127.0.0.1:49153".
        var published = await CommandRunner.RunAsync("docker", ["port", containerId, "5432/tcp"], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var firstLine = published.Output.Trim().Split('\n')[0].Trim();
        if (!published.Succeeded || !int.TryParse(firstLine[(firstLine.LastIndexOf(':') + 1)..], out var port))
            throw new InvalidOperationException($"Could not read the port Docker published for container {containerId}: {published.Output}");
        return port;
    }

    // The image's init phase runs a server that listens on the unix socket only, so a TCP answer means the real one.
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadinessTimeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=5");
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
            {
                last = e;
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
        throw new InvalidOperationException($"Container {ContainerId} ({Image}) did not accept connections within {ReadinessTimeout.TotalSeconds:0}s.", last);
    }

    private static Task RemoveAsync(string containerId) =>
        CommandRunner.RunAsync("docker", ["rm", "-f", containerId], TimeSpan.FromMinutes(1));
}
