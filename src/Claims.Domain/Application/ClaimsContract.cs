using Claims.Domain.Articles;
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
    string ContentHash, string ExtractorVersion, DateTimeOffset IngestedAt, string Text, IReadOnlyList<RecordView> Records)
{
    /// <summary>The article stream's version: its ETag, for If-Match on corrections.</summary>
    public long Version { get; init; }
}

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

/// <summary>Status: "open" until a verdict, then the latest verdict's value; "reopened" when records joined after the latest
/// verdict; "duplicate" while marked a duplicate of another.</summary>
public sealed record ContradictionView(string Id, string About, string Kind, string Status, IReadOnlyList<ContradictionSideView> Sides)
{
    public IReadOnlyList<VerdictView> History { get; init; } = [];

    /// <summary>The reviewer who holds it; null (written, never left out) when nobody does.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)]
    public string? Assignee { get; init; }

    /// <summary>The queue's priority (higher first) and why it ranks there (README, "Review queue").</summary>
    public double Priority { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>When reopened: the records that joined after the latest verdict, side after side, each side's first ones in
    /// its order, as many as a side shows (the page's recordsPerSide; up to 1000 for one contradiction).</summary>
    public IReadOnlyList<ContradictionRecord>? NewSinceVerdict { get; init; }

    /// <summary>When reopened: how many records joined after the latest verdict, all sides together (NewSinceVerdict may list
    /// fewer).</summary>
    public int? NewSinceVerdictCount { get; init; }

    /// <summary>When a duplicate: the contradiction it duplicates.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>The contradictions marked duplicates of this one, with their records.</summary>
    public IReadOnlyList<ContradictionView>? Duplicates { get; init; }
}

/// <summary>GET /contradictions filters and order beyond status and actor. Sort: "id" (default) or "priority". Assignee: a
/// reviewer, or "none" for the unassigned.</summary>
public sealed record ContradictionQuery(string? Status = null, string? Actor = null, string? Sort = null, string? Assignee = null)
{
    public const string ById = "id";
    public const string ByPriority = "priority";
    public const string Unassigned = "none";
}

/// <summary>POST /contradictions/{id}/assignment body: the assignee (the caller when absent); force takes it from whoever holds it.</summary>
public sealed record AssignRequest(string? Assignee = null, bool? Force = null);

/// <summary>POST /contradictions/{id}/duplicate-of body: the contradiction this one duplicates.</summary>
public sealed record DuplicateOfRequest(string? Id);

/// <summary>GET /review/stats: the team's figures, from the contradictions read model. Open, Reopened: current contradictions of that
/// status. Assigned: open or reopened ones someone holds. VerdictsLast7Days: verdicts recorded in the 7 days before now.
/// MedianHoursToFirstVerdict: over contradictions with a verdict, the median of hours from the ingestion of its first article to
/// its first verdict (null before any verdict).</summary>
public sealed record ReviewStats(int Open, int Assigned, int Reopened, int VerdictsLast7Days, double? MedianHoursToFirstVerdict, IReadOnlyList<ReviewerStats> Reviewers);

/// <summary>One reviewer: open or reopened contradictions held, and verdicts recorded.</summary>
public sealed record ReviewerStats(string Reviewer, int Assigned, int Decided);

/// <summary>POST /contradictions/{id}/verdicts body.</summary>
public sealed record RecordVerdictRequest(string? Verdict, string? Note)
{
    /// <summary>The contradiction stream's version the reviewer saw (HTTP If-Match, from the ETag); null: no check.
    /// Not part of the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long? ExpectedVersion { get; init; }
}

/// <summary>A fact-checker's correction of one record. Kind: "speaker" | "text" | "not-a-claim".</summary>
public sealed record CorrectRecordRequest(string? Kind, string? Speaker = null, string? Text = null, string? Note = null)
{
    /// <summary>The article stream's version the reviewer saw (HTTP If-Match, from the ETag); null: no check. Not part of the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long? ExpectedVersion { get; init; }
}

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

/// <summary>The write named the stream version it was based on (If-Match) and the stream has moved since (412). Nothing was
/// written; <see cref="Current"/> is what stands now, for the reviewer to look at again.</summary>
public sealed class StaleVersionException(string what, long expected, long actual) : Exception(
    $"{what} is at version {actual}, not {expected} as If-Match says: someone else wrote to it since. Nothing was written; look at it again.")
{
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;
    public object? Current { get; init; }
}

/// <summary>A review write that contradicts what the stream holds (409), such as marking a duplicate of one contradiction a
/// duplicate of another. Nothing was written.</summary>
public class ReviewConflictException(string message) : Exception(message)
{
    public string? DuplicateOf { get; init; }
}

/// <summary>Someone else holds the contradiction (409 naming them); "force" takes it over.</summary>
public sealed class AssignmentConflictException(string contradictionId, string assignee) : ReviewConflictException(
    $"Contradiction '{contradictionId}' is assigned to {assignee}. Nothing was written; send \"force\": true to take it over.")
{
    public string Assignee { get; } = assignee;
}

/// <summary>A named thing was not found (404).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>A request the domain refuses (400): names the field and says what was wrong. Nothing was written.</summary>
public class RequestValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A field larger than its limit (HTTP 413, not 400: the request is well formed, only too big). Names the field and the
/// limit in bytes; nothing was written. A refusal like any other to the edges that do not tell sizes apart (the CLI).</summary>
public sealed class RequestTooLargeException(string field, string message, long limitBytes) : RequestValidationException(field, message)
{
    public long LimitBytes { get; } = limitBytes;
}

/// <summary>Everything the edges may ask of Claims. Writes take the acting identity from the edge (API key owner, "local").</summary>
public interface IClaimsApplication
{
    /// <summary>Checks and extracts an article, then appends it: <see cref="PrepareIngest"/>, then <see cref="IngestAsync(IngestArticle, CancellationToken)"/>.</summary>
    Task<IngestResult> IngestAsync(IngestArticleRequest request, string ingestedBy, CancellationToken ct = default);
    /// <summary>Checks an article and extracts it, all on the calling thread and without I/O (the cores' share of an ingest,
    /// which the API bounds): the command that <see cref="IngestAsync(IngestArticle, CancellationToken)"/> appends.
    /// <see cref="RequestValidationException"/> for a bad request.</summary>
    IngestArticle PrepareIngest(IngestArticleRequest request, string ingestedBy, CancellationToken ct = default);
    /// <summary>Appends a prepared article (the database's share of an ingest): created, or already there with the same content.</summary>
    Task<IngestResult> IngestAsync(IngestArticle command, CancellationToken ct = default);
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
    /// <summary>The version of a contradiction's stream (0 before its first event): its ETag.</summary>
    Task<long> ContradictionVersionAsync(string id, CancellationToken ct = default);
    Task<ContradictionView> RecordVerdictAsync(string contradictionId, RecordVerdictRequest request, string reviewer, CancellationToken ct = default);
    /// <summary>Contradictions filtered by <paramref name="query"/>, in id order or priority order, a page at a time.</summary>
    Task<IReadOnlyList<ContradictionView>> ListContradictionsAsync(ContradictionQuery query, ContradictionPage? page = null, CancellationToken ct = default);
    /// <summary>Assigns a contradiction (to <paramref name="by"/> when the request names nobody); <see cref="AssignmentConflictException"/>
    /// when someone else holds it and force is not set.</summary>
    Task<ContradictionView> AssignAsync(string contradictionId, AssignRequest request, string by, CancellationToken ct = default);
    Task ReleaseAsync(string contradictionId, string by, CancellationToken ct = default);
    Task<ContradictionView> MarkDuplicateAsync(string contradictionId, DuplicateOfRequest request, string by, CancellationToken ct = default);
    Task UndoDuplicateAsync(string contradictionId, string by, CancellationToken ct = default);
    Task<ReviewStats> GetReviewStatsAsync(CancellationToken ct = default);
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
