using Claims.Api.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Claims.Api.Hosting;

public sealed record ClaimsWebHostOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Command-line arguments for ASP.NET Core configuration (--urls, --Logging:...).</summary>
    public string[] Args { get; init; } = [];

    /// <summary>Where Kestrel listens; "http://127.0.0.1:0" picks a free port (read it from WebApplication.Urls after start).
    /// Null: ASPNETCORE_URLS / --urls, else <see cref="DefaultUrls"/>.</summary>
    public string? Urls { get; init; }

    /// <summary>Null: <see cref="ApiKeyRing.Setting"/> from configuration (environment).</summary>
    public ApiKeyRing? ApiKeys { get; init; }

    /// <summary>Above the domain's 5 MB text limit, so an oversized article gets a 400 naming the field, not a cut connection.</summary>
    public long MaxRequestBodyBytes { get; init; } = 16 * 1024 * 1024;

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    /// <summary>Hooks for other capabilities (event feed, web page) to add their services and endpoints.</summary>
    public Action<WebApplicationBuilder>? ConfigureServices { get; init; }

    public Action<WebApplication>? ConfigureEndpoints { get; init; }
}
