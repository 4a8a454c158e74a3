using Claims.Domain.Events;
using Claims.Domain.Projections;
using Claims.EventStore;
using Claims.EventStore.Daemon;
using Claims.EventStore.Projections;
using Claims.EventStore.Serialization;
using Claims.Extraction;

namespace Claims.Domain.Application;

/// <summary>
/// The composition root the CLI, the API and the tests use: the event store (schema "claims" by default), the async
/// projections run by a daemon, and the application. Dispose it to stop the daemon and close the store.
/// </summary>
public sealed class ClaimsRuntime : IAsyncDisposable
{
    private ClaimsRuntime(EventStore.EventStore store, ProjectionDaemon daemon, ClaimsApplication application)
    {
        Store = store;
        Daemon = daemon;
        Application = application;
        Claims = application;
    }

    public EventStore.EventStore Store { get; }
    public ProjectionDaemon Daemon { get; }
    public IClaimsApplication Application { get; }

    /// <summary>The same application with the members beyond the contract (re-extraction).</summary>
    public ClaimsApplication Claims { get; }

    /// <summary>Every Claims event type under its stable name (for readers of the log: the feed, tests).</summary>
    public static EventTypeRegistry CreateEventTypes() => ClaimsEventTypes.CreateRegistry();

    /// <summary>The read models, in a fresh instance each (their names are the schemas' suffixes).</summary>
    public static IReadOnlyList<IProjection> CreateProjections() => [new LedgerProjection(), new ContradictionsProjection(), new StrikesProjection()];

    public static async Task<ClaimsRuntime> StartAsync(string connectionString, ClaimsRuntimeOptions? options = null, CancellationToken ct = default)
    {
        options ??= new ClaimsRuntimeOptions();
        var store = new EventStore.EventStore(new EventStoreOptions
        {
            ConnectionString = connectionString,
            Schema = options.Schema,
            EventTypes = CreateEventTypes(),
            PollInterval = options.PollInterval,
        });
        try
        {
            await store.InitializeAsync(ct);
            var projections = CreateProjections();
            var daemon = new ProjectionDaemon(store, projections, options.Daemon);
            var application = new ClaimsApplication(store, daemon, options.Extractor ?? SharedExtractor.Value, options.Clock);
            var runtime = new ClaimsRuntime(store, daemon, application);
            if (options.RunDaemon)
            {
                await daemon.StartAsync(ct);
                await runtime.WaitForReadModelsAsync(TimeSpan.FromSeconds(60), ct);
            }
            return runtime;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static readonly Lazy<ArticleExtractor> SharedExtractor = new(() => new ArticleExtractor());

    /// <summary>Rebuilds one read model (or all when null) from the log; the live one serves until the swap.</summary>
    public async Task RebuildAsync(string? projection = null, CancellationToken ct = default)
    {
        foreach (var name in projection is null ? Daemon.Projections.Select(p => p.Name) : [projection])
            await Daemon.RebuildAsync(name, ct);
    }

    /// <summary>The daemon creates each read model's schema when it takes the projection over: wait for that, so that
    /// queries made right after start find their tables.</summary>
    private async Task WaitForReadModelsAsync(TimeSpan timeout, CancellationToken ct)
    {
        var names = Daemon.Projections.Select(p => p.Name).ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var known = (await ProjectionProgress.ReadAsync(Store, ct)).Select(p => p.Name).ToHashSet();
            if (names.All(known.Contains)) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Read models not created after {timeout}: {string.Join(", ", names.Where(n => !known.Contains(n)))}.");
            await Task.Delay(20, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Daemon.DisposeAsync();
        await Store.DisposeAsync();
    }
}
