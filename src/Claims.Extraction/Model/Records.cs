namespace Claims.Extraction;

/// <summary>Whom a record says someone's strikes hit. Position: "jihadists" (the Islamic State / terrorist groups) or
/// "opposition" (rebels, other groups, or not the Islamic State). FromStrikerSide: the claim comes from the striker's own camp.
/// Weekday: the day word the claim is tied to, when the text gives one without a resolvable date.</summary>
public sealed record TargetStance(ActorRef Striker, string Position, bool FromStrikerSide, string? Weekday = null)
{
    public const string Jihadists = "jihadists";
    public const string Opposition = "opposition";
}

/// <summary>An utterance attributed to a speaker. Text is the speaker's words as they stand (inside the quote marks for direct speech).</summary>
public sealed record Statement(string Id, ActorRef Speaker, IReadOnlyList<string> Aliases, string Text, string Mode, Span Span)
{
    public const string Direct = "direct";
    public const string Indirect = "indirect";
    /// <summary>What the statement says about whom strikes hit, when it says so (used to find contradictions).</summary>
    public TargetStance? Stance { get; init; }
}

/// <summary>A report that an actor carried out strikes. ReportedBy is null when the article says it in its own voice.
/// Scope: "event" (one strike or raid) or "campaign" (what the campaign hits in general).</summary>
public sealed record Strike(string Id, ActorRef Perpetrator, ActorRef? ReportedBy, IReadOnlyList<PlaceRef> Locations, IReadOnlyList<ActorRef> Targets,
    string? Weapon, DateOnly? Date, IReadOnlyDictionary<string, int> Counts, string Text, Span Span)
{
    public const string Event = "event";
    public const string CampaignScope = "campaign";
    public string Scope { get; init; } = Event;
    public string? Weekday { get; init; }
    public TargetStance? Stance { get; init; }
}

/// <summary>An actor contesting, denying or rejecting another actor's claim.</summary>
public sealed record Dispute(string Id, ActorRef Disputant, ActorRef? DisputedParty, string Claim, string Text, Span Span)
{
    /// <summary>The disputant denies having done something itself ("a démenti avoir bombardé un hôpital").</summary>
    public const string OwnActionDenied = "own-action-denied";
    /// <summary>The disputant rejects a claim the article reported just before ("a démenti cette information").</summary>
    public const string ReportedClaimRejected = "reported-claim-rejected";
    /// <summary>The disputant contests a claim of the disputed party named in the dispute or reported around it ("a rejeté le
    /// rapport de l'ONU", "a démenti tout bombardement visant l'Azerbaïdjan").</summary>
    public const string ClaimContested = "claim-contested";
    /// <summary>How the dispute is made, when it is one of the forms above (the contradiction finder pairs these with the claim).</summary>
    public string? Basis { get; init; }
}

/// <summary>Everything extracted from one article. Spans index into Text (for HTML input: the text extracted from the page).</summary>
public sealed record ArticleExtraction(string File, string? Outlet, string? Title, DateOnly? PublishedOn,
    IReadOnlyList<Statement> Statements, IReadOnlyList<Strike> Strikes, IReadOnlyList<Dispute> Disputes, int CommentCount, string Text)
{
    public string ExtractorVersion { get; init; } = Extraction.ExtractorVersion.Value;
    /// <summary>Per actor id, the other forms the article names it by (the aliases written beside every record's actors).</summary>
    public IReadOnlyDictionary<string, List<string>> ActorAliases { get; init; } = new Dictionary<string, List<string>>();
    /// <summary>Notes about the input (encoding detected, HTML stripped...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
