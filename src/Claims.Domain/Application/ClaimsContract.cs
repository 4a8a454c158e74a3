using System.Text.Json.Nodes;

namespace Claims.Domain.Application;

// The contract between the domain (Claims.Domain) and its edges (HTTP API, CLI, web page).
// Property names serialise in camelCase to the JSON shapes of issue 4; extend, never rename.

/// <summary>POST /articles body. Exactly one of Text or Html.</summary>
public sealed record IngestArticleRequest(
    string? Text = null, string? Html = null, string? Url = null, string? Outlet = null, string? Title = null,
    DateOnly? PublishedOn = null, string? Language = null);

/// <param name="Created">False when the same content was already ingested (HTTP 200 instead of 201).</param>
public sealed record IngestResult(string ArticleId, int Records, bool Created);

/// <summary>An actor or place reference: the canonical name and a stable id.</summary>
public sealed record NamedRef(string Id, string Name);

/// <summary>One extracted record as served. Type: "statement" | "strike" | "dispute". Span: [start, end) into the article text.</summary>
public sealed record RecordView(string ArticleId, string RecordId, string Type, NamedRef Actor, string Text, int[] Span)
{
    /// <summary>"active", "corrected" or "retracted".</summary>
    public string Status { get; init; } = "active";
    // statement
    public IReadOnlyList<string>? Aliases { get; init; }
    public string? Mode { get; init; }
    // strike (Actor is the perpetrator)
    public NamedRef? ReportedBy { get; init; }
    public IReadOnlyList<NamedRef>? Locations { get; init; }
    public IReadOnlyList<NamedRef>? Targets { get; init; }
    public string? Weapon { get; init; }
    public DateOnly? Date { get; init; }
    public IReadOnlyDictionary<string, int>? Counts { get; init; }
    // dispute (Actor is the disputant)
    public NamedRef? DisputedParty { get; init; }
    public string? Claim { get; init; }
    /// <summary>Ids of the contradictions this record takes part in.</summary>
    public IReadOnlyList<string> Contradictions { get; init; } = [];
}

public sealed record ArticleSummary(string ArticleId, string? Url, string? Outlet, string? Title, DateOnly? PublishedOn, int Records, DateTimeOffset IngestedAt);

public sealed record ArticleView(
    string ArticleId, string? Url, string? Outlet, string? Title, DateOnly? PublishedOn, string Language,
    string ContentHash, string ExtractorVersion, DateTimeOffset IngestedAt, string Text, IReadOnlyList<RecordView> Records);

/// <summary>GET /actors item: { "id", "name", "aliases", "affiliation", "records" }.</summary>
public sealed record ActorSummary(string Id, string Name, IReadOnlyList<string> Aliases, string? Affiliation, int Records);

/// <summary>One ledger line: a record with where it stands (article, outlet, date) and the contradictions it is in.</summary>
public sealed record LedgerEntry(string ArticleId, string? Outlet, string? Title, DateOnly? PublishedOn, RecordView Record);

/// <summary>GET /actors/{id}/ledger.</summary>
public sealed record ActorLedger(
    ActorSummary Actor,
    IReadOnlyList<LedgerEntry> Statements,
    IReadOnlyList<LedgerEntry> StrikesReported,
    IReadOnlyList<LedgerEntry> StrikesAttributed,
    IReadOnlyList<LedgerEntry> DisputesMade,
    IReadOnlyList<LedgerEntry> DisputesReceived)
{
    /// <summary>The cursor of the next page (pass it as `after`), or null on the last page.</summary>
    public string? Next { get; init; }
}

/// <summary>Which ledger entries a ledger page holds: at most <see cref="Limit"/> of them, in ledger order (date, article,
/// stream order), after the cursor <see cref="After"/>; the page's entries are then split by role.</summary>
public sealed record LedgerPage(string? After = null, int Limit = LedgerPage.DefaultLimit)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;
}

/// <summary>A record on one side of a contradiction: { "articleId", "recordId", "type", "actor", "text", "span" }.</summary>
public sealed record ContradictionRecord(string ArticleId, string RecordId, string Type, NamedRef Actor, string Text, int[] Span)
{
    public string? Outlet { get; init; }
    public DateOnly? PublishedOn { get; init; }
}

/// <summary>One side: its records (the first ones when a page caps them) and how many it has in all ("recordCount").</summary>
public sealed record ContradictionSideView(string Position, IReadOnlyList<ContradictionRecord> Records)
{
    public int RecordCount { get; init; }
}

/// <summary>Which contradictions a list returns: those whose id comes after <see cref="After"/>, at most <see cref="Limit"/>,
/// each side with at most <see cref="RecordsPerSide"/> records.</summary>
public sealed record ContradictionPage(string? After = null, int Limit = ContradictionPage.DefaultLimit, int RecordsPerSide = ContradictionPage.DefaultRecordsPerSide)
{
    public const int DefaultLimit = 50;
    public const int DefaultRecordsPerSide = 50;
    public const int MaxLimit = 1000;

    /// <summary>One contradiction asked for by id: its sides up to the maximum.</summary>
    public static ContradictionPage One { get; } = new(null, 1, MaxLimit);

    /// <summary>Whether <paramref name="after"/> can be a contradiction id ("c-" and 10 lowercase hex digits, as the finder
    /// makes them): anything else as a cursor is tampered with or mistyped, and gets a 400 rather than a page.</summary>
    public static bool IsCursor(string after) =>
        after.Length == 12 && after.StartsWith("c-", StringComparison.Ordinal) && after.AsSpan(2).IndexOfAnyExcept("0123456789abcdef") < 0;
}

