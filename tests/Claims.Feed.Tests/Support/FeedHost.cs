using Claims.EventStore.Appending;
using Claims.EventStore.Events;
using Claims.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Claims.Feed.Tests.Support;

/// <summary>A real Kestrel on 127.0.0.1 serving the feed of a store with its own schema in the class's database.</summary>
public sealed class FeedHost : IAsyncDisposable
{
    private WebApplication? _app;

    private FeedHost(EventStore.EventStore store, FeedOptions options)
    {
        Store = store;
        Options = options;
    }

    public EventStore.EventStore Store { get; }
    public FeedOptions Options { get; }
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FeedHost> StartAsync(PostgresDatabase database, FeedOptions? options = null)
    {
        var store = await CreateStoreAsync(database);
        var host = new FeedHost(store, options ?? new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        await host.StartServerAsync(port: 0);
        return host;
    }

    public static async Task<EventStore.EventStore> CreateStoreAsync(PostgresDatabase database)
    {
        var store = new EventStore.EventStore(new EventStore.EventStoreOptions
        {
            ConnectionString = database.ConnectionString,
            Schema = "f_" + Guid.NewGuid().ToString("N")[..12],
            EventTypes = FeedTestEvents.Create(),
            PollInterval = TimeSpan.FromMilliseconds(100),
        });
        await store.InitializeAsync();
        return store;
    }

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Stops the web server (the store stays) and starts a new one on the same port: "our restart".</summary>
    public async Task RestartServerAsync()
    {
        await StopServerAsync();
        await StartServerAsync(BaseAddress.Port);
    }

    public async Task StopServerAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    private async Task StartServerAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.AllowSynchronousIO = false);
        var app = builder.Build();
        app.MapEventFeed(Store, Options);
        await app.StartAsync();
        _app = app;
        BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    /// <summary>
    /// Appends, then waits until the events are deliverable: the visibility horizon is cluster-wide, so another test
    /// class's open transaction can briefly hold back what this test has just committed.
    /// </summary>
    public async Task<AppendResult> AppendAsync(string stream, params object[] events)
    {
        var result = await Store.AppendAsync(stream, "article", ExpectedVersion.Any, events.Select(e => new NewEvent(e)).ToList());
        await Store.WaitUntilDeliverableAsync(result.Events[^1].LogPosition);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        await Store.DisposeAsync();
    }
}
