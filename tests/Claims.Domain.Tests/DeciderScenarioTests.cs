using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Contradictions;
using Claims.Domain.Events;
using Claims.TestKit;

namespace Claims.Domain.Tests;

/// <summary>Given/when/then through the real stack (TestKit Scenario): events on a Marten stream, the command through
/// its Wolverine handler, the decider's decisions as appended. Each test has streams of its own.</summary>
public sealed class DeciderScenarioTests(ClaimsHost host) : IClassFixture<ClaimsHost>
{
    private static readonly DateTimeOffset At = new(2015, 10, 9, 12, 0, 0, TimeSpan.Zero);
    private static readonly ActorData Lavrov = new("serguei-lavrov", "Sergueï Lavrov");
    private static readonly ActorData Carter = new("ashton-carter", "Ashton Carter");
    private readonly string _article = "article-" + Guid.NewGuid().ToString("N")[..16];
    private readonly string _contradiction = "c-" + Guid.NewGuid().ToString("N")[..10];

    private ArticleIngested Ingested(string hash = "h1") =>
        new(_article, "text", "Le Monde", "https://example.org/a", "Titre", new DateOnly(2015, 10, 8), "fr", hash, "Lavrov a dit ...", "v1", "tester", At);

    private StatementMade Said(string id, string words, ActorData? who = null, string version = "v1") =>
        new(_article, id, who ?? Lavrov, ["Lavrov"], words, "indirect", 0, words.Length, null, version);

    [Fact]
    public Task Ingesting_a_new_article_records_it_and_its_records() =>
        host.Scenario()
            .Given(_article)
            .When(new IngestArticle(Ingested(), [Said("s1", "frapper l'EI")]))
            .ThenAsync(Ingested(), Said("s1", "frapper l'EI"));

    [Fact]
    public Task The_same_content_again_decides_nothing() =>
        host.Scenario()
            .Given(_article, Ingested(), Said("s1", "frapper l'EI"))
            .When(new IngestArticle(Ingested() with { IngestedBy = "other" }, [Said("s1", "frapper l'EI")]))
            .ThenAsync();

    [Fact]
    public Task New_content_revises_and_appends_only_the_difference_with_fresh_ids() =>
        host.Scenario()
            .Given(_article, Ingested(), Said("s1", "frapper l'EI"), Said("s2", "rien d'autre"))
            .When(new IngestArticle(Ingested("h2") with { Text = "v2" }, [Said("s1", "frapper l'EI"), Said("s2", "autre chose")]))
            .ThenAsync(new ArticleRevised(_article, "text", "Le Monde", "Titre", new DateOnly(2015, 10, 8), "fr", "h2", "v2", "v1", "tester", At),
                new RecordRetracted(_article, "s2", "revised", "v1"), Said("s2.2", "autre chose"));

    [Fact]
    public Task A_newer_extractor_retracts_what_it_no_longer_finds() =>
        host.Scenario()
            .Given(_article, Ingested(), Said("s1", "frapper l'EI"), Said("s2", "rien d'autre"))
            .When(new ReExtractArticle(_article, "v2", [Said("s1", "frapper l'EI", version: "v2")], At))
            .ThenAsync(new ArticleReExtracted(_article, "v1", "v2", At), new RecordRetracted(_article, "s2", "re-extracted", "v2"));

    [Fact]
    public Task A_wrong_speaker_is_corrected_on_the_article_stream() =>
        host.Scenario()
            .Given(_article, Ingested(), Said("s1", "frapper l'EI"))
            .When(new CorrectRecord(_article, "s1", "speaker", Carter, null, "misattributed", "checker", At))
            .ThenAsync(new RecordCorrected(_article, "s1", "speaker", Carter, null, "misattributed", "checker", At));

    [Fact]
    public async Task A_correction_of_an_unknown_record_is_refused()
    {
        await host.Scenario()
            .Given(_article, Ingested(), Said("s1", "frapper l'EI"))
            .When(new CorrectRecord(_article, "s9", "text", null, "x", null, "checker", At))
            .ThenThrowsAsync<NotFoundException>();
    }

    [Fact]
    public Task A_verdict_goes_on_the_contradiction_stream() =>
        host.Scenario()
            .Given("contradiction-" + _contradiction)
            .When(new RecordVerdict(_contradiction, "Dismissed", "same strike, two days", "checker", At))
            .ThenAsync(new ContradictionVerdictRecorded(_contradiction, "dismissed", "same strike, two days", "checker", At));

    [Fact]
    public async Task An_unknown_verdict_is_refused_naming_the_field()
    {
        var error = await host.Scenario()
            .Given("contradiction-" + _contradiction, new ContradictionVerdictRecorded(_contradiction, "confirmed", null, "checker", At))
            .When(new RecordVerdict(_contradiction, "probably", null, "checker", At))
            .ThenThrowsAsync<RequestValidationException>();
        Assert.Equal("verdict", error.Field);
    }
}
