using System.Text.Json.Nodes;
using Claims.Domain.Actors;
using Claims.Domain.Articles;
using Claims.Domain.Events;

namespace Claims.Domain.Application;

/// <summary>Who publishes the ClaimReviews: the fact-checking organisation (their author) and the public address of the review
/// page (their url). From <c>CLAIMS_ORGANIZATION_NAME</c> and <c>CLAIMS_PUBLIC_BASE_URL</c>.</summary>
public sealed record ClaimReviewPublisher(string OrganizationName, Uri PublicBaseUrl)
{
    public const string OrganizationSetting = "CLAIMS_ORGANIZATION_NAME";
    public const string BaseUrlSetting = "CLAIMS_PUBLIC_BASE_URL";
    public static readonly ClaimReviewPublisher Default = new("Claims", new Uri("http://127.0.0.1:5080/"));

    /// <summary>The review page's view of a contradiction or an article (hash routes of the page at /).</summary>
    public string PageOf(string route) => new Uri(PublicBaseUrl, "/").AbsoluteUri.TrimEnd('/') + PublicBaseUrl.AbsolutePath.TrimEnd('/') + "/#/" + route;

    /// <summary>The publisher the settings name; a base address that is not an absolute http(s) url stops the process at start.</summary>
    public static ClaimReviewPublisher From(string? organizationName, string? publicBaseUrl)
    {
        var name = string.IsNullOrWhiteSpace(organizationName) ? Default.OrganizationName : organizationName.Trim();
        if (string.IsNullOrWhiteSpace(publicBaseUrl)) return Default with { OrganizationName = name };
        if (!Uri.TryCreate(publicBaseUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new ArgumentException($"{BaseUrlSetting} must be an absolute http(s) address, such as https://claims.example.org (got '{publicBaseUrl}').");
        return new ClaimReviewPublisher(name, url);
    }
}

/// <summary>
/// schema.org ClaimReview (JSON-LD) of one record, written for a search engine (the fields of Google's ClaimReview structured
/// data: claimReviewed, reviewRating.alternateName, url, author; itemReviewed with its author and appearance) and for a
/// reader. The reviewer rules on a contradiction — that sources contradict each other — not on the truth of one claim; so
/// the rating states what the review found about this claim: contradicted by the sources it names, contested, or not
/// contradicted, with the reviewer's note.
/// </summary>
internal static class ClaimReview
{
    public static JsonObject Build(ArticleState article, string recordId, object record, ContradictionView? reviewed, ClaimReviewPublisher publisher)
    {
        var actor = RecordMapping.MainActor(record);
        var (words, _, _) = RecordMapping.Words(record);
        var kind = ActorDirectory.Embedded.Find(actor.Id)?.Kind;
        // Where the claim appeared: the article at its own url when known, else its page on the review site; its outlet and date.
        var appearance = new JsonObject
        {
            ["@type"] = "CreativeWork",
            ["url"] = article.Url ?? publisher.PageOf("articles/" + Uri.EscapeDataString(article.ArticleId!)),
        };
        if (article.Title is not null) appearance["headline"] = article.Title;
        if (article.Outlet is not null) appearance["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = article.Outlet };
        if (article.PublishedOn is { } published) appearance["datePublished"] = published.ToString("yyyy-MM-dd");
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
            ["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = publisher.OrganizationName, ["url"] = publisher.PublicBaseUrl.AbsoluteUri },
        };
        if (reviewed is { History.Count: > 0 })
        {
            var verdict = reviewed.History[^1];
            var finding = Finding(reviewed, verdict, article.ArticleId!, recordId, actor.Id);
            review["url"] = publisher.PageOf("contradictions/" + Uri.EscapeDataString(reviewed.Id));
            review["datePublished"] = verdict.RecordedAt.ToString("yyyy-MM-dd");
            var rating = new JsonObject { ["@type"] = "Rating", ["alternateName"] = finding };
            if (verdict.Note is not null) rating["ratingExplanation"] = verdict.Note;
            review["reviewRating"] = rating;
            review["reviewBody"] = string.Join(" ", new[] { reviewed.About, finding, verdict.Note }.OfType<string>().Select(Sentence));
        }
        return review;
    }

    /// <summary>What the review found about this claim, in words: the verdict is about the contradiction; the finding is about
    /// the claim on one side of it.</summary>
    private static string Finding(ContradictionView reviewed, VerdictView verdict, string articleId, string recordId, string actorId)
    {
        if (reviewed.Status == "reopened") return "Contested: new evidence arrived after the review";
        return verdict.Verdict switch
        {
            ContradictionVerdictRecorded.Confirmed => Others(reviewed, articleId, recordId, actorId) is { Count: > 0 } names
                ? "Contradicted by " + Join(names) : "Contradicted by other sources",
            ContradictionVerdictRecorded.Dismissed => "Not contradicted: the sources were found not to disagree",
            _ => "Contested: the sources disagree and the evidence does not settle it",
        };
    }

    // The voices on the other sides of the contradiction (this claim's own side, and its own speaker, left out), in order.
    private static List<string> Others(ContradictionView reviewed, string articleId, string recordId, string actorId)
    {
        var own = reviewed.Sides.FirstOrDefault(s => s.Records.Any(r => r.ArticleId == articleId && r.RecordId == recordId));
        return reviewed.Sides.Where(s => s != own).SelectMany(s => s.Records)
            .Where(r => r.Actor.Id != actorId).Select(r => r.Actor.Name).Distinct().Take(5).ToList();
    }

    private static string Join(List<string> names) => names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1];

    // A sentence ends once: "Qui a frappé ?" stays as it is, "Note" becomes "Note.".
    private static string Sentence(string text)
    {
        var t = text.Trim();
        return t.Length > 0 && ".?!…".Contains(t[^1]) ? t : t + ".";
    }
}
