using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;
using Claims.Domain.Application;

namespace Claims.Api.Tests.ReviewQueue;

/// <summary>The ClaimReview of a record whose contradiction was ruled on, against the fields a search engine requires
/// (claimReviewed, reviewRating.alternateName, url, author) and recommends (datePublished, itemReviewed's author, appearance
/// and date), and read as a reader would. A database of its own.</summary>
public sealed class ClaimReviewTests(SeededApi api) : IClassFixture<SeededApi>
{
    [Fact]
    public async Task A_confirmed_contradiction_makes_each_claim_contradicted_by_the_named_sources_of_the_other_side()
    {
        using var alice = api.Client(SeededApi.ReviewKey);
        var contradiction = (await alice.GetJsonAsync("/contradictions?limit=1")).AsArray().Single()!;
        var id = contradiction.Str("id");
        var (status, body, _) = await alice.PostJsonAsync($"/contradictions/{id}/verdicts", new JsonObject { ["verdict"] = "confirmed", ["note"] = "Deux bilans incompatibles" });
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());

        // A claim from an article whose outlet and date are known, so that its appearance can name them.
        JsonNode? record = null, article = null;
        foreach (var candidate in contradiction["sides"]![0]!["records"]!.AsArray())
        {
            article = await alice.GetJsonAsync($"/articles/{candidate.Str("articleId")}");
            if (article["outlet"] is not null && article["publishedOn"] is not null) { record = candidate; break; }
        }
        Assert.NotNull(record);
        var others = contradiction["sides"]![1]!["records"]!.AsArray().Select(r => r!["actor"].Str("name")).Where(n => n != record["actor"].Str("name")).Distinct().Take(5).ToList(); // five at most
        var review = (await Http.ReadAsync(await alice.GetAsync($"/records/{record.Str("articleId")}/{record.Str("recordId")}/claimreview")))!;

        // Required.
        Assert.Equal("ClaimReview", review.Str("@type"));
        Assert.Equal(record.Str("text"), review.Str("claimReviewed"));
        Assert.Equal($"http://127.0.0.1:5080/#/contradictions/{id}", review.Str("url"));
        Assert.Equal("Organization", review["author"].Str("@type"));
        Assert.Equal("Claims", review["author"].Str("name"));
        var rating = review["reviewRating"]!;
        Assert.Equal("Rating", rating.Str("@type"));
        Assert.Equal("Contradicted by " + (others.Count == 1 ? others[0] : string.Join(", ", others[..^1]) + " and " + others[^1]), rating.Str("alternateName"));
        Assert.Equal("Deux bilans incompatibles", rating.Str("ratingExplanation"));
        // Recommended.
        Assert.Equal(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd"), review.Str("datePublished"));
        var claim = review["itemReviewed"]!;
        Assert.Equal("Claim", claim.Str("@type"));
        Assert.Equal(record["actor"].Str("name"), claim["author"].Str("name"));
        Assert.Equal(article.Str("publishedOn"), claim.Str("datePublished"));
        var appearance = claim["appearance"]!;
        Assert.Equal(article.Str("outlet"), appearance["publisher"].Str("name"));
        Assert.Equal(article.Str("publishedOn"), appearance.Str("datePublished"));
        // The seeds have no url: the article's page on the review site stands for it.
        Assert.Equal($"http://127.0.0.1:5080/#/articles/{record.Str("articleId")}", appearance.Str("url"));
        // For a reader: sentences, each ended once.
        var text = review.Str("reviewBody");
        Assert.EndsWith("Deux bilans incompatibles.", text);
        Assert.DoesNotContain("?.", text);
        Assert.DoesNotContain("..", text);
        Assert.Contains(rating.Str("alternateName") + ".", text);
    }

    [Fact]
    public void The_organisation_and_public_address_come_from_the_settings_and_a_bad_address_is_refused()
    {
        var publisher = ClaimReviewPublisher.From("Les Vérificateurs", "https://verif.example.org/claims/");
        Assert.Equal("Les Vérificateurs", publisher.OrganizationName);
        Assert.Equal("https://verif.example.org/claims/#/contradictions/c-1", publisher.PageOf("contradictions/c-1"));
        Assert.Equal(ClaimReviewPublisher.Default, ClaimReviewPublisher.From(null, " "));
        Assert.Throws<ArgumentException>(() => ClaimReviewPublisher.From(null, "verif.example.org"));
    }
}
