using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Consistency;
using Claims.Api.Json;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Claims.Api.Contradictions;

/// <summary>The team's side of the review: who holds a contradiction, which ones duplicate another, and the team's figures.
/// Writes need the `review` role, like verdicts; the acting reviewer is the API key's owner. Each write waits (briefly) for
/// the read models, so that the queue reloaded after it shows it.</summary>
public static class ReviewQueueEndpoints
{
    /// <summary>GET /review/me.</summary>
    public sealed record Reviewer(string Name);

    public static RouteGroupBuilder MapReviewQueue(this RouteGroupBuilder contradictions)
    {
        contradictions.MapPost("/{id}/assignment", AssignAsync)
            .RequireReviewer()
            .AcceptsJsonBody<AssignRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AssignContradiction")
            .WithSummary("Assigns the contradiction to `assignee` (the caller when absent). 409 naming the current assignee (`assignee`) when someone " +
                         "else holds it, unless `force` is true. Of two reviewers claiming at once, exactly one gets it.");

        contradictions.MapDelete("/{id}/assignment", async Task<NoContent> (string id, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct) =>
            {
                await app.ReleaseAsync(id, user.Identity!.Name!, ct);
                await ReadYourWrites.WaitAsync(app, ct);
                return TypedResults.NoContent();
            })
            .RequireReviewer()
            .WithName("ReleaseContradiction")
            .WithSummary("Puts the contradiction back in the queue, whoever held it (nothing is written when nobody did).");

        contradictions.MapPost("/{id}/duplicate-of", MarkDuplicateAsync)
            .RequireReviewer()
            .AcceptsJsonBody<DuplicateOfRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("MarkDuplicate")
            .WithSummary("Marks the contradiction a duplicate of `id`: it leaves the queue (status duplicate, `duplicateOf`), and the other lists it " +
                         "with its records under `duplicates`. 409 when it is already a duplicate of another.");

        contradictions.MapDelete("/{id}/duplicate-of", async Task<NoContent> (string id, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct) =>
            {
                await app.UndoDuplicateAsync(id, user.Identity!.Name!, ct);
                await ReadYourWrites.WaitAsync(app, ct);
                return TypedResults.NoContent();
            })
            .RequireReviewer()
            .WithName("UndoDuplicate")
            .WithSummary("Undoes the duplicate marking: the contradiction is back in the queue with the status its verdicts give it.");
        return contradictions;
    }

    public static IEndpointRouteBuilder MapReviewStats(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/review/stats", async Task<Ok<ReviewStats>> (IClaimsApplication app, CancellationToken ct) => TypedResults.Ok(await app.GetReviewStatsAsync(ct)))
            .WithTags("Contradictions")
            .WithName("GetReviewStats")
            .WithSummary("The team's figures: open, assigned (open or reopened and held), reopened, verdicts in the last 7 days, median hours " +
                         "from a contradiction's first article to its first verdict, and per reviewer the contradictions held and verdicts recorded.");
        endpoints.MapGet("/review/me", (ClaimsPrincipal user) => TypedResults.Ok(new Reviewer(user.Identity!.Name!)))
            .RequireAuthorization(WriteRoles.Review)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithTags("Contradictions")
            .WithName("GetReviewer")
            .WithSummary("Who the API key speaks for (`reviewer`): the name assignments and verdicts are recorded under; the review page's \"mine\".");
        return endpoints;
    }

    private static async Task<Ok<ContradictionView>> AssignAsync(string id, HttpRequest request, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct)
    {
        var body = request.ContentLength is 0 ? new AssignRequest() : await JsonBody.ReadAsync(request, ClaimsJsonContext.Default.AssignRequest, ct);
        var contradiction = await app.AssignAsync(id, body, user.Identity!.Name!, ct);
        await ReadYourWrites.WaitAsync(app, ct);
        return TypedResults.Ok(contradiction);
    }

    private static async Task<Ok<ContradictionView>> MarkDuplicateAsync(string id, HttpRequest request, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ClaimsJsonContext.Default.DuplicateOfRequest, ct);
        var contradiction = await app.MarkDuplicateAsync(id, body, user.Identity!.Name!, ct);
        await ReadYourWrites.WaitAsync(app, ct);
        return TypedResults.Ok(contradiction);
    }
}
