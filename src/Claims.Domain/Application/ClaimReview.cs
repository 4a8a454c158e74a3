using System.Text.Json.Nodes;
using Claims.Domain.Actors;
using Claims.Domain.Articles;

namespace Claims.Domain.Application;

/// <summary>schema.org ClaimReview (JSON-LD) of one record: the words, who said them where, and the verdict of the
/// contradiction it is in, when a fact-checker has given one.</summary>
internal static class ClaimReview
{
    public static JsonObject Build(ArticleState article, object record, ContradictionView? reviewed)
    {
        var actor = RecordMapping.MainActor(record);
        var (words, _, _) = RecordMapping.Words(record);
        var kind = ActorDirectory.Embedded.Find(actor.Id)?.Kind;
        var appearance = new JsonObject { ["@type"] = "CreativeWork" };
        if (article.Url is not null) appearance["url"] = article.Url;
        if (article.Title is not null) appearance["headline"] = article.Title;
        if (article.Outlet is not null) appearance["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = article.Outlet };
        var claim = new JsonObject
        {
            ["@type"] = "Claim",
            ["author"] = new JsonObject { ["@type"] = kind is null or "person" ? "Person" : "Organization", ["name"] = actor.Name, ["identifier"] = actor.Id },
            ["appearance"] = appearance,
        };
        if (article.PublishedOn is { } date) claim["datePublished"] = date.ToString("yyyy-MM-dd");
        var review = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ClaimReview",
            ["claimReviewed"] = words,
            ["itemReviewed"] = claim,
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = "Claims" },
        };
        if (reviewed is { History.Count: > 0 })
        {
            var verdict = reviewed.History[^1];
            review["datePublished"] = verdict.RecordedAt.ToString("yyyy-MM-dd");
            review["reviewRating"] = new JsonObject { ["@type"] = "Rating", ["alternateName"] = verdict.Verdict };
            review["reviewBody"] = verdict.Note is null ? reviewed.About : $"{reviewed.About}. {verdict.Note}";
        }
        return review;
    }
}
