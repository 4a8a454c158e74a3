using Claims.Domain.Application;
using Claims.Extraction.Contradictions;
using Claims.Domain.Tests.Support;
using Claims.TestKit;
using Claims.TestKit.Corpus;

namespace Claims.Domain.Tests;

/// <summary>
/// The same equalities as <see cref="IncrementalProjectionTests"/> over a corpus dense in time: synthetic articles where a few
/// strikers hit the same provinces day after day for a month, dated, undated and told days later, so that groups sit next
/// to each other and a change regroups only the days around it. Any day the regrouping failed to reread, or a group it
/// failed to drop, shows up as a difference from the finder over everything or from a single pass.
/// </summary>
public sealed class DenseCorpusIncrementalTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private ClaimsRuntime _runtime = null!;
    private readonly List<(string ArticleId, IngestArticleRequest Request)> _ingested = [];

    public async Task InitializeAsync()
    {
        _runtime = await SeededClaims.StartAsync(database.ConnectionString);
        var articles = SyntheticCorpus.Generate(120, seed: 11).Select(a => a.Request);
        _ingested.AddRange(await ArticleByArticle.IngestShuffledAsync(_runtime, articles));
    }

    public async Task DisposeAsync() => await _runtime.DisposeAsync();

    [Fact]
    public Task Contradictions_kept_article_by_article_are_those_the_finder_finds_over_everything() =>
        ArticleByArticle.AssertContradictionsAreTheFindersAsync(_runtime, _ingested, atLeast: 20);

    [Fact]
    public Task Contradictions_and_incidents_kept_article_by_article_equal_a_single_pass_over_the_log() =>
        ArticleByArticle.AssertEqualToASinglePassAsync(_runtime);

    [Fact]
    public Task Review_queue_features_kept_by_tallies_equal_those_counted_over_the_records() =>
        ArticleByArticle.AssertQueueFeaturesAreCountedOverTheRecordsAsync(_runtime, atLeast: 20);

    [Fact]
    public async Task Incidents_over_a_month_of_daily_strikes_each_span_a_few_days_and_some_join_several_articles()
    {
        var incidents = await _runtime.Application.ListStrikeIncidentsAsync();
        Assert.All(incidents.Where(i => i.From is not null), i => Assert.True(i.To!.Value.DayNumber - i.From!.Value.DayNumber <= DayGrouping.AttachDays,
            $"incident {i.Id} spans {i.From} to {i.To}"));
        Assert.Contains(incidents, i => i.Sources.Select(s => s.ArticleId).Distinct().Count() >= 3);
    }
}
