using Claims.Api.Paging;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Claims.Api.Actors;

public static class ActorEndpoints
{
    public static IEndpointRouteBuilder MapActors(this IEndpointRouteBuilder endpoints)
    {
        var actors = endpoints.MapGroup("/actors").WithTags("Actors");

        actors.MapGet("/", async (string? search, IClaimsApplication app, CancellationToken ct) => TypedResults.Ok(await app.SearchActorsAsync(search, ct)))
            .WithName("SearchActors")
            .WithSummary("Actors whose name or an alias matches `search` (accent- and case-insensitive); all actors without it.");

        actors.MapGet("/{actorId}/ledger", async Task<Ok<ActorLedger>> (string actorId, int? limit, string? after, HttpContext http, IClaimsApplication app, CancellationToken ct) =>
            {
                var ledger = await app.GetLedgerAsync(actorId, new LedgerPage(after, limit ?? LedgerPage.DefaultLimit), ct) ?? throw new NotFoundException($"Actor '{actorId}'");
                // The cursor stays in the body ("next", a contract); the header says the same, as on every paged list.
                if (ledger.Next is { } next) NextLink.Set(http, next);
                return TypedResults.Ok(ledger);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetActorLedger")
            .WithSummary("Everything an actor said, reported, was blamed for, disputed or was disputed on, with its sources; a page at a time in " +
                         "date order (`limit` entries, default 200; `after`, the `next` cursor of the previous page).");

        return endpoints;
    }
}
