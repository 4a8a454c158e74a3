using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Claims.Api.Strikes;

public static class StrikeEndpoints
{
    public static IEndpointRouteBuilder MapStrikes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/strikes", async (IClaimsApplication app, CancellationToken ct) => TypedResults.Ok(await app.ListStrikeIncidentsAsync(ct)))
            .WithTags("Strikes")
            .WithSummary("Strike reports grouped into incidents (perpetrator, places, dates), graded single-source, corroborated or contested.");
        return endpoints;
    }
}
