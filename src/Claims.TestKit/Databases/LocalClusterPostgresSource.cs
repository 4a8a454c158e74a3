using Claims.LocalPostgres;

namespace Claims.TestKit;

/// <summary>A throwaway cluster made with the locally installed initdb/pg_ctl.</summary>
public sealed class LocalClusterPostgresSource : IPostgresSource
{
    public string Name => "local cluster (initdb/pg_ctl)";

    public async Task<IPostgresServer?> TryStartAsync(CancellationToken cancellationToken = default)
    {
        if (PostgresBinaries.Find() is null) return null;
        var cluster = await LocalCluster.StartThrowawayAsync(cancellationToken).ConfigureAwait(false);
        return new PostgresServer(Name, cluster.ConnectionString, cluster.DisposeAsync);
    }
}
