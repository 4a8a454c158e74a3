using Claims.Domain.Application;
using Claims.Domain.Projections;
using Claims.Extraction;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Tests.Support;

/// <summary>Articles ingested one at a time, each in its own projection batch, and the checks that such incremental upkeep
/// ends where the pure rules over everything (and a rebuild, one batch over the whole log) end.</summary>
internal static class ArticleByArticle
{
    public static async Task<List<(string ArticleId, IngestArticleRequest Request)>> IngestShuffledAsync(ClaimsRuntime runtime, IEnumerable<IngestArticleRequest> articles)
    {
        var ingested = new List<(string, IngestArticleRequest)>();
        var shuffle = new Random(2015);  // fixed, so that a failure replays
        foreach (var request in articles.OrderBy(_ => shuffle.Next()))
        {
            ingested.Add(((await runtime.Application.IngestAsync(request, "test")).ArticleId, request));
            await runtime.Application.WaitForProjectionsAsync(SeededClaims.Patience); // one article per batch
        }
        return ingested;
    }

    public static async Task AssertContradictionsAreTheFindersAsync(ClaimsRuntime runtime, IReadOnlyList<(string ArticleId, IngestArticleRequest Request)> ingested, int atLeast)
    {
        var extractor = new ArticleExtractor();
        // In the projections' stable order (article id, then the order the stream made the records): the finder keeps its
        // input order in a contradiction's sides.
        var extractions = ingested.OrderBy(a => a.ArticleId, StringComparer.Ordinal).Select(a => extractor.Extract(new ArticleInput(a.ArticleId, a.Request.Text, a.Request.Html)
            { Outlet = a.Request.Outlet, Title = a.Request.Title, PublishedOn = a.Request.PublishedOn, Url = a.Request.Url }));
        var expected = ContradictionFinder.Find(extractions)
            .ToDictionary(c => c.Id, c => (c.Kind, Sides: c.Sides.Select(s => s.Records.Select(k => $"{k.ArticleKey}:{k.RecordId}").Order().ToList()).ToList()));

        var stored = new List<ContradictionView>();
        for (var page = new ContradictionPage(Limit: ContradictionPage.MaxLimit, RecordsPerSide: ContradictionPage.MaxLimit); ;)
        {
            var next = await runtime.Application.ListContradictionsAsync(page: page);
            stored.AddRange(next);
            if (next.Count < page.Limit) break;
            page = page with { After = next[^1].Id };
        }
        var actual = stored.ToDictionary(c => c.Id, c => (c.Kind, Sides: c.Sides.Select(s => s.Records.Select(r => $"{r.ArticleId}:{r.RecordId}").Order().ToList()).ToList()));

        Assert.True(expected.Count >= atLeast, $"the corpus should hold at least {atLeast} contradictions, found {expected.Count}");
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (id, want) in expected)
        {
            Assert.Equal(want.Kind, actual[id].Kind);
            Assert.Equal(want.Sides, actual[id].Sides);
            Assert.Equal(want.Sides.Select(s => s.Count), stored.Single(c => c.Id == id).Sides.Select(s => s.RecordCount));
        }
    }

    public static async Task AssertEqualToASinglePassAsync(ClaimsRuntime runtime)
    {
        foreach (var projection in new[] { ContradictionsProjection.ProjectionName, StrikesProjection.ProjectionName })
        {
            var schema = runtime.ProjectionSchema(projection);
            var live = await TableDump.OfSchemaAsync(runtime.DataSource, schema);
            await runtime.RebuildAsync(projection);
            var rebuilt = await TableDump.OfSchemaAsync(runtime.DataSource, schema);
            Assert.NotEmpty(live[projection == StrikesProjection.ProjectionName ? "incidents" : "contradictions"]);
            foreach (var table in live.Keys) Assert.Equal(live[table], rebuilt[table]);
        }
    }
}
