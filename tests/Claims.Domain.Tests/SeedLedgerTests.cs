using System.Text.Json.Nodes;
using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Tests.Support;
using Claims.Extraction;
using Claims.Extraction.Contradictions;
using Claims.Extraction.Json;
using Claims.Extraction.Tests.Scoring;
using Xunit.Abstractions;

namespace Claims.Domain.Tests;

/// <summary>The five seeds ingested once into a real database: what the ledgers, contradictions and incidents hold.</summary>
public sealed class SeedLedgerTests(SeededClaims claims, ITestOutputHelper output) : IClassFixture<SeededClaims>
{
    private IClaimsApplication App => claims.App;

    [Theory]
    [InlineData("Sergueï Lavrov")]
    [InlineData("Ashton Carter")]
    [InlineData("Jens Stoltenberg")]
    [InlineData("Igor Konachenkov")]
    public async Task Ledgers_hold_each_gold_statement_of_the_speaker_with_its_exact_words(string speaker)
    {
        var actor = Assert.Single(await App.SearchActorsAsync(speaker), a => a.Name == speaker);
        var ledger = (await App.GetLedgerAsync(actor.Id))!;
        Assert.NotEmpty(ledger.Statements);

        var gold = Seeds.Gold["articles"]!.AsArray()
            .SelectMany(a => a!["statements"]!.AsArray().Select(s => (File: (string)a["file"]!, Speaker: (string)s!["speaker"]!, Text: (string)s["text"]!)))
            .Where(s => GoldScorer.Norm(s.Speaker) == GoldScorer.Norm(speaker)).ToList();
        Assert.NotEmpty(gold);
        // The gold's words stand verbatim in the speaker's ledger, inside the entry's span of the article text
        // (the extractor may join two adjacent quotes into one statement, so the entry can hold more than the gold's words).
        foreach (var g in gold)
        {
            var entry = Assert.Single(ledger.Statements, e => e.ArticleId == claims.Ingested[g.File].ArticleId && e.Record.Text.Contains(g.Text, StringComparison.Ordinal));
            var article = (await App.GetArticleAsync(entry.ArticleId))!;
            Assert.Contains(g.Text, article.Text[entry.Record.Span[0]..entry.Record.Span[1]]);
            Assert.Equal(article.PublishedOn, entry.PublishedOn);
        }
    }

    [Fact]
    public async Task Every_gold_contradiction_is_stored_with_both_sides()
    {
        var stored = await App.ListContradictionsAsync();
        var articles = new List<ArticleExtraction>();
        foreach (var (file, ingested) in claims.Ingested)
        {
            var (state, _) = await StreamWriter_LoadAsync(ingested.ArticleId);
            var records = state.Standing.Select(r => RecordMapping.ToExtractorRecord(r.Record.Current)).ToList();
            articles.Add(new ArticleExtraction(file, state.Outlet, state.Title, state.PublishedOn, records.OfType<Statement>().ToList(),
                records.OfType<Strike>().ToList(), records.OfType<Dispute>().ToList(), 0, state.Text));
        }
        var contradictions = stored.Select(c => new Contradiction(c.Id, c.About, c.Kind, c.Sides.Select(s =>
            new ContradictionSide(s.Position, s.Records.Select(r => new RecordKey(claims.FileOf(r.ArticleId), r.RecordId)).ToList())).ToList())).ToList();
        var predicted = JsonNode.Parse(ExtractionJson.Serialize(ExtractionJson.ToDocument(articles, contradictions)))!;

        var report = GoldScorer.Score(Seeds.Gold, predicted);
        output.WriteLine(report.ToString());
        Assert.Equal(4, report.GoldContradictions);
        Assert.Equal(report.GoldContradictions, report.FoundContradictions);
        Assert.All(stored, c =>
        {
            Assert.True(c.Sides.Count >= 2);
            Assert.All(c.Sides, s => Assert.NotEmpty(s.Records));
            Assert.Equal("open", c.Status);
        });
    }

    [Fact]
    public async Task Re_ingesting_the_same_content_is_a_no_op_returning_the_existing_article()
    {
        var seed = Seeds.All[2];
        var first = claims.Ingested[seed.File];
        var before = await claims.Runtime.Progress.HeadAsync();
        var again = await App.IngestAsync(seed.Request, "someone-else");
        Assert.Equal(first with { Created = false }, again);
        Assert.Equal(before, await claims.Runtime.Progress.HeadAsync());
    }

