using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Hardening;

/// <summary>GET /articles and GET /strikes answer a bounded page, and the Link rel="next" header walks the whole list
/// exactly once, in the list's order.</summary>
[Collection(SeededCollection.Name)]
public sealed class PagedListTests(SeededApi api)
{
    [Theory]
    [InlineData("/articles", "articleId")]
    [InlineData("/strikes", "id")]
    public async Task Following_the_next_links_walks_the_whole_list_once_in_order(string route, string key)
    {
        using var client = api.Client();
        var whole = (await client.GetJsonAsync($"{route}?limit=1000")).AsArray().Select(i => i.Str(key)).ToList();
        Assert.True(whole.Count >= 3, $"{route}: the seeds give at least 3 items ({whole.Count})");

        var walked = new List<string>();
        var pages = 0;
        for (string? next = $"{route}?limit=2"; next is not null; pages++)
        {
            using var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await Http.ReadAsync(response))!.AsArray();
            Assert.True(page.Count <= 2);
            walked.AddRange(page.Select(i => i.Str(key)));
            next = NextOf(response);
            if (next is not null) Assert.Contains("limit=2", next);
            Assert.True(pages < 100, "the next links never end");
        }
        Assert.Equal(whole, walked);
        Assert.True(pages >= 2);
    }

    [Fact]
    public async Task Without_a_limit_a_page_is_bounded_and_a_short_page_has_no_next_link()
    {
        using var client = api.Client();
        foreach (var route in new[] { "/articles", "/strikes" })
        {
            using var response = await client.GetAsync(route);
            var page = (await Http.ReadAsync(response))!.AsArray();
            Assert.InRange(page.Count, 1, 100);
            Assert.Null(NextOf(response));
        }
    }

    [Fact]
    public async Task A_ledger_page_with_more_gives_the_next_link_with_the_body_cursor()
    {
        using var client = api.Client();
        var actor = (await client.GetJsonAsync("/actors")).AsArray()[0]!.Str("id");
        using var response = await client.GetAsync($"/actors/{actor}/ledger?limit=1");
        var ledger = (await Http.ReadAsync(response))!;
        var next = ledger.Str("next");
        Assert.NotNull(next);
        Assert.Contains($"after={Uri.EscapeDataString(next)}", NextOf(response));
    }

    private static string? NextOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Link", out var values) && values.SingleOrDefault() is { } link && link.EndsWith("; rel=\"next\"", StringComparison.Ordinal)
            ? link[1..link.IndexOf('>')]
            : null;
}