/// <summary>Which articles GET /articles returns: the newest first (ingestion time, then id), at most <see cref="Limit"/>,
/// after the article <see cref="After"/> (the last id of the previous page; an id this server does not know is a 400).</summary>
public sealed record ArticlePage(string? After = null, int Limit = ArticlePage.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

/// <summary>Which strike incidents GET /strikes returns: in date order (undated last, then id), at most <see cref="Limit"/>,
/// after the cursor <see cref="After"/> (<see cref="StrikeCursor"/>, given in the previous page's Link header).</summary>
public sealed record StrikePage(StrikeCursor? After = null, int Limit = StrikePage.DefaultLimit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}

/// <summary>Verdict: "confirmed" | "dismissed" | "needs-evidence". Reviewer is the API key's owner, never taken from a body.</summary>
public sealed record VerdictView(string Verdict, string? Note, string Reviewer, DateTimeOffset RecordedAt);

/// <summary>Status: "open" until a verdict, then the latest verdict's value.</summary>
public sealed record ContradictionView(string Id, string About, string Kind, string Status, IReadOnlyList<ContradictionSideView> Sides)
{
    public IReadOnlyList<VerdictView> History { get; init; } = [];
}

/// <summary>POST /contradictions/{id}/verdicts body.</summary>
public sealed record RecordVerdictRequest(string? Verdict, string? Note);

/// <summary>A fact-checker's correction of one record. Kind: "speaker" | "text" | "not-a-claim".</summary>
public sealed record CorrectRecordRequest(string? Kind, string? Speaker = null, string? Text = null, string? Note = null);

public sealed record StrikeSource(NamedRef? ReportedBy, string ArticleId, string RecordId, string? Outlet, DateOnly? PublishedOn, IReadOnlyList<NamedRef> Targets);

/// <summary>Reports grouped by perpetrator, place and date window. Grade: "single-source" | "corroborated" | "contested".</summary>
public sealed record StrikeIncident(string Id, NamedRef Perpetrator, IReadOnlyList<NamedRef> Places, DateOnly? From, DateOnly? To,
    string Grade, IReadOnlyList<StrikeSource> Sources);

public sealed record ProjectionHealth(string Name, long Position, long Lag);

public sealed record HealthReport(bool Database, IReadOnlyList<ProjectionHealth> Projections)
{
    /// <summary>The last sequence number in Marten's log (mt_events).</summary>
    public long Head { get; init; }

    /// <summary>Marten's high-water mark: every event up to it is committed and visible, so the daemon and the feed go this far.</summary>
    public long HighWaterMark { get; init; }

    /// <summary>Set when the high-water mark stands below the head because a transaction is still open: what holds
    /// projections and the feed back (they wait for it; nothing is skipped).</summary>
    public string? HeldBack { get; init; }
}

/// <summary>A named thing was not found (404).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>A request the domain refuses (400): names the field and says what was wrong. Nothing was written.</summary>
public sealed class RequestValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A field larger than its limit (413, not 400: the request is well formed, only too big). Names the field and the
/// limit in bytes; nothing was written.</summary>
public sealed class RequestTooLargeException(string field, string message, long limitBytes) : Exception(message)
{
    public string Field { get; } = field;
    public long LimitBytes { get; } = limitBytes;
}

/// <summary>Everything the edges may ask of Claims. Writes take the acting identity from the edge (API key owner, "local").</summary>
public interface IClaimsApplication
{
    Task<IngestResult> IngestAsync(IngestArticleRequest request, string ingestedBy, CancellationToken ct = default);
    Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(CancellationToken ct = default);
    /// <summary>A page of articles (<see cref="ArticlePage"/>); an unknown `after` article is a <see cref="RequestValidationException"/>.</summary>
    Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(ArticlePage page, CancellationToken ct = default);
    Task<ArticleView?> GetArticleAsync(string articleId, CancellationToken ct = default);
    Task<IReadOnlyList<ActorSummary>> SearchActorsAsync(string? search, CancellationToken ct = default);
    /// <summary>An actor's ledger, a page at a time (the first <see cref="LedgerPage.DefaultLimit"/> entries without one).</summary>
    Task<ActorLedger?> GetLedgerAsync(string actorId, LedgerPage? page = null, CancellationToken ct = default);
    /// <summary>Contradictions in id order, a page at a time (the first <see cref="ContradictionPage.DefaultLimit"/> without one);
    /// <paramref name="actor"/> is an actor id or a name or alias ("Lavrov"), which stands for every actor it finds.</summary>
    Task<IReadOnlyList<ContradictionView>> ListContradictionsAsync(string? status = null, string? actor = null, ContradictionPage? page = null, CancellationToken ct = default);
    Task<ContradictionView?> GetContradictionAsync(string id, CancellationToken ct = default);
    Task<ContradictionView> RecordVerdictAsync(string contradictionId, RecordVerdictRequest request, string reviewer, CancellationToken ct = default);
    Task<RecordView> CorrectRecordAsync(string articleId, string recordId, CorrectRecordRequest request, string reviewer, CancellationToken ct = default);
    Task<IReadOnlyList<StrikeIncident>> ListStrikeIncidentsAsync(CancellationToken ct = default);
    /// <summary>A page of strike incidents (<see cref="StrikePage"/>).</summary>
    Task<IReadOnlyList<StrikeIncident>> ListStrikeIncidentsAsync(StrikePage page, CancellationToken ct = default);
    /// <summary>schema.org ClaimReview JSON-LD of one record, with its verdict when one exists; null when the record is unknown.</summary>
    Task<JsonObject?> GetClaimReviewAsync(string articleId, string recordId, CancellationToken ct = default);
    Task<HealthReport> GetHealthAsync(CancellationToken ct = default);
    /// <summary>Waits until the async read models include everything appended so far (tests, CLI after ingest).</summary>
    Task WaitForProjectionsAsync(TimeSpan timeout, CancellationToken ct = default);
}
