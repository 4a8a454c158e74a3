using Claims.Domain.Application;
using Claims.Domain.Contradictions.Queue;
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

    /// <summary>Every current contradiction, page after page, each side with all its records (up to the API's most a side).</summary>
    public static async Task<List<ContradictionView>> AllContradictionsAsync(IClaimsApplication app)
    {
        var all = new List<ContradictionView>();
        for (var page = new ContradictionPage(Limit: ContradictionPage.MaxLimit, RecordsPerSide: ContradictionPage.MaxLimit); ;)
        {
            var next = await app.ListContradictionsAsync(page: page);
            all.AddRange(next);
            if (next.Count < page.Limit) return all;
            page = page with { After = next[^1].Id };
        }
    }

    public static async Task AssertContradictionsAreTheFindersAsync(ClaimsRuntime runtime, IReadOnlyList<(string ArticleId, IngestArticleRequest Request)> ingested, int atLeast)
    {
        var extractor = new ArticleExtractor();
        // In the projections' stable order (article id, then the order the stream made the records): the finder keeps its
        // input order in a contradiction's sides, and a page lists each side in that order (its first records are those
        // shown when a page caps the side), so the sides are compared in order; a record met twice in a side counts once,
        // where first met, as the read model writes it.
        var extractions = ingested.OrderBy(a => a.ArticleId, StringComparer.Ordinal).Select(a => extractor.Extract(new ArticleInput(a.ArticleId, a.Request.Text, a.Request.Html)
            { Outlet = a.Request.Outlet, Title = a.Request.Title, PublishedOn = a.Request.PublishedOn, Url = a.Request.Url }));
        var expected = ContradictionFinder.Find(extractions)
            .ToDictionary(c => c.Id, c => (c.Kind, Sides: c.Sides.Select(s => s.Records.Distinct().Select(k => $"{k.ArticleKey}:{k.RecordId}").ToList()).ToList()));

        var stored = await AllContradictionsAsync(runtime.Application);
        var actual = stored.ToDictionary(c => c.Id, c => (c.Kind, Sides: c.Sides.Select(s => s.Records.Select(r => $"{r.ArticleId}:{r.RecordId}").ToList()).ToList()));

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

    /// <summary>The review queue's features as the contradictions table keeps them (from tallies and per-record copies kept
    /// batch by batch) against the same features counted afresh over each current contradiction's records, articles and
    /// payloads: what the tallies must always amount to.</summary>
    public static async Task AssertQueueFeaturesAreCountedOverTheRecordsAsync(ClaimsRuntime runtime, int atLeast)
    {
        var s = runtime.ProjectionSchema(ContradictionsProjection.ProjectionName);
        var officials = ReviewPriority.OfficialVoices.ToArray();
        var kept = await FeaturesAsync(runtime, $"""
            select id, outlets, voices, official, top_count, latest, recent_articles, first_seen from {s}.contradictions where current
            """, officials);
        var counted = await FeaturesAsync(runtime, $"""
            with x as (
                select cr.contradiction_id as id, cr.side, a.article_id, a.outlet, coalesce(a.published_on, (a.ingested_at at time zone 'UTC')::date) as day,
                       a.ingested_at, case when r.type = 'strike' then r.payload->'reportedBy'->>'id' else r.actor_id end as voice,
                       case when r.type = 'strike' then (select max(n.value::int) from jsonb_each_text(r.payload->'counts') n where n.value ~ '^[0-9]+$' and length(n.value) < 10) end as count
                  from {s}.contradictions c join {s}.contradiction_records cr on cr.contradiction_id = c.id
                  join {s}.records r on r.article_id = cr.article_id and r.record_id = cr.record_id
                  join {s}.articles a on a.article_id = cr.article_id
                 where c.current),
            sides as (select id, side, count(distinct outlet)::int as outlets, count(distinct voice)::int as voices, coalesce(bool_or(voice = any($1)), false) as official
                        from x group by id, side),
            whole as (select id, coalesce(max(count), 0) as top, max(day) as latest, min(ingested_at) as first_seen from x group by id)
            select w.id, array_agg(s.outlets order by s.side), array_agg(s.voices order by s.side), array_agg(s.official order by s.side), w.top, w.latest,
                   (select count(distinct x2.article_id)::int from x x2 where x2.id = w.id and x2.day > w.latest - 7), w.first_seen
              from whole w join sides s on s.id = w.id
             group by w.id, w.top, w.latest, w.first_seen
            """, officials);
        Assert.True(counted.Count >= atLeast, $"the corpus should hold at least {atLeast} current contradictions, found {counted.Count}");
        Assert.Equal(counted, kept);
    }

    private static async Task<SortedDictionary<string, string>> FeaturesAsync(ClaimsRuntime runtime, string sql, string[] officials)
    {
        await using var command = runtime.DataSource.CreateCommand(sql);
        if (sql.Contains("$1")) command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = officials });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
            rows[reader.GetString(0)] = string.Join(" | ", Enumerable.Range(1, 7).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i) switch
            {
                Array a => string.Join(",", a.Cast<object>()),
                var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
            }));
        return rows;
    }
}
