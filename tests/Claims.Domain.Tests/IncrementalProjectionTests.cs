using Claims.Domain.Application;
using Claims.Domain.Projections;
using Claims.Domain.Tests.Support;
using Claims.Extraction;
using Claims.Extraction.Contradictions;
using Claims.TestKit;

namespace Claims.Domain.Tests;

/// <summary>
/// The contradiction and strike projections recompute only what each batch touches. These tests hold them to what the pure
/// rules give over everything at once: articles ingested one at a time, in a shuffled order, must end with exactly the
/// contradictions <see cref="ContradictionFinder.Find"/> finds over all of them, and with the same tables a single pass
/// (a rebuild: one batch over the whole log) builds.
/// </summary>
public sealed class IncrementalProjectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ClaimsRuntime _runtime = null!;
    private readonly List<(string ArticleId, IngestArticleRequest Request)> _ingested = [];

    public async Task InitializeAsync()
    {
        _runtime = await SeededClaims.StartAsync(database.ConnectionString);
        // Seeds and held-out articles together: several strikers, clusters across articles, denials and campaigns.
        var articles = Seeds.All.Select(s => s.Request).Concat(HeldOut()).ToList();
        _ingested.AddRange(await ArticleByArticle.IngestShuffledAsync(_runtime, articles));
    }

    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    [Fact]
    public Task Contradictions_kept_article_by_article_are_those_the_finder_finds_over_everything() =>
        ArticleByArticle.AssertContradictionsAreTheFindersAsync(_runtime, _ingested, atLeast: 5);

    [Fact]
    public Task Contradictions_and_incidents_kept_article_by_article_equal_a_single_pass_over_the_log() =>
        ArticleByArticle.AssertEqualToASinglePassAsync(_runtime);

    [Fact]
    public async Task Records_ruled_out_after_ingestion_leave_the_read_models_as_a_single_pass_over_the_log_builds_them()
    {
        // Live, each ruling comes in a batch of its own and the records that stand are read back; a rebuild meets the
        // ingestion and the ruling in one batch, where the records that stand come from the batch itself: both must drop them.
        var contradictions = await _runtime.Application.ListContradictionsAsync(page: new ContradictionPage(Limit: ContradictionPage.MaxLimit));
        var records = contradictions.SelectMany(c => c.Sides.SelectMany(side => side.Records));
        var ruledOut = new[] { records.First(r => r.Type == "strike"), records.First(r => r.Type == "statement") };
        foreach (var r in ruledOut)
            await _runtime.Application.CorrectRecordAsync(r.ArticleId, r.RecordId, new CorrectRecordRequest("not-a-claim"), "checker");
        await _runtime.Application.WaitForProjectionsAsync(TimeSpan.FromMinutes(1));
        var after = await _runtime.Application.ListContradictionsAsync(page: new ContradictionPage(Limit: ContradictionPage.MaxLimit));
        Assert.DoesNotContain(after.SelectMany(c => c.Sides.SelectMany(side => side.Records)), r => ruledOut.Any(o => (o.ArticleId, o.RecordId) == (r.ArticleId, r.RecordId)));
        await ArticleByArticle.AssertEqualToASinglePassAsync(_runtime);
    }

    [Fact]
    public async Task A_contradictions_page_holds_at_most_limit_items_and_the_pages_join_into_the_whole_list()
    {
        var whole = await _runtime.Application.ListContradictionsAsync(page: new ContradictionPage(Limit: ContradictionPage.MaxLimit));
        var joined = new List<ContradictionView>();
        var page = new ContradictionPage(Limit: 2, RecordsPerSide: 1);
        while (true)
        {
            var next = await _runtime.Application.ListContradictionsAsync(page: page);
            Assert.True(next.Count <= 2);
            Assert.All(next.SelectMany(c => c.Sides), s => Assert.True(s.Records.Count <= 1 && s.RecordCount >= s.Records.Count));
            joined.AddRange(next);
            if (next.Count < page.Limit) break;
            page = page with { After = next[^1].Id };
        }
        Assert.Equal(whole.Select(c => c.Id), joined.Select(c => c.Id));
        Assert.Equal(whole.Select(c => c.Id).Order(StringComparer.Ordinal), whole.Select(c => c.Id));
    }

    [Fact]
    public async Task A_ledger_page_holds_at_most_limit_entries_and_the_pages_join_into_the_whole_ledger()
    {
        var actor = (await _runtime.Application.SearchActorsAsync(null))[0];  // the actor with the most records
        var whole = (await _runtime.Application.GetLedgerAsync(actor.Id, new LedgerPage(Limit: LedgerPage.MaxLimit)))!;
        Assert.Null(whole.Next);
        var joined = new List<string>();
        var pages = 0;
        for (var ledger = (await _runtime.Application.GetLedgerAsync(actor.Id, new LedgerPage(Limit: 3)))!; ;
             ledger = (await _runtime.Application.GetLedgerAsync(actor.Id, new LedgerPage(ledger.Next, 3)))!)
        {
            pages++;
            var entries = Entries(ledger);
            Assert.True(entries.Count <= 3);
            joined.AddRange(entries);
            if (ledger.Next is null) break;
        }
        Assert.True(pages > 1, $"{actor.Name} should need several pages of 3");
        Assert.Equal(Entries(whole).Order(), joined.Order());
        Assert.Equal(joined.Count, joined.Distinct().Count());
        Assert.True(actor.Records <= joined.Count, "every record of the actor is in its ledger (a record may appear under two roles)");
    }

    [Fact]
    public async Task A_ledger_cursor_that_is_not_one_and_limits_out_of_range_are_refused_by_name()
    {
        var actor = (await _runtime.Application.SearchActorsAsync(null))[0];
        Assert.Equal("after", (await Assert.ThrowsAsync<RequestValidationException>(() => _runtime.Application.GetLedgerAsync(actor.Id, new LedgerPage("not-a-cursor")))).Field);
        Assert.Equal("limit", (await Assert.ThrowsAsync<RequestValidationException>(() => _runtime.Application.GetLedgerAsync(actor.Id, new LedgerPage(Limit: 0)))).Field);
        Assert.Equal("limit", (await Assert.ThrowsAsync<RequestValidationException>(() => _runtime.Application.ListContradictionsAsync(page: new ContradictionPage(Limit: 5000)))).Field);
        Assert.Equal("recordsPerSide", (await Assert.ThrowsAsync<RequestValidationException>(() => _runtime.Application.ListContradictionsAsync(page: new ContradictionPage(RecordsPerSide: 0)))).Field);
    }

    private static List<string> Entries(ActorLedger l) =>
        new[] { ("statement", l.Statements), ("reported", l.StrikesReported), ("attributed", l.StrikesAttributed), ("made", l.DisputesMade), ("received", l.DisputesReceived) }
            .SelectMany(x => x.Item2.Select(e => $"{x.Item1}:{e.ArticleId}:{e.Record.RecordId}")).ToList();

    private static IEnumerable<IngestArticleRequest> HeldOut()
    {
        var folder = Path.Combine(Seeds.RepoRoot, "tests", "Claims.Extraction.Tests", "Gold", "heldout");
        foreach (var file in Directory.GetFiles(folder).Where(f => f.EndsWith(".txt") || f.EndsWith(".html")).Order())
        {
            var content = File.ReadAllText(file);
            yield return file.EndsWith(".html") ? new IngestArticleRequest(Html: content, Url: "https://heldout.example/" + Path.GetFileName(file))
                : new IngestArticleRequest(Text: content, Url: "https://heldout.example/" + Path.GetFileName(file));
        }
    }
}
