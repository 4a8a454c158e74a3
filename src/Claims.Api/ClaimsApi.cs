using Claims.Api.Actors;
using Claims.Api.Articles;
using Claims.Api.Auth;
using Claims.Api.ClaimReviews;
using Claims.Api.Contradictions;
using Claims.Api.Errors;
using Claims.Api.Health;
using Claims.Api.Hygiene;
using Claims.Api.Limits;
using Claims.Api.OpenApi;
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

        // A query or route value that does not bind (?limit=abc) throws instead of a bare 400, so that the exception handler
        // answers problem+json naming the parameter (BindingFailure), for every endpoint alike.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddRequestLimits();

        services.AddClaimsOpenApi();
        return services;
    }

    /// <summary>The middleware the endpoints rely on: nosniff on every answer, problem+json for errors and status codes, query and
    /// route values PostgreSQL can store, API-key authentication, then the time budget and the ingest concurrency bound.</summary>
    public static IApplicationBuilder UseClaimsApi(this IApplicationBuilder app)
    {
        app.UseNoSniff();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseParameterHygiene();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRequestLimits();
        return app;
    }

    /// <summary>Maps the routes of issue 4 and the OpenAPI document at /openapi/v1.json.</summary>
    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder endpoints)
    {
        // What every route may answer, described once as it is implemented once (middleware): a query or route value that
        // is refused (ParameterHygiene, BindingFailure) and a spent time budget (RequestLimits).
        var api = endpoints.MapGroup("")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapArticles();
        api.MapActors();
        api.MapContradictions();
        api.MapReviewStats();
        api.MapStrikes();
        api.MapClaimReviews();
        api.MapHealth();
        endpoints.MapOpenApi();
        return endpoints;
    }
}
