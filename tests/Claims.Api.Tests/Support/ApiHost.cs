using System.Net.Http.Headers;
using Claims.Api.Auth;
using Claims.Api.Hosting;
using Claims.Cli.Hosting;
using Claims.Domain.Application;
using JasperFx.Events.Daemon;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Claims.Api.Tests.Support;

/// <summary>The real Kestrel host (as `claims serve` runs it) on 127.0.0.1 and a free port, with clients speaking to it over TCP.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The Claims stack of this host (store, application, progress).</summary>
    public ClaimsRuntime Runtime => ClaimsRuntime.Of(_app);

    /// <summary>Claims as `claims serve` composes it (API + event feed, Marten + Wolverine) on a free port. The daemon in solo
    /// mode, or Disabled for a second host on a database whose projections another host runs.</summary>
    public static async Task<ApiHost> StartAsync(string connectionString, ApiKeyRing keys, DaemonMode daemon = DaemonMode.Solo)
    {
        var app = ClaimsWebHost.Build(ServeCapabilities.With(new ClaimsWebHostOptions
        {
            Urls = "http://127.0.0.1:0",
            ApiKeys = keys,
            MinimumLogLevel = LogLevel.Warning,
        }), connectionString, new ClaimsRuntimeOptions { Daemon = daemon });
        await app.StartAsync();
        // Port 0: Kestrel chose the port; the bound address is known only after start.
        return new ApiHost(app, new Uri(app.Urls.Single()));
    }

    /// <summary>A client of its own (no shared default headers), optionally sending an API key.</summary>
    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (apiKey is not null) client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
