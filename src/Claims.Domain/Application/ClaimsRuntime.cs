using Claims.Domain.Projections.Running;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Claims.Domain.Application;

/// <summary>
/// A started Claims host (Marten, Wolverine, the daemon as <see cref="ClaimsRuntimeOptions.Daemon"/> says) and the
/// handles its users need. The CLI's one-off commands, the tests and the benchmarks start one with <see cref="StartAsync"/>;
/// `claims serve` wraps its web host with <see cref="Of"/>. Dispose it to stop the host.
/// </summary>
public sealed class ClaimsRuntime : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _owned;

    private ClaimsRuntime(IHost host, bool owned)
    {
        _host = host;
        _owned = owned;
    }

    public IServiceProvider Services => _host.Services;
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();
    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();
    public IClaimsApplication Application => Claims;

    /// <summary>The same application with the members beyond the contract (re-extraction).</summary>
    public ClaimsApplication Claims => Services.GetRequiredService<ClaimsApplication>();

    public ProjectionProgress Progress => Services.GetRequiredService<ProjectionProgress>();

    /// <summary>The read models this process runs, with the schema of their version.</summary>
    public IReadOnlyList<TableProjection> Projections => Services.GetRequiredService<IReadOnlyList<TableProjection>>();

    public string ProjectionSchema(string name) => Projections.Single(p => p.Projection.Name == name).Schema;

    public static Task<ClaimsRuntime> StartAsync(string connectionString, ClaimsRuntimeOptions? options = null, CancellationToken ct = default) =>
        StartAsync(connectionString, options, configure: null, ct);

    /// <summary>The same, with more added to the host before it starts (e.g. the RabbitMQ relay).</summary>
    public static async Task<ClaimsRuntime> StartAsync(string connectionString, ClaimsRuntimeOptions? options, Action<IHostApplicationBuilder>? configure,
        CancellationToken ct = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddClaims(connectionString, options ?? new ClaimsRuntimeOptions { Daemon = DaemonMode.Solo });
        configure?.Invoke(builder);
        var host = builder.Build();
        try
        {
            await host.StartAsync(ct);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new ClaimsRuntime(host, owned: true);
    }

    /// <summary>A runtime over a host built elsewhere with <see cref="ClaimsStack.AddClaims"/> (the web host); not stopped on dispose.</summary>
    public static ClaimsRuntime Of(IHost host) => new(host, owned: false);

    /// <summary>Rebuilds one read model (or all) from the start of the log with a Marten daemon of its own: the tables are
    /// emptied, the log replayed (the event tables' statistics refreshed first: <see cref="EventLogStatistics"/>), the
    /// progress set. This process's own daemon, if it runs one, is paused meanwhile (two daemons would race on the same
    /// shard) and resumed after, following the log from where the rebuild ended.</summary>
    public async Task RebuildAsync(string? projection = null, CancellationToken ct = default)
    {
        var coordinator = Services.GetService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
        if (coordinator is not null) await coordinator.PauseAsync();
        try
        {
            await EventLogStatistics.RefreshAsync(DataSource, Store.Options.Events.DatabaseSchemaName, ct);
            using var daemon = await Store.BuildProjectionDaemonAsync();
            // Side by side: each read model has its own shard and tables, and one waiting on the database leaves a core to another.
            await Task.WhenAll(Projections.Where(p => projection is null || p.Projection.Name == projection)
                .Select(p => daemon.RebuildProjectionAsync(p.Projection.Name, TimeSpan.FromMinutes(30), ct)));
        }
        finally
        {
            if (coordinator is not null) await coordinator.ResumeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_owned) return;
        await _host.StopAsync();
        if (_host is IAsyncDisposable d) await d.DisposeAsync();
        else _host.Dispose();
    }
}
