using System.Net;
using System.Net.Http.Headers;
using Claims.Web.Assets;
using Claims.Web.Tests.Support;

namespace Claims.Web.Tests.Review;

/// <summary>How the page's files are served: types with charset, the CSP, caching, and no markup injection in the scripts.</summary>
public sealed class PageServingTests(SeededSite site) : IClassFixture<SeededSite>
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/assets/app.js", "text/javascript")]
    [InlineData("/assets/views/contradiction.js", "text/javascript")]
    [InlineData("/assets/site.css", "text/css")]
    [InlineData("/assets/icon.svg", "image/svg+xml")]
    public async Task Page_files_are_served_as_utf8_with_a_strict_content_security_policy(string path, string mediaType)
    {
        using var client = site.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());

        // Revalidation: the same ETag gets a 304 with no body.
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(response.Headers.ETag!.ToString()));
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task The_page_is_french_and_accents_arrive_intact()
    {
        using var client = site.Client();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"fr\">", html);
        Assert.Contains("Ingérer", html);
    }

    [Fact]
    public async Task An_unknown_asset_is_404_and_the_api_keeps_its_routes()
    {
        using var client = site.Client();
        using var missing = await client.GetAsync("/assets/nope.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var api = await client.GetAsync("/contradictions");
        Assert.Equal("application/json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void No_script_of_the_page_turns_strings_into_markup()
    {
        var scripts = EmbeddedAssets.Load().All.Where(a => a.Path.EndsWith(".js", StringComparison.Ordinal)).ToList();
        Assert.True(scripts.Count >= 5, $"only {scripts.Count} scripts embedded");
        foreach (var script in scripts)
        {
            var source = System.Text.Encoding.UTF8.GetString(script.Content);
            foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
                Assert.False(source.Contains(sink, StringComparison.Ordinal), $"{script.Path} uses {sink}");
        }
    }
}
