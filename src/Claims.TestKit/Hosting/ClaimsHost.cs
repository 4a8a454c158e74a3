using Claims.Domain.Application;
using JasperFx.Events.Daemon;
using Xunit;

namespace Claims.TestKit;

/// <summary>
/// Claims (Marten, Wolverine, the daemon in solo mode) started once for a test class (<c>IClassFixture&lt;ClaimsHost&gt;</c>)
/// on a database of its own from <see cref="TestPostgres"/>. Tests of one class share it: give each test its own stream ids.
/// </summary>
public sealed class ClaimsHost : IAsyncLifetime
{
    public PostgresDatabase Database { get; private set; } = null!;
    public ClaimsRuntime Runtime { get; private set; } = null!;
    public IClaimsApplication Application => Runtime.Application;

    public async Task InitializeAsync()
    {
        Database = await PostgresDatabase.CreateAsync();
        Runtime = await ClaimsRuntime.StartAsync(Database.ConnectionString, new ClaimsRuntimeOptions { Daemon = DaemonMode.Solo });
    }

    /// <summary>A given/when/then scenario on this host.</summary>
    public Scenario Scenario() => Runtime.Scenario();

    /// <summary>Waits until Marten's async projections have applied everything appended so far.</summary>
    public Task WaitForProjectionsAsync(TimeSpan? timeout = null) => Runtime.Application.WaitForProjectionsAsync(timeout ?? TimeSpan.FromSeconds(30));

    public async Task DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Database.DisposeAsync();
    }
}
