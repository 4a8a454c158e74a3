using Claims.Api.Auth;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Claims.Api.Hosting;

/// <summary>The real Kestrel host of the API, shared by `claims serve` and the tests: one host for Claims' stack (Marten,
/// Wolverine, the daemon; <see cref="ClaimsStack.AddClaims"/>) and the HTTP endpoints, minimal APIs over the application.</summary>
public static class ClaimsWebHost
{
    public static WebApplication Build(ClaimsWebHostOptions options, string connectionString, ClaimsRuntimeOptions? runtime = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = options.Args });
        builder.AddClaims(connectionString, runtime);
        var urls = options.Urls ?? builder.Configuration[WebHostDefaults.ServerUrlsKey];
        builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(urls) ? ClaimsWebHostOptions.DefaultUrls : urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        // ASP.NET Core's own per-request lines drown what Claims says; keep its warnings and errors.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Parsed now, so a malformed CLAIMS_API_KEYS stops `claims serve` before it listens.
        var keys = options.ApiKeys ?? ApiKeyRing.Parse(builder.Configuration[ApiKeyRing.Setting]);
        builder.Services.AddClaimsApi(keys);
        options.ConfigureServices?.Invoke(builder);

        var app = builder.Build();
        app.UseClaimsApi();
        app.MapClaimsApi();
        options.ConfigureEndpoints?.Invoke(app);
        return app;
    }
}
