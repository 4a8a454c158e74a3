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

        contradictions.MapGet("/", async (string? status, string? actor, IClaimsApplication app, CancellationToken ct) =>
                TypedResults.Ok(await ActorFilter.ListAsync(app, status, actor, ct)))
            .WithSummary("Contradictions with their sides, optionally by status (open, confirmed, dismissed, needs-evidence) and actor (id, name or alias).");

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

    private static async Task<Created<ContradictionView>> RecordVerdictAsync(
        string id, HttpRequest request, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ClaimsJsonContext.Default.RecordVerdictRequest, ct);
        var contradiction = await app.RecordVerdictAsync(id, body, user.Identity!.Name!, ct);
        await ReadYourWrites.WaitAsync(app, ct);
        return TypedResults.Created($"/contradictions/{Uri.EscapeDataString(id)}", contradiction);
    }
}
