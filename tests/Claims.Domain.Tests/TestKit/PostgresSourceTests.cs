using Claims.LocalPostgres;
using Claims.TestKit;
using Npgsql;

namespace Claims.Domain.Tests.TestKit;

// Changes CLAIMS_TEST_DB, a process-wide variable: these tests must not run beside each other.
[CollectionDefinition(nameof(TestDbVariable), DisableParallelization = true)]
public sealed class TestDbVariable;

[Collection(nameof(TestDbVariable))]
public sealed class PostgresSourceTests
{
    [Fact]
    public async Task CLAIMS_TEST_DB_is_preferred_over_every_other_source()
    {
        // The shared server already exists, so setting the variable now cannot change which one it is.
        var running = await TestPostgres.Server;
        using var variable = new TemporaryVariable(EnvironmentPostgresSource.Variable, running.ConnectionString);

        await using var server = await TestPostgres.StartFirstAvailableAsync(TestPostgres.DefaultSources());

        Assert.Equal(EnvironmentPostgresSource.Variable, server.SourceName);
        Assert.Equal(running.ConnectionString, server.ConnectionString);
        await using var database = await PostgresDatabase.CreateAsync(server);
        await using var ping = database.DataSource.CreateCommand("SELECT 1");
        Assert.Equal(1, await ping.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Disposing_a_server_from_CLAIMS_TEST_DB_leaves_it_running()
    {
        var running = await TestPostgres.Server;
        using var variable = new TemporaryVariable(EnvironmentPostgresSource.Variable, running.ConnectionString);

        var server = await new EnvironmentPostgresSource().TryStartAsync();
        Assert.NotNull(server);
        await server.DisposeAsync();

        await using var connection = new NpgsqlConnection(running.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(System.Data.ConnectionState.Open, connection.State);
    }

    [Fact]
    public async Task Without_CLAIMS_TEST_DB_the_environment_source_does_not_apply()
    {
        using var variable = new TemporaryVariable(EnvironmentPostgresSource.Variable, null);
        Assert.Null(await new EnvironmentPostgresSource().TryStartAsync());
    }

    [Fact]
    public async Task A_CLAIMS_TEST_DB_nobody_answers_at_fails_naming_the_variable()
    {
        var nobodyListens = $"Host=127.0.0.1;Port={UnusedPort()};Username=postgres;Database=postgres;Timeout=3";
        using var variable = new TemporaryVariable(EnvironmentPostgresSource.Variable, nobodyListens);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new EnvironmentPostgresSource().TryStartAsync());
        Assert.Contains(EnvironmentPostgresSource.Variable, error.Message);
    }

    [Fact]
    public async Task When_no_source_applies_the_error_says_what_to_install()
    {
        var error = await Assert.ThrowsAsync<PostgresNotFoundException>(
            () => TestPostgres.StartFirstAvailableAsync([new NeverApplies()]));
        Assert.Contains("apt-get install postgresql", error.Message);
        Assert.Contains("CLAIMS_TEST_DB", error.Message);
        Assert.Contains("never", error.Message);
    }

    private static int UnusedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class NeverApplies : IPostgresSource
    {
        public string Name => "never";
        public Task<IPostgresServer?> TryStartAsync(CancellationToken cancellationToken = default) => Task.FromResult<IPostgresServer?>(null);
    }

    private sealed class TemporaryVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _previous;

        public TemporaryVariable(string name, string? value)
        {
            _name = name;
            _previous = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _previous);
    }

    [Fact]
    public async Task With_no_Docker_engine_answering_Testcontainers_stands_aside_at_once()
    {
        // DOCKER_HOST at a port nothing listens on: the engine check answers no (no hang), so the next source is tried.
        var previous = Environment.GetEnvironmentVariable("DOCKER_HOST");
        Environment.SetEnvironmentVariable("DOCKER_HOST", $"tcp://127.0.0.1:{Claims.LocalPostgres.FreePort.Pick()}");
        try
        {
            Assert.False(await Claims.TestKit.Docker.DockerEngine.AnswersAsync());
            Assert.Null(await new TestcontainersPostgresSource().TryStartAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOCKER_HOST", previous);
        }
    }

    [Fact]
    public void The_Testcontainers_source_builds_a_pinned_postgres_container()
    {
        var container = TestcontainersPostgresSource.Build();
        Assert.Equal("postgres:16", TestcontainersPostgresSource.Image);
        Assert.NotNull(container);
    }

    [Fact]
    public void Sources_are_tried_environment_then_Testcontainers_then_the_local_cluster()
    {
        var order = TestPostgres.DefaultSources().Select(s => s.GetType()).ToList();
        Assert.Equal([typeof(EnvironmentPostgresSource), typeof(TestcontainersPostgresSource), typeof(LocalClusterPostgresSource)], order);
    }
}
