using Claims.Web.Assets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Claims.Web;

/// <summary>
/// The fact-checkers' review page (issue 7): a single page in plain JavaScript modules (wwwroot/, embedded) that reads and
/// writes through the JSON API and follows GET /events/live. It renders article text as text nodes only, never as markup.
/// </summary>
public static class ReviewPage
{
    public const string IndexFile = "index.html";
    public const string AssetsPrefix = "/assets";

    /// <summary>Maps <c>GET /</c> (the page) and <c>GET /assets/{path}</c> (its scripts, styles and icon).</summary>
    public static IEndpointRouteBuilder MapReviewPage(this IEndpointRouteBuilder app)
    {
        var assets = EmbeddedAssets.Load();
        var index = assets.Find(IndexFile) ?? throw new InvalidOperationException($"Claims.Web was built without wwwroot/{IndexFile}.");

        app.MapGet("/", (HttpContext context) => Serve(context, index))
            .WithName("ReviewPage").ExcludeFromDescription();
        app.MapGet(AssetsPrefix + "/{**path}", (HttpContext context, string path) =>
                assets.Find("assets/" + path) is { } asset ? Serve(context, asset) : NotFound(context))
            .WithName("ReviewPageAssets").ExcludeFromDescription();
        return app;
    }

    private static Task Serve(HttpContext context, Asset asset)
    {
        var response = context.Response;
        PageSecurity.Apply(response);
        // Revalidated on each load (cheap 304): a new `claims` build is seen at once, with no versioned file names.
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(asset.Content).AsTask();
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
