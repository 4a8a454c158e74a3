using System.Text.Json;
using Claims.Api.Json;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Claims.Api.ClaimReviews;

public static class ClaimReviewEndpoints
{
    public const string JsonLd = "application/ld+json";

    public static IEndpointRouteBuilder MapClaimReviews(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/records/{articleId}/{recordId}/claimreview", async (string articleId, string recordId, IClaimsApplication app, CancellationToken ct) =>
            {
                var review = await app.GetClaimReviewAsync(articleId, recordId, ct)
                    ?? throw new NotFoundException($"Record '{recordId}' of article '{articleId}'");
                return Results.Text(JsonSerializer.Serialize(review, ClaimsJsonContext.Default.JsonObject), JsonLd);
            })
            .WithTags("Records")
            .Produces(StatusCodes.Status200OK, contentType: JsonLd)
            .WithSummary("schema.org ClaimReview (JSON-LD) of one record, with its verdict when a fact-checker gave one.");
        return endpoints;
    }
}
