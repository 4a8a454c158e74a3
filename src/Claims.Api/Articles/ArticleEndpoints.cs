using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Consistency;
using Claims.Api.Json;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Claims.Api.Articles;

/// <summary>POST /articles response: the same body whether the article is new (201) or was already ingested (200).</summary>
public sealed record IngestResponse(string ArticleId, int Records);

public static class ArticleEndpoints
{
    public static IEndpointRouteBuilder MapArticles(this IEndpointRouteBuilder endpoints)
    {
        var articles = endpoints.MapGroup("/articles").WithTags("Articles");

        articles.MapPost("/", IngestAsync)
            .RequireAuthorization(WriteRoles.Ingest)
            .Accepts<IngestArticleRequest>("application/json")
            .ProducesValidationProblem()
            .WithSummary("Ingest an article (text or html); 200 with the same body when the content was already ingested.");

        articles.MapGet("/", async (IClaimsApplication app, CancellationToken ct) => TypedResults.Ok(await app.ListArticlesAsync(ct)))
            .WithSummary("The ingested articles, without their text.");

        articles.MapGet("/{articleId}", async Task<Ok<ArticleView>> (string articleId, IClaimsApplication app, CancellationToken ct) =>
                TypedResults.Ok(await app.GetArticleAsync(articleId, ct) ?? throw new NotFoundException($"Article '{articleId}'")))
            .WithSummary("One article with its text and records.");

        articles.MapPost("/{articleId}/records/{recordId}/corrections", CorrectAsync)
            .RequireAuthorization(WriteRoles.Review)
            .Accepts<CorrectRecordRequest>("application/json")
            .ProducesValidationProblem()
            .WithSummary("A fact-checker's correction of one record (speaker, text, not-a-claim); the reviewer is the API key's owner.");

        return endpoints;
    }

    private static async Task<Results<Created<IngestResponse>, Ok<IngestResponse>>> IngestAsync(
        HttpRequest request, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ClaimsJsonContext.Default.IngestArticleRequest, ct);
        var result = await app.IngestAsync(body, user.Identity!.Name!, ct);
        if (result.Created) await ReadYourWrites.WaitAsync(app, ct);
        var response = new IngestResponse(result.ArticleId, result.Records);
        return result.Created
            ? TypedResults.Created($"/articles/{Uri.EscapeDataString(result.ArticleId)}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Created<RecordView>> CorrectAsync(
        string articleId, string recordId, HttpRequest request, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ClaimsJsonContext.Default.CorrectRecordRequest, ct);
        var record = await app.CorrectRecordAsync(articleId, recordId, body, user.Identity!.Name!, ct);
        await ReadYourWrites.WaitAsync(app, ct);
        return TypedResults.Created($"/articles/{Uri.EscapeDataString(articleId)}", record);
    }
}
