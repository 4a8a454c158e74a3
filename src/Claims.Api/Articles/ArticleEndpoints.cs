using System.Security.Claims;
using Claims.Api.Auth;
using Claims.Api.Consistency;
using Claims.Api.Json;
using Claims.Api.Limits;
using Claims.Api.Paging;
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
            .AcceptsJsonBody<IngestArticleRequest>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("IngestArticle")
            .WithRequestTimeout(RequestLimits.IngestPolicy)
            .WithSummary("Ingest an article (text or html); 200 with the same body when the content was already ingested.");

        articles.MapGet("/", ListAsync)
            .WithName("ListArticles")
            .WithSummary("The ingested articles without their text, newest first, a page at a time (`limit`, default 100, at most 1000; " +
                         "`after`, the last article id of the previous page); the next page in the `Link: <…>; rel=\"next\"` header.");

        articles.MapGet("/{articleId}", async Task<Ok<ArticleView>> (string articleId, HttpResponse response, IClaimsApplication app, CancellationToken ct) =>
            {
                var article = await app.GetArticleAsync(articleId, ct) ?? throw new NotFoundException($"Article '{articleId}'");
                EntityTags.Set(response, article.Version);
                return TypedResults.Ok(article);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetArticle")
            .WithSummary("One article with its text and records; its stream version is the ETag, for If-Match on corrections.");

        articles.MapPost("/{articleId}/records/{recordId}/corrections", CorrectAsync)
            .RequireReviewer()
            .AcceptsJsonBody<CorrectRecordRequest>()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .WithName("CorrectRecord")
            .WithSummary("A fact-checker's correction of one record (speaker, text, not-a-claim); the reviewer is the API key's owner. " +
                         "With If-Match (the article's ETag), refused with 412 and the article as it stands when someone wrote to it since.");

        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ArticleSummary>>> ListAsync(int? limit, string? after, HttpContext http, IClaimsApplication app, CancellationToken ct)
    {
        var page = new ArticlePage(NextLink.After(after), NextLink.Limit(limit, ArticlePage.DefaultLimit, ArticlePage.MaxLimit));
        var list = await app.ListArticlesAsync(page, ct);
        if (list.Count == page.Limit) NextLink.Set(http, list[^1].ArticleId);
        return TypedResults.Ok(list);
    }

    /// <remarks>
    /// <paramref name="ct"/> is the request's token: it ends when the client leaves or the ingest budget
    /// (<see cref="RequestLimits.IngestPolicy"/>) is spent, and the domain gets it. Extraction is synchronous CPU work that does
    /// not watch it yet, so the work runs on its own task: the client gets its 503 when the budget ends, while this handler
    /// still waits for the work, keeping its ingest slot until the core is free again (else the concurrency bound would count
    /// only the requests still connected, not the extractions running). The slot is given back once the article is extracted,
    /// before its append. The append refuses a spent token; one already under way may still commit, and a retry then gets 200
    /// with the same body.
    /// </remarks>
    private static async Task<Results<Created<IngestResponse>, Ok<IngestResponse>, EmptyHttpResult>> IngestAsync(
        HttpContext http, ClaimsPrincipal user, IClaimsApplication app, IngestGate gate, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(http.Request, ClaimsJsonContext.Default.IngestArticleRequest, ct);
        var who = user.Identity!.Name!;
        using var permit = await gate.EnterAsync(ct);
        if (permit is null)
        {
            await RequestLimits.WriteIngestFullAsync(http);
            return TypedResults.Empty;
        }
        var work = Task.Run(() => app.PrepareIngest(body, who, ct), CancellationToken.None);
        IngestResult result;
        try
        {
            var command = await work.WaitAsync(ct);
            // The slot bounds extraction, the cores' work (as the 503 says): the append waits on the database, and while it
            // waits the next article can be extracted.
            permit.Dispose();
            result = await app.IngestAsync(command, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            if (RequestLimits.TimedOut(http) && !http.Response.HasStarted)
            {
                // This connection stays busy until the work ends (HTTP/1.1 serves one request at a time): the client must not
                // send its next request on it.
                http.Response.Headers.Connection = "close";
                await RequestLimits.WriteTimeoutAsync(http);
                await http.Response.CompleteAsync();
            }
            try { await work; } catch (Exception) { /* abandoned: its outcome has no one to go to */ }
            return TypedResults.Empty;
        }
        if (result.Created) await ReadYourWrites.WaitAsync(app, ct);
        var response = new IngestResponse(result.ArticleId, result.Records);
        return result.Created
            ? TypedResults.Created($"/articles/{Uri.EscapeDataString(result.ArticleId)}", response)
            : TypedResults.Ok(response);
    }

    private static async Task<Created<RecordView>> CorrectAsync(
        string articleId, string recordId, HttpRequest request, ClaimsPrincipal user, IClaimsApplication app, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync(request, ClaimsJsonContext.Default.CorrectRecordRequest, ct) with { ExpectedVersion = EntityTags.IfMatch(request) };
        var record = await app.CorrectRecordAsync(articleId, recordId, body, user.Identity!.Name!, ct);
        await ReadYourWrites.WaitAsync(app, ct);
        return TypedResults.Created($"/articles/{Uri.EscapeDataString(articleId)}", record);
    }
}
