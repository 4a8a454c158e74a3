using Claims.Api.Paging;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Claims.Api.Strikes;

public static class StrikeEndpoints
{
    public static IEndpointRouteBuilder MapStrikes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/strikes", ListAsync)
            .WithTags("Strikes")
            .WithName("ListStrikeIncidents")
            .WithSummary("Strike reports grouped into incidents (perpetrator, places, dates), graded single-source, corroborated or contested; " +
                         "in date order a page at a time (`limit`, default 100, at most 1000; `after`, an opaque cursor), the next page in the " +
                         "`Link: <…>; rel=\"next\"` header.");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<StrikeIncident>>> ListAsync(int? limit, string? after, HttpContext http, IClaimsApplication app, CancellationToken ct)
    {
        var cursor = NextLink.After(after) is { } text ? StrikeCursor.Decode(text) : null;
        var page = new StrikePage(cursor, NextLink.Limit(limit, StrikePage.DefaultLimit, StrikePage.MaxLimit));
        var list = await app.ListStrikeIncidentsAsync(page, ct);
        if (list.Count == page.Limit) NextLink.Set(http, StrikeCursor.Of(list[^1]).Encode());
        return TypedResults.Ok(list);
    }
}
