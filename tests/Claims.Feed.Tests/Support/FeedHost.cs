using Claims.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Claims.Feed.Tests.Support;

/// <summary>A real Kestrel on 127.0.0.1 serving the feed of a <see cref="TestLog"/> (its own Marten schema in the class's database).</summary>
public sealed class FeedHost : IAsyncDisposable
{
    private WebApplication? _app;

    private FeedHost(TestLog log, FeedOptions options)
    {
        Log = log;
        Options = options;
    }

    public TestLog Log { get; }
    public FeedOptions Options { get; }
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FeedHost> StartAsync(PostgresDatabase database, FeedOptions? options = null, Action<IHostApplicationBuilder>? configure = null)
    {
        var host = new FeedHost(await TestLog.StartAsync(database, configure), options ?? new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        await host.StartServerAsync(port: 0);
        return host;
    }

    public Task AppendAsync(string stream, params object[] events) => Log.AppendAsync(stream, events);

    public HttpClient NewClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Stops the web server (the runtime stays) and starts a new one on the same port: "our restart".</summary>
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
        // Server-side failures show in the test output (dotnet test --logger "console;verbosity=detailed").
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.AllowSynchronousIO = false);
        var app = builder.Build();
        app.MapEventFeed(Log.EventLog, Options);
        await app.StartAsync();
        _app = app;
        BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        await StopServerAsync();
        await Log.DisposeAsync();
    }
}
