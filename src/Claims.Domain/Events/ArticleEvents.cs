namespace Claims.Domain.Events;

// Events of an article's stream ("article-<hash>"). Records compare by value (lists included), so a given/when/then
// scenario can compare what was stored with what was expected.

/// <summary>An article entered Claims. Source: "text" or "html" (the form it was given in; Text is then the page's text).</summary>
public sealed record ArticleIngested(
    string ArticleId, string Source, string? Outlet, string? Url, string? Title, DateOnly? PublishedOn, string Language,
    string ContentHash, string Text, string ExtractorVersion, string IngestedBy, DateTimeOffset IngestedAt);

/// <summary>The same url came with other content: the article's text (and metadata) is now this; record changes follow.</summary>
public sealed record ArticleRevised(
    string ArticleId, string Source, string? Outlet, string? Title, DateOnly? PublishedOn, string Language,
    string ContentHash, string Text, string ExtractorVersion, string RevisedBy, DateTimeOffset RevisedAt);

/// <summary>A newer extractor ran over the stored text; the changed records follow (RecordRetracted and new records).</summary>
public sealed record ArticleReExtracted(string ArticleId, string FromVersion, string ToVersion, DateTimeOffset ReExtractedAt);

/// <summary>An utterance attributed to a speaker. Text: the verbatim words; [Start, End): their span in the article text.</summary>
public sealed record StatementMade(
    string ArticleId, string RecordId, ActorData Speaker, IReadOnlyList<string> Aliases, string Text, string Mode,
    int Start, int End, StanceData? Stance, string ExtractorVersion)
{
    public bool Equals(StatementMade? other) => other is not null && ArticleId == other.ArticleId && RecordId == other.RecordId
        && Speaker == other.Speaker && Same.List(Aliases, other.Aliases) && Text == other.Text && Mode == other.Mode
        && Start == other.Start && End == other.End && Stance == other.Stance && ExtractorVersion == other.ExtractorVersion;

    public override int GetHashCode() => HashCode.Combine(ArticleId, RecordId, Speaker, Same.Hash(Aliases), Text, Start, End);
}

/// <summary>A report that Perpetrator carried out strikes; ReportedBy null when the article says it in its own voice.
/// Scope: "event" or "campaign".</summary>
public sealed record StrikeReported(
    string ArticleId, string RecordId, ActorData Perpetrator, ActorData? ReportedBy, IReadOnlyList<PlaceData> Locations,
    IReadOnlyList<ActorData> Targets, string? Weapon, DateOnly? Date, IReadOnlyDictionary<string, int> Counts, string Text,
    int Start, int End, string Scope, string? Weekday, StanceData? Stance, string ExtractorVersion)
{
    public bool Equals(StrikeReported? other) => other is not null && ArticleId == other.ArticleId && RecordId == other.RecordId
        && Perpetrator == other.Perpetrator && ReportedBy == other.ReportedBy && Same.List(Locations, other.Locations)
        && Same.List(Targets, other.Targets) && Weapon == other.Weapon && Date == other.Date && Same.Dictionary(Counts, other.Counts)
        && Text == other.Text && Start == other.Start && End == other.End && Scope == other.Scope && Weekday == other.Weekday
        && Stance == other.Stance && ExtractorVersion == other.ExtractorVersion;

    public override int GetHashCode() => HashCode.Combine(ArticleId, RecordId, Perpetrator, ReportedBy, Same.Hash(Locations), Text, Start, End);
}

/// <summary>Disputant contests a claim (Claim: the disputed words) of DisputedParty.</summary>
public sealed record ClaimDisputed(
    string ArticleId, string RecordId, ActorData Disputant, ActorData? DisputedParty, string Claim, string Text,
    int Start, int End, string ExtractorVersion)
{
    /// <summary>How the dispute is made when the extractor recognised the form: "own-action-denied" ("a démenti avoir bombardé…")
    /// or "reported-claim-rejected" ("a démenti cette information"); the contradiction finder pairs these with the claim.
    /// Absent from events written before it was recorded (they read as null).</summary>
    public string? Basis { get; init; }
}

/// <summary>A record no longer stands: the article was revised, or a newer extractor no longer finds it. Reason: "revised" | "re-extracted".</summary>
public sealed record RecordRetracted(string ArticleId, string RecordId, string Reason, string ExtractorVersion);

/// <summary>A fact-checker's correction of a record. Kind: "speaker" (Speaker set: the statement's speaker, the strike's
/// reporter, the dispute's disputant), "text" (Text set: the right words) or "not-a-claim" (the record leaves the ledgers).</summary>
public sealed record RecordCorrected(
    string ArticleId, string RecordId, string Kind, ActorData? Speaker, string? Text, string? Note, string Reviewer, DateTimeOffset CorrectedAt)
{
    public const string SpeakerKind = "speaker";
    public const string TextKind = "text";
    public const string NotAClaimKind = "not-a-claim";
    public static readonly IReadOnlyList<string> Kinds = [SpeakerKind, TextKind, NotAClaimKind];
}
