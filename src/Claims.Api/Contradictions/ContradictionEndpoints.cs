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

public static class ContradictionEndpoints
{
    public static IEndpointRouteBuilder MapContradictions(this IEndpointRouteBuilder endpoints)
    {
        var contradictions = endpoints.MapGroup("/contradictions").WithTags("Contradictions");

        contradictions.MapGet("/", ListAsync)
            .WithSummary("Contradictions with their sides, optionally by status (open, confirmed, dismissed, needs-evidence) and actor (id, name or alias); " +
                         "a page at a time in id order (`limit`, default 50; `after`, the last id of the previous page; `recordsPerSide`, default 50), " +
                         "the next page in the `Link: <…>; rel=\"next\"` header.");

        contradictions.MapGet("/{id}", async Task<Ok<ContradictionView>> (string id, IClaimsApplication app, CancellationToken ct) =>
                TypedResults.Ok(await app.GetContradictionAsync(id, ct) ?? throw new NotFoundException($"Contradiction '{id}'")))
            .WithSummary("One contradiction with its sides and verdict history.");

        contradictions.MapPost("/{id}/verdicts", RecordVerdictAsync)
            .RequireAuthorization(WriteRoles.Review)
            .Accepts<RecordVerdictRequest>("application/json")
            .ProducesValidationProblem()
            .WithSummary("A fact-checker's verdict (confirmed, dismissed, needs-evidence); the reviewer is the API key's owner.");

        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ContradictionView>>> ListAsync(string? status, string? actor, int? limit, string? after, int? recordsPerSide,
        HttpContext http, IClaimsApplication app, CancellationToken ct)
    {
        var page = new ContradictionPage(string.IsNullOrWhiteSpace(after) ? null : after, limit ?? ContradictionPage.DefaultLimit,
            recordsPerSide ?? ContradictionPage.DefaultRecordsPerSide);
        var list = await app.ListContradictionsAsync(status, actor, page, ct);
        // A full page may have a next one; the array stays the body (its shape is a contract), the way on goes in a header (RFC 8288).
        if (list.Count == page.Limit)
        {
            var query = QueryString.Create(http.Request.Query.Where(q => q.Key != "after").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
                .Append(KeyValuePair.Create("after", (string?)list[^1].Id)));
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{query}>; rel=\"next\"";
        }
        return TypedResults.Ok(list);
    }

    private static async Task<Created<ContradictionView>> RecordVerdictAsync(
        string id, HttpRequest request, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ClaimsJsonContext.Default.RecordVerdictRequest, ct);
        var contradiction = await app.RecordVerdictAsync(id, body, user.Identity!.Name!, ct);
        await ReadYourWrites.WaitAsync(app, ct);
        return TypedResults.Created($"/contradictions/{Uri.EscapeDataString(id)}", contradiction);
    }
}
