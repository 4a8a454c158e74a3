using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Contradictions;

/// <summary>Lists that grow with the corpus come a page at a time: GET /contradictions keeps its array body and says where the
/// next page is in a Link header; GET /actors/{id}/ledger carries a `next` cursor. Out-of-range or forged paging is a 400.</summary>
[Collection(SeededCollection.Name)]
public sealed class PagingTests(SeededApi api)
{
    [Fact]
    public async Task Contradiction_pages_follow_the_link_header_to_the_whole_list()
    {
        using var client = api.Client();
        var whole = (await client.GetJsonAsync("/contradictions")).AsArray().Select(c => c.Str("id")).ToList();
        Assert.True(whole.Count >= 2);

        var joined = new List<string>();
        string? path = "/contradictions?limit=1&recordsPerSide=1";
        while (path is not null)
        {
            var response = await client.GetAsync(path);
            var page = (await Http.ReadAsync(response))!.AsArray();
            Assert.True(page.Count <= 1);
            foreach (var side in page.SelectMany(c => c!["sides"]!.AsArray()))
                Assert.True(side!["records"]!.AsArray().Count <= 1 && (int)side["recordCount"]! >= side["records"]!.AsArray().Count);
            joined.AddRange(page.Select(c => c.Str("id")));
            path = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split('<', '>')[1] : null;
            if (path is not null) Assert.Contains("recordsPerSide=1", path);
        }
        Assert.Equal(whole, joined);
    }

    [Fact]
    public async Task Ledger_pages_follow_the_next_cursor_to_the_whole_ledger()
    {
        using var client = api.Client();
        var whole = await client.GetJsonAsync("/actors/serguei-lavrov/ledger");
        Assert.Null(whole["next"]);
        var joined = new List<string>();
        var path = "/actors/serguei-lavrov/ledger?limit=1";
        for (var pages = 1; ; pages++)
        {
            var page = await client.GetJsonAsync(path);
            var entries = page["statements"]!.AsArray().Select(e => $"{e.Str("articleId")}:{e!["record"].Str("recordId")}").ToList();
            Assert.True(entries.Count <= 1);
            joined.AddRange(entries);
            if (page["next"] is null) break;
            path = "/actors/serguei-lavrov/ledger?limit=1&after=" + Uri.EscapeDataString(page.Str("next"));
            Assert.True(pages < 1000);
        }
        Assert.Equal(whole["statements"]!.AsArray().Select(e => $"{e.Str("articleId")}:{e!["record"].Str("recordId")}"), joined);
    }

    [Theory]
    [InlineData("/contradictions?limit=0", "limit")]
    [InlineData("/contradictions?limit=100000", "limit")]
    [InlineData("/contradictions?recordsPerSide=0", "recordsPerSide")]
    [InlineData("/actors/serguei-lavrov/ledger?after=forged", "after")]
    [InlineData("/actors/serguei-lavrov/ledger?limit=-3", "limit")]
    public async Task Paging_out_of_range_is_a_problem_naming_the_parameter(string path, string parameter)
    {
        using var client = api.Client();
        var response = await client.GetAsync(path);
        var problem = Http.AssertProblem(response, await Http.ReadAsync(response), HttpStatusCode.BadRequest);
        Assert.Contains(parameter, problem.ToJsonString());
    }
}
