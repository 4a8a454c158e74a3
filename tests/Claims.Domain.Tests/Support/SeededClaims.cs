using Claims.Domain.Application;
using Claims.TestKit;

namespace Claims.Domain.Tests.Support;

/// <summary>
/// A class fixture: its own database (TestKit's PostgresDatabase), a running ClaimsRuntime, and the five seeds ingested
/// once for the whole class, read models caught up. Runtimes can be restarted on the same database.
/// </summary>
public sealed class SeededClaims : IAsyncLifetime
{
    public PostgresDatabase Database { get; private set; } = null!;
    public ClaimsRuntime Runtime { get; private set; } = null!;
    public IClaimsApplication App => Runtime.Application;

    /// <summary>Seed file name → its article id and ingestion result.</summary>
    public Dictionary<string, IngestResult> Ingested { get; } = [];

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        Runtime = await StartAsync(Database.ConnectionString);
        foreach (var seed in Seeds.All) Ingested[seed.File] = await App.IngestAsync(seed.Request, "seed-loader");
        await App.WaitForProjectionsAsync(Patience);
    }

    public static Task<ClaimsRuntime> StartAsync(string connectionString) =>
        ClaimsRuntime.StartAsync(connectionString, new ClaimsRuntimeOptions { Daemon = JasperFx.Events.Daemon.DaemonMode.Solo });

    /// <summary>Stops the runtime and starts a new one on the same database (a process restart).</summary>
    public async Task RestartAsync()
    {
        await Runtime.DisposeAsync();
        Runtime = await StartAsync(Database.ConnectionString);
    }

    public string FileOf(string articleId) => Ingested.Single(i => i.Value.ArticleId == articleId).Key;

    public async Task DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Database.DisposeAsync();
    }
}
