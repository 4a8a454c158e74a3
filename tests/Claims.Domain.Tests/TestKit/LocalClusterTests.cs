using Claims.LocalPostgres;
using Npgsql;

namespace Claims.Domain.Tests.TestKit;

public sealed class LocalClusterTests
{
    [Fact]
    public async Task A_throwaway_cluster_answers_then_disappears_with_its_folder()
    {
        var cluster = await LocalCluster.StartThrowawayAsync();
        await using (var connection = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false"))
        {
            await connection.OpenAsync();
            await using var fsync = new NpgsqlCommand("SHOW fsync", connection);
            Assert.Equal("off", await fsync.ExecuteScalarAsync());
        }

        await cluster.DisposeAsync();

        Assert.False(Directory.Exists(cluster.RootDirectory));
        await using var afterwards = new NpgsqlConnection(cluster.ConnectionString + ";Pooling=false;Timeout=3");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => afterwards.OpenAsync());
    }

    [Fact]
    public async Task A_persistent_cluster_keeps_its_data_and_port_across_restarts()
    {
        var root = Path.Combine(Path.GetTempPath(), "claims-persistent-test-" + Guid.NewGuid().ToString("N")[..8]);
        var log = new List<string>();
        try
        {
            var first = await LocalCluster.StartPersistentAsync(root, log.Add);
            var connectionString = first.ConnectionString + ";Pooling=false";
            await ExecuteAsync(connectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");

            var reused = await LocalCluster.StartPersistentAsync(root, log.Add);
            Assert.Equal(first.Port, reused.Port);

            await reused.StopAsync();
            var restarted = await LocalCluster.StartPersistentAsync(root, log.Add);

            Assert.Equal(first.Port, restarted.Port);
            Assert.Equal(42, await ExecuteAsync(restarted.ConnectionString + ";Pooling=false", "SELECT id FROM kept"));
            Assert.Equal("on", await ExecuteAsync(connectionString, "SHOW fsync"));
            await restarted.StopAsync();
        }
        finally
        {
            if (File.Exists(Path.Combine(root, "data", "postmaster.pid")))
                await (await LocalCluster.StartPersistentAsync(root, log.Add)).StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_database_name_that_needs_quoting_is_refused_by_name()
    {
        await using var cluster = await LocalCluster.StartThrowawayAsync();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => cluster.CreateDatabaseAsync("bad\"name"));
        Assert.Contains("bad\"name", error.Message);

        var created = await cluster.CreateDatabaseAsync("claims_ok");
        Assert.Equal("claims_ok", new NpgsqlConnectionStringBuilder(created).Database);
        Assert.Equal(1, await ExecuteAsync(created + ";Pooling=false", "SELECT 1"));
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
