using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Contradictions;
using Claims.Domain.Events;
using Claims.EventStore;
using Claims.TestKit;

namespace Claims.Domain.Tests;

/// <summary>Given/when/then through the real store (TestKit Scenario): the deciders' decisions, event by event.</summary>
public sealed class DeciderScenarioTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private EventStore.EventStore _store = null!;
    private static readonly DateTimeOffset At = new(2015, 10, 9, 12, 0, 0, TimeSpan.Zero);
    private static readonly ActorData Lavrov = new("serguei-lavrov", "Sergueï Lavrov");
    private static readonly ActorData Carter = new("ashton-carter", "Ashton Carter");

    private static ArticleIngested Ingested(string hash = "h1") =>
        new("article-1", "text", "Le Monde", "https://example.org/a", "Titre", new DateOnly(2015, 10, 8), "fr", hash, "Lavrov a dit ...", "v1", "tester", At);

    private static StatementMade Said(string id, string words, ActorData? who = null, string version = "v1") =>
        new("article-1", id, who ?? Lavrov, ["Lavrov"], words, "indirect", 0, words.Length, null, version);

    public async Task InitializeAsync()
    {
        _store = new EventStore.EventStore(new EventStoreOptions
        {
            ConnectionString = database.ConnectionString,
            Schema = "s_" + Guid.NewGuid().ToString("N")[..12],
            EventTypes = ClaimsRuntime.CreateEventTypes(),
        });
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public Task Ingesting_a_new_article_records_it_and_its_records() =>
        _store.Scenario(ArticleDecider.Decider, "article")
            .When(new IngestArticle(Ingested(), [Said("s1", "frapper l'EI")]))
            .ThenAsync(Ingested(), Said("s1", "frapper l'EI"));

    [Fact]
    public Task The_same_content_again_decides_nothing() =>
        _store.Scenario(ArticleDecider.Decider, "article")
            .Given("article-1", Ingested(), Said("s1", "frapper l'EI"))
            .When(new IngestArticle(Ingested() with { IngestedBy = "other" }, [Said("s1", "frapper l'EI")]))
            .ThenAsync();

    [Fact]
    public Task New_content_revises_and_appends_only_the_difference_with_fresh_ids() =>
        _store.Scenario(ArticleDecider.Decider, "article")
            .Given("article-1", Ingested(), Said("s1", "frapper l'EI"), Said("s2", "rien d'autre"))
            .When(new IngestArticle(Ingested("h2") with { Text = "v2" }, [Said("s1", "frapper l'EI"), Said("s2", "autre chose")]))
            .ThenAsync(new ArticleRevised("article-1", "text", "Le Monde", "Titre", new DateOnly(2015, 10, 8), "fr", "h2", "v2", "v1", "tester", At),
                new RecordRetracted("article-1", "s2", "revised", "v1"), Said("s2.2", "autre chose"));

    [Fact]
    public Task A_newer_extractor_retracts_what_it_no_longer_finds() =>
        _store.Scenario(ArticleDecider.Decider, "article")
            .Given("article-1", Ingested(), Said("s1", "frapper l'EI"), Said("s2", "rien d'autre"))
            .When(new ReExtractArticle("article-1", "v2", [Said("s1", "frapper l'EI", version: "v2")], At))
            .ThenAsync(new ArticleReExtracted("article-1", "v1", "v2", At), new RecordRetracted("article-1", "s2", "re-extracted", "v2"));

    [Fact]
    public Task A_wrong_speaker_is_corrected_on_the_article_stream() =>
        _store.Scenario(ArticleDecider.Decider, "article")
            .Given("article-1", Ingested(), Said("s1", "frapper l'EI"))
            .When(new CorrectRecord("article-1", "s1", "speaker", Carter, null, "misattributed", "checker", At))
            .ThenAsync(new RecordCorrected("article-1", "s1", "speaker", Carter, null, "misattributed", "checker", At));

    [Fact]
    public async Task A_correction_of_an_unknown_record_is_refused()
    {
        await _store.Scenario(ArticleDecider.Decider, "article")
            .Given("article-1", Ingested(), Said("s1", "frapper l'EI"))
            .When(new CorrectRecord("article-1", "s9", "text", null, "x", null, "checker", At))
            .ThenThrowsAsync<NotFoundException>();
    }

    [Fact]
    public Task A_verdict_goes_on_the_contradiction_stream() =>
        _store.Scenario(ContradictionDecider.Decider, "contradiction")
            .When(new RecordVerdict("c-1", "Dismissed", "same strike, two days", "checker", At))
            .ThenAsync(new ContradictionVerdictRecorded("c-1", "dismissed", "same strike, two days", "checker", At));

    [Fact]
    public async Task An_unknown_verdict_is_refused_naming_the_field()
    {
        var error = await _store.Scenario(ContradictionDecider.Decider, "contradiction")
            .Given("contradiction-c-1", new ContradictionVerdictRecorded("c-1", "confirmed", null, "checker", At))
            .When(new RecordVerdict("c-1", "probably", null, "checker", At))
            .ThenThrowsAsync<RequestValidationException>();
        Assert.Equal("verdict", error.Field);
    }
}
