using System.Collections.Immutable;
using Claims.Domain.Events;

namespace Claims.Domain.Articles;

/// <summary>Record status as served: "active", "corrected" (by a fact-checker) or "retracted" (revised away, re-extracted away, not a claim).</summary>
public static class RecordStatus
{
    public const string Active = "active";
    public const string Corrected = "corrected";
    public const string Retracted = "retracted";
}

/// <summary>One record of the article: as extracted (Original, what re-extraction compares with) and as it now stands.</summary>
/// <param name="Withdrawn">Retracted by the text or the extractor (RecordRetracted), not by a fact-checker: re-extraction may bring it back.</param>
public sealed record ArticleRecordState(object Original, object Current, string Status, int Order, ImmutableList<RecordCorrected> Corrections, bool Withdrawn = false)
{
    public bool Stands => Status != RecordStatus.Retracted;
}

/// <summary>The folded article stream. Records keeps every id ever used (retracted ones too), so ids are never reused.</summary>
public sealed record ArticleState(
    string? ArticleId, string? Url, string? Outlet, string? Title, DateOnly? PublishedOn, string Language, string? ContentHash,
    string? ExtractorVersion, string Text, string Source, DateTimeOffset? IngestedAt, ImmutableDictionary<string, ArticleRecordState> Records)
{
    public static readonly ArticleState None = new(null, null, null, null, null, "fr", null, null, "", "text", null,
        ImmutableDictionary<string, ArticleRecordState>.Empty);

    public bool Exists => ArticleId is not null;

    /// <summary>The records that stand (not retracted), in the order they were made.</summary>
    public IEnumerable<(string Id, ArticleRecordState Record)> Standing =>
        Records.Where(r => r.Value.Stands).OrderBy(r => r.Value.Order).Select(r => (r.Key, r.Value));

    public IEnumerable<(string Id, ArticleRecordState Record)> All => Records.OrderBy(r => r.Value.Order).Select(r => (r.Key, r.Value));
}
