using Claims.LocalPostgres;
using Claims.TestKit;
using Npgsql;

namespace Claims.Bench.Harness;

/// <summary>
/// The database the benchmarks run on: CLAIMS_BENCH_DB when set, else a throwaway local cluster (the test kit's code).
/// Every figure and its baseline are measured on this same server in the same run, so the ratios hold on a noisy machine.
/// It is also an <see cref="IPostgresServer"/>, so that a benchmark needing a whole database of its own (one that runs
/// `claims serve`, which writes the default schema) takes a throwaway one with the test kit's <see cref="PostgresDatabase"/>.
/// </summary>
public sealed class BenchDatabase : IPostgresServer
{
    private readonly LocalCluster? _cluster;

    private BenchDatabase(string connectionString, LocalCluster? cluster)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable("CLAIMS_BENCH_DB");
        if (!string.IsNullOrWhiteSpace(configured)) return new BenchDatabase(configured, null);
        var cluster = await LocalCluster.StartThrowawayAsync();
        var connectionString = await cluster.CreateDatabaseAsync("claims_bench");
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 64 };
        return new BenchDatabase(builder.ConnectionString, cluster);
    }

    string IPostgresServer.SourceName => Describe();

    public string Describe() => _cluster is null ? "CLAIMS_BENCH_DB" : "throwaway local cluster (fsync off)";

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
