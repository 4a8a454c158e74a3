using Claims.Domain.Application;
using Claims.Domain.Tests.Support;
using Claims.TestKit;

namespace Claims.Domain.Tests;

/// <summary>
/// Issue #16: another source's dated strike on the opposition answers a striker's general claim to hit jihadists (the
/// campaign contradiction), unless an event contradiction already uses it. Which of the two holds that strike depends on
/// articles ingested later, so the contradictions read model must move it from one to the other batch by batch and still
/// end as the finder over everything and as a single pass over the log. Articles written here.
/// </summary>
public sealed class CampaignEventStrikeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Lead = "La situation reste tendue depuis plusieurs semaines dans la région, où les habitants attendent une accalmie durable.";

    private static IngestArticleRequest Article(string name, string body) =>
        new(Text: $"Un titre\n\n{Lead}\n\n{body}", Url: $"https://campaign.example/{name}", PublishedOn: new DateOnly(2015, 10, 9));

    // The striker's general claim; another source's strike on the rebels at Hama on Thursday; the striker's own account of
    // Thursday's strike at Hama (the same event: an event contradiction that takes the rebels' strike away from the campaign).
    private static readonly IngestArticleRequest OwnClaim = Article("own", "Moscou affirme que ses frappes visent l'EI.");
    private static readonly IngestArticleRequest RebelsHit = Article("rebels",
        "Selon l'opposition syrienne, les frappes russes ont touché jeudi des positions de l'Armée syrienne libre près de Hama.");
    private static readonly IngestArticleRequest SameRaid = Article("raid",
        "Le ministère russe de la Défense a annoncé avoir frappé jeudi des positions de l'EI près de Hama.");

    [Fact]
    public async Task A_strike_on_the_opposition_answers_the_strikers_general_claim_until_an_event_contradiction_takes_it()
    {
        await using var runtime = await SeededClaims.StartAsync(database.ConnectionString);
        var app = runtime.Application;
        await app.IngestAsync(OwnClaim, "test");
        await app.IngestAsync(RebelsHit, "test");
        await app.WaitForProjectionsAsync(SeededClaims.Patience);
        var campaign = Assert.Single(await app.ListContradictionsAsync());
        Assert.Contains(campaign.Sides[1].Records, r => r.Type == "strike");

        // The striker's own account of the same raid: the event contradiction uses the strike, the campaign loses its only
        // other side.
        await app.IngestAsync(SameRaid, "test");
        await app.WaitForProjectionsAsync(SeededClaims.Patience);
        var open = await app.ListContradictionsAsync();
        var raid = Assert.Single(open);
        Assert.NotEqual(campaign.Id, raid.Id);
        Assert.Contains(raid.Sides.SelectMany(s => s.Records), r => r.Type == "strike" && campaign.Sides[1].Records.Any(c => c.RecordId == r.RecordId && c.ArticleId == r.ArticleId));
        await ArticleByArticle.AssertEqualToASinglePassAsync(runtime);
    }

    [Fact]
    public async Task Ingested_in_any_order_the_read_model_holds_what_the_finder_finds_over_all_three()
    {
        var other = await PostgresDatabase.CreateAsync();
        try
        {
            await using var runtime = await SeededClaims.StartAsync(other.ConnectionString);
            var ingested = await ArticleByArticle.IngestShuffledAsync(runtime, [SameRaid, RebelsHit, OwnClaim]);
            await ArticleByArticle.AssertContradictionsAreTheFindersAsync(runtime, ingested, atLeast: 1);
            await ArticleByArticle.AssertEqualToASinglePassAsync(runtime);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }
}
