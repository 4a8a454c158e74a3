using System.Text.Json;
using Claims.Api.Json;
using Claims.Api.OpenApi;
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
            .Produces(StatusCodes.Status200OK, contentType: JsonLd)   // its schema: ClaimsOpenApi (the body is built as a JsonObject)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName(ClaimsOpenApi.ClaimReviewOperation)
            .WithSummary("schema.org ClaimReview (JSON-LD) of one record, with its verdict when a fact-checker gave one.");
        return endpoints;
    }
}
