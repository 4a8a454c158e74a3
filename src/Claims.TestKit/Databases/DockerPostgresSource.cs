using Claims.LocalPostgres;

namespace Claims.TestKit;

/// <summary>A throwaway postgres:16 container, when a Docker engine answers.</summary>
public sealed class DockerPostgresSource : IPostgresSource
{
    public string Name => $"docker {DockerPostgres.Image}";

    public async Task<IPostgresServer?> TryStartAsync(CancellationToken cancellationToken = default)
    {
        var container = await DockerPostgres.TryStartAsync(cancellationToken).ConfigureAwait(false);
        return container is null ? null : new PostgresServer(Name, container.ConnectionString, container.DisposeAsync);
    }
}
