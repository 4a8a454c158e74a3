using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Consistency;
using Claims.Api.Json;
using Claims.Api.Paging;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Claims.Api.Contradictions;

public static class ContradictionEndpoints
{
    public static IEndpointRouteBuilder MapContradictions(this IEndpointRouteBuilder endpoints)
    {
        var contradictions = endpoints.MapGroup("/contradictions").WithTags("Contradictions");

        contradictions.MapGet("/", ListAsync)
            .WithName("ListContradictions")
            .WithSummary("Contradictions with their sides, optionally by status (open, confirmed, dismissed, needs-evidence, reopened, duplicate), " +
                         "actor (id, name or alias) and assignee (a reviewer, or none); in id order, or with `sort=priority` in the review queue's order " +
                         "(each item's `priority` and `reasons`); a page at a time (`limit`, default 50; `after`, the last id of the previous page; " +
                         "`recordsPerSide`, default 50), the next page in the `Link: <…>; rel=\"next\"` header.");

        contradictions.MapGet("/{id}", async Task<Ok<ContradictionView>> (string id, HttpResponse response, IClaimsApplication app, CancellationToken ct) =>
            {
                var contradiction = await app.GetContradictionAsync(id, ct) ?? throw new NotFoundException($"Contradiction '{id}'");
                EntityTags.Set(response, await app.ContradictionVersionAsync(contradiction.Id, ct));
                return TypedResults.Ok(contradiction);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetContradiction")
            .WithSummary("One contradiction with its sides and verdict history; its stream version is the ETag, for If-Match on verdicts.");

        contradictions.MapPost("/{id}/verdicts", RecordVerdictAsync)
            .RequireReviewer()
            .AcceptsJsonBody<RecordVerdictRequest>()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithName("RecordVerdict")
            .WithSummary("A fact-checker's verdict (confirmed, dismissed, needs-evidence); the reviewer is the API key's owner. With If-Match " +
                         "(the contradiction's ETag), refused with 412 and the contradiction as it stands when another verdict came since; without it, " +
                         "every verdict is recorded in order and the answer shows the whole history.");

        contradictions.MapReviewQueue();
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ContradictionView>>> ListAsync(string? status, string? actor, int? limit, string? after, int? recordsPerSide,
        string? sort, string? assignee, HttpContext http, IClaimsApplication app, CancellationToken ct)
    {
        after = NextLink.After(after);
        if (after is not null && !ContradictionPage.IsCursor(after))
            throw new RequestValidationException("after", $"after must be the id of the last contradiction of a previous page, such as c-09e2247e8d (got '{after}').");
        var page = new ContradictionPage(after, limit ?? ContradictionPage.DefaultLimit, recordsPerSide ?? ContradictionPage.DefaultRecordsPerSide);
        var list = await app.ListContradictionsAsync(new ContradictionQuery(status, actor, sort, assignee), page, ct);
        // A full page may have a next one.
        if (list.Count == page.Limit) NextLink.Set(http, list[^1].Id);
        return TypedResults.Ok(list);
    }

    private static async Task<Created<ContradictionView>> RecordVerdictAsync(
        string id, HttpRequest request, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ClaimsJsonContext.Default.RecordVerdictRequest, ct) with { ExpectedVersion = EntityTags.IfMatch(request) };
        var contradiction = await app.RecordVerdictAsync(id, body, user.Identity!.Name!, ct);
        await ReadYourWrites.WaitAsync(app, ct);
        return TypedResults.Created($"/contradictions/{Uri.EscapeDataString(id)}", contradiction);
    }
}
