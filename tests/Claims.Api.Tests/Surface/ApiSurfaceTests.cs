using System.Net;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Surface;

/// <summary>The routes and shapes of issue 4 that other tests do not cover: OpenAPI, health, articles, strikes, errors.</summary>
[Collection(SeededCollection.Name)]
public sealed class ApiSurfaceTests(SeededApi api)
{
    [Fact]
    public async Task The_OpenAPI_document_lists_the_routes()
    {
        using var client = api.Client();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var route in new[] { "/articles", "/articles/{articleId}", "/articles/{articleId}/records/{recordId}/corrections", "/actors",
                     "/actors/{actorId}/ledger", "/contradictions", "/contradictions/{id}", "/contradictions/{id}/verdicts", "/strikes",
                     "/records/{articleId}/{recordId}/claimreview", "/health" })
            Assert.Contains(route, paths);
    }

    [Fact]
    public async Task Health_reports_the_database_and_each_projection_caught_up()
    {
        await api.WaitForProjectionsAsync();
        using var client = api.Client();
        var health = await client.GetJsonAsync("/health");
        Assert.True((bool)health["database"]!);
        var projections = health["projections"]!.AsArray();
        Assert.NotEmpty(projections);
        Assert.All(projections, p => Assert.Equal(0L, (long)p!["lag"]!));
    }

    [Fact]
    public async Task Articles_are_listed_with_their_manifest_metadata()
    {
        using var client = api.Client();
        var listed = (await client.GetJsonAsync("/articles")).AsArray();
        var atlantico = listed.Single(a => a.Str("articleId") == api.ArticleIdOf("000"))!;
        Assert.Equal("Atlantico", atlantico.Str("outlet"));
        Assert.Equal("2015-10-08", atlantico.Str("publishedOn"));
        Assert.Equal(api.Seeds[0].Records, (int)atlantico["records"]!);

        var article = await client.GetJsonAsync($"/articles/{api.ArticleIdOf("000")}");
        Assert.Equal(api.Seeds[0].Records, article["records"]!.AsArray().Count);
        Assert.All(article["records"]!.AsArray(), r => Assert.Contains(r.Str("type"), new[] { "statement", "strike", "dispute" }));
    }

    [Fact]
    public async Task Strikes_are_grouped_into_graded_incidents()
    {
        using var client = api.Client();
        var incidents = (await client.GetJsonAsync("/strikes")).AsArray();
        Assert.NotEmpty(incidents);
        Assert.All(incidents, i =>
        {
            Assert.Contains(i.Str("grade"), new[] { "single-source", "corroborated", "contested" });
            Assert.NotEmpty(i!["sources"]!.AsArray());
        });
    }

    [Fact]
    public async Task An_unknown_record_has_no_claimreview()
    {
        using var client = api.Client();
        using var response = await client.GetAsync($"/records/{api.ArticleIdOf("000")}/no-such-record/claimreview");
        Http.AssertProblem(response, await Http.ReadAsync(response), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        using var client = api.Client();
        using var response = await client.GetAsync("/no/such/route");
        Http.AssertProblem(response, await Http.ReadAsync(response), HttpStatusCode.NotFound);
    }
}