    [Theory]
    [InlineData("serguei lavrov", "serguei-lavrov")]
    [InlineData("LAVROV", "serguei-lavrov")]
    [InlineData("Choïgou", "serguei-choigou")]
    [InlineData("moscou", "russie")]
    public async Task Actor_search_ignores_accents_and_case_and_finds_aliases(string search, string expected)
    {
        var found = await App.SearchActorsAsync(search);
        Assert.Contains(found, a => a.Id == expected);
        Assert.DoesNotContain(found, a => a.Id == "jens-stoltenberg");
    }

    [Fact]
    public async Task Ledger_entries_name_the_contradictions_their_records_take_part_in()
    {
        var lavrov = (await App.GetLedgerAsync("serguei-lavrov"))!;
        var inContradictions = lavrov.Statements.Where(e => e.Record.Contradictions.Count > 0).ToList();
        Assert.NotEmpty(inContradictions);
        foreach (var entry in inContradictions)
            foreach (var id in entry.Record.Contradictions)
            {
                var c = (await App.GetContradictionAsync(id))!;
                Assert.Contains(c.Sides.SelectMany(s => s.Records), r => r.ArticleId == entry.ArticleId && r.RecordId == entry.Record.RecordId);
            }
        Assert.Equal("Russie", lavrov.Actor.Affiliation);
        Assert.Contains(await App.ListContradictionsAsync(actor: "serguei-lavrov"), c => inContradictions.Any(e => e.Record.Contradictions.Contains(c.Id)));
    }

    [Fact]
    public async Task Strike_incidents_group_reports_with_their_sources_and_grade()
    {
        var incidents = await App.ListStrikeIncidentsAsync();
        Assert.NotEmpty(incidents);
        Assert.All(incidents, i => Assert.Contains(i.Grade, new[] { "single-source", "corroborated", "contested" }));
        // The Caspian cruise missiles: the Russian Defence Ministry (article 000) against article 001's own voice (Aleppo province).
        var caspian = Assert.Single(incidents, i => i.Places.Any(p => p.Name == "mer Caspienne"));
        Assert.Equal("contested", caspian.Grade);
        Assert.Equal(2, caspian.Sources.Select(s => s.ArticleId).Distinct().Count());
        var reports = incidents.Sum(i => i.Sources.Count);
        var eventStrikes = 0;
        foreach (var (_, ingested) in claims.Ingested)
            eventStrikes += (await StreamWriter_LoadAsync(ingested.ArticleId)).State.Standing.Count(r => r.Record.Current is Events.StrikeReported { Scope: "event" });
        Assert.Equal(eventStrikes, reports);
    }

    [Fact]
    public async Task Claim_review_is_schema_org_json_ld_of_the_words_and_their_author()
    {
        var entry = (await App.GetLedgerAsync("jens-stoltenberg"))!.Statements[0];
        var review = (await App.GetClaimReviewAsync(entry.ArticleId, entry.Record.RecordId))!;
        Assert.Equal("ClaimReview", (string?)review["@type"]);
        Assert.Equal(entry.Record.Text, (string?)review["claimReviewed"]);
        Assert.Equal("Jens Stoltenberg", (string?)review["itemReviewed"]!["author"]!["name"]);
        Assert.Equal("Claims", (string?)review["author"]!["name"]);
        Assert.Null(await App.GetClaimReviewAsync(entry.ArticleId, "s999"));
    }

    [Fact]
    public async Task Articles_are_listed_and_served_with_their_records()
    {
        var list = await App.ListArticlesAsync();
        Assert.Equal(5, list.Count);
        foreach (var summary in list)
        {
            var article = (await App.GetArticleAsync(summary.ArticleId))!;
            Assert.Equal(summary.Records, article.Records.Count(r => r.Status != "retracted"));
            Assert.Equal(claims.Ingested[claims.FileOf(summary.ArticleId)].Records, summary.Records);
        }
        Assert.Null(await App.GetArticleAsync("article-0000000000000000"));
    }

    [Fact]
    public async Task Health_reports_each_projection_caught_up()
    {
        await App.WaitForProjectionsAsync(SeededClaims.Patience);
        var health = await App.GetHealthAsync();
        Assert.True(health.Database);
        Assert.Equal(["ledger", "contradictions", "strikes"], health.Projections.Select(p => p.Name));
        Assert.All(health.Projections, p => { Assert.Equal(0, p.Lag); Assert.True(p.Position > 0); });
    }

    private Task<(ArticleState State, long Version)> StreamWriter_LoadAsync(string articleId) => Support.Streams.LoadArticleAsync(claims.Runtime, articleId);
}
