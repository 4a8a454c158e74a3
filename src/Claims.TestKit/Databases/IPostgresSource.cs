namespace Claims.TestKit;

/// <summary>
/// One way to obtain a PostgreSQL server for tests (environment variable, local binaries, Docker...).
/// Kept tiny so another source (e.g. Testcontainers, where that package restores) is one small class.
/// </summary>
public interface IPostgresSource
{
    string Name { get; }

    /// <summary>A running server, or null when this source does not apply on this machine.</summary>
    Task<IPostgresServer?> TryStartAsync(CancellationToken cancellationToken = default);
}

/// <summary>A running server; disposing stops it when the source started it.</summary>
public interface IPostgresServer : IAsyncDisposable
{
    /// <summary>Superuser connection string to a maintenance database (allowed to CREATE/DROP DATABASE).</summary>
    string ConnectionString { get; }

    /// <summary>Name of the source that provided it.</summary>
    string SourceName { get; }
}

internal sealed class PostgresServer(string sourceName, string connectionString, Func<ValueTask> stop) : IPostgresServer
{
    private int _disposed;

    public string ConnectionString { get; } = connectionString;
    public string SourceName { get; } = sourceName;

    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? stop() : ValueTask.CompletedTask;
}
