using Claims.Api.Actors;
using Claims.Api.Articles;
using Claims.Api.Auth;
using Claims.Api.ClaimReviews;
using Claims.Api.Contradictions;
using Claims.Api.Errors;
using Claims.Api.Health;
using Claims.Api.Json;
using Claims.Api.Strikes;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Claims.Api;

/// <summary>
/// The HTTP API as a library: <see cref="AddClaimsApi"/> registers its services, <see cref="MapClaimsApi"/> its routes.
/// Both compose with other endpoints (event feed, web page) mapped on the same host.
/// </summary>
public static class ClaimsApi
{
    /// <param name="apiKeys">The writers' keys; null reads <see cref="ApiKeyRing.Setting"/> from configuration.</param>
    /// <remarks>The application (<see cref="IClaimsApplication"/>) comes from <see cref="ClaimsStack.AddClaims"/> on the same host.</remarks>
    public static IServiceCollection AddClaimsApi(this IServiceCollection services, ApiKeyRing? apiKeys = null)
    {
        services.AddSingleton(sp => apiKeys ?? ApiKeyRing.Parse(sp.GetRequiredService<IConfiguration>()[ApiKeyRing.Setting]));

        services.ConfigureHttpJsonOptions(o => ClaimsJsonContext.ConfigureResponses(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<ClaimsExceptionHandler>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(WriteRoles.Ingest, p => p.RequireAuthenticatedUser().RequireRole(WriteRoles.Ingest))
            .AddPolicy(WriteRoles.Review, p => p.RequireAuthenticatedUser().RequireRole(WriteRoles.Review));

        services.AddOpenApi();
        return services;
    }

    /// <summary>The middleware the endpoints rely on: problem+json for errors and status codes, then API-key authentication.</summary>
    public static IApplicationBuilder UseClaimsApi(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Maps the routes of issue 4 and the OpenAPI document at /openapi/v1.json.</summary>
    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapArticles();
        endpoints.MapActors();
        endpoints.MapContradictions();
        endpoints.MapStrikes();
        endpoints.MapClaimReviews();
        endpoints.MapHealth();
        endpoints.MapOpenApi();
        return endpoints;
    }
}
