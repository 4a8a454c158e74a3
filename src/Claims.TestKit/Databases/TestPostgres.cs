using Claims.LocalPostgres;

namespace Claims.TestKit;

/// <summary>The one PostgreSQL server of this test process: started on first use, stopped at process exit.</summary>
public static class TestPostgres
{
    private static readonly Lazy<Task<IPostgresServer>> SharedServer = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The sources tried in order: CLAIMS_TEST_DB; Testcontainers when a Docker engine answers; a throwaway local
    /// cluster with initdb/pg_ctl.</summary>
    public static IReadOnlyList<IPostgresSource> DefaultSources() =>
        [new EnvironmentPostgresSource(), new TestcontainersPostgresSource(), new LocalClusterPostgresSource()];

    /// <summary>
    /// The shared server. A failed start is remembered, so every test reports the same clear error
    /// instead of each retrying initdb.
    /// </summary>
    public static Task<IPostgresServer> Server => SharedServer.Value;

    /// <summary>The first server a source gives; <see cref="PostgresNotFoundException"/> when none applies.</summary>
    public static async Task<IPostgresServer> StartFirstAvailableAsync(IEnumerable<IPostgresSource> sources, CancellationToken cancellationToken = default)
    {
        var tried = new List<string>();
        foreach (var source in sources)
        {
            var server = await source.TryStartAsync(cancellationToken).ConfigureAwait(false);
            if (server is not null) return server;
            tried.Add(source.Name);
        }
        throw new PostgresNotFoundException($"tried: {string.Join(", ", tried)}");
    }

    private static async Task<IPostgresServer> StartSharedAsync()
    {
        var server = await StartFirstAvailableAsync(DefaultSources()).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
