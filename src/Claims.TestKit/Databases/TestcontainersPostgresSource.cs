using Claims.TestKit.Docker;
using Testcontainers.PostgreSql;

namespace Claims.TestKit;

/// <summary>A throwaway PostgreSQL container through Testcontainers, when a Docker engine answers (the same major
/// version as docker-compose.yml).</summary>
public sealed class TestcontainersPostgresSource : IPostgresSource
{
    public const string Image = "postgres:16";

    public string Name => $"Testcontainers ({Image})";

    public async Task<IPostgresServer?> TryStartAsync(CancellationToken cancellationToken = default)
    {
        if (!await DockerEngine.AnswersAsync(ct: cancellationToken).ConfigureAwait(false)) return null;
        var container = Build();
        try
        {
            await container.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"{Name}: the Docker engine answered but the container did not start: {e.Message}", e);
        }
        return new PostgresServer(Name, container.GetConnectionString(), container.DisposeAsync);
    }

    /// <summary>The container as it is started (fsync off: a test database needs no durability).</summary>
    public static PostgreSqlContainer Build() => new PostgreSqlBuilder(Image)
        .WithCommand("-c", "fsync=off", "-c", "max_connections=300")
        .Build();
}
