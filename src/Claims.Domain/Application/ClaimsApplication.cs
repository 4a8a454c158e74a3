using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Claims.Domain.Actors;
using Claims.Domain.Articles;
using Claims.Domain.Contradictions;
using Claims.Domain.Events;
using Claims.Domain.Projections.Running;
using Claims.Extraction;
using Claims.Extraction.Text;
using Marten;
using Wolverine;
using Wolverine.Runtime;

namespace Claims.Domain.Application;

/// <summary>
/// Everything behind <see cref="IClaimsApplication"/>. Writes are Wolverine commands handled over the deciders (one
/// stream per article, one per contradiction; see the handlers in Articles/ and Contradictions/); reads come from the
/// projections' tables, except an article itself, folded from its Marten stream, so that it is there the moment its
/// ingestion returns.
/// </summary>
public sealed class ClaimsApplication : IClaimsApplication
{
    private readonly IDocumentStore _store;
    private readonly IWolverineRuntime _wolverine;
    private readonly ProjectionProgress _progress;
    private readonly ArticleExtractor _extractor;
    private readonly TimeProvider _clock;
    private readonly ReadModels _read;
    private readonly ClaimReviewPublisher _publisher;

    internal ClaimsApplication(IDocumentStore store, IWolverineRuntime wolverine, ProjectionProgress progress, ArticleExtractor extractor, TimeProvider clock, ReadModels read,
        ClaimReviewPublisher publisher)
    {
        _publisher = publisher;
        _store = store;
        _wolverine = wolverine;
        _progress = progress;
        _extractor = extractor;
        _clock = clock;
        _read = read;
    }

    // A bus per command: MessageBus carries per-conversation state (correlation id), and this application is shared.
    private IMessageBus Bus => new MessageBus(_wolverine);

    public const string ArticlePrefix = "article-";
    public const string ContradictionPrefix = ContradictionStreams.Prefix;

    /// <summary>The article id (= its stream id): a short hash of the url when there is one (so new content for a url
    /// revises the same article), else of the content.</summary>
    public static string ArticleIdFor(string? url, string contentHash) =>
        ArticlePrefix + (url is null ? contentHash[..16] : Hash(url)[..16]);

    private DateTimeOffset Now => _clock.GetUtcNow();

    public Task<IngestResult> IngestAsync(IngestArticleRequest request, string ingestedBy, CancellationToken ct = default) =>
        IngestAsync(PrepareIngest(request, ingestedBy, ct), ct);

    public Task<IngestResult> IngestAsync(IngestArticle command, CancellationToken ct = default) => Bus.InvokeAsync<IngestResult>(command, ct);

    public IngestArticle PrepareIngest(IngestArticleRequest request, string ingestedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (field, content) = RequestChecks.Content(request);
        var url = RequestChecks.Url(request.Url);
        var outlet = RequestChecks.Optional(request.Outlet, "outlet");
        var title = RequestChecks.Optional(request.Title, "title");
        var language = RequestChecks.Language(request.Language);
        var who = RequestChecks.Identity(ingestedBy, "ingestedBy");

        var contentHash = Hash(content);
        var articleId = ArticleIdFor(url, contentHash);
        var input = new ArticleInput(articleId, field == "text" ? content : null, field == "html" ? content : null)
            { Outlet = outlet, Title = title, PublishedOn = request.PublishedOn, Url = url };
        ArticleExtraction extraction;
        try
        {
            extraction = _extractor.Extract(input, ct);
        }
        catch (NoArticleTextException)
        {
            throw new RequestValidationException(field, $"{field} holds no article text (only page furniture, headlines or comments).");
        }

        var ingested = new ArticleIngested(articleId, field, extraction.Outlet, url, extraction.Title, extraction.PublishedOn, language, contentHash,
            extraction.Text, extraction.ExtractorVersion, who, Now);
        return new IngestArticle(ingested, RecordMapping.ToEvents(articleId, extraction));
    }

    /// <summary>
    /// Runs <paramref name="extract"/> (default: this process's extractor) over the stored text of an article and appends
    /// what changed, when its extractor version differs from the stored one. Returns the events appended.
    /// </summary>
    public async Task<IReadOnlyList<object>> ReExtractAsync(string articleId, Func<ArticleInput, ArticleExtraction>? extract = null, CancellationToken ct = default)
    {
        var state = await LoadArticleAsync(articleId, ct);
        if (!state.Exists) throw new NotFoundException($"Article '{articleId}'");
        var extraction = (extract ?? _extractor.Extract)(new ArticleInput(articleId, state.Text)
            { Outlet = state.Outlet, Title = state.Title, PublishedOn = state.PublishedOn, Url = state.Url });
        return await Bus.InvokeAsync<IReadOnlyList<object>>(
            new ReExtractArticle(articleId, extraction.ExtractorVersion, RecordMapping.ToEvents(articleId, extraction), Now), ct);
    }

    public Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(CancellationToken ct = default) => _read.ArticlesAsync(ct);
    public Task<IReadOnlyList<ArticleSummary>> ListArticlesAsync(ArticlePage page, CancellationToken ct = default) => _read.ArticlesAsync(page, ct);

    public async Task<ArticleView?> GetArticleAsync(string articleId, CancellationToken ct = default)
    {
        if (!IsArticleId(articleId)) return null;
        var (state, version) = await LoadArticleWithVersionAsync(articleId, ct);
        if (!state.Exists) return null;
        var contradictions = await _read.ContradictionIdsAsync(state.All.Select(r => (articleId, r.Id)).ToList(), ct);
        return new ArticleView(articleId, state.Url, state.Outlet, state.Title, state.PublishedOn, state.Language, state.ContentHash!,
            state.ExtractorVersion!, state.IngestedAt!.Value, state.Text,
            state.All.Select(r => Views.Record(articleId, r.Record.Current, r.Record.Status, contradictions.GetValueOrDefault((articleId, r.Id), []))).ToList())
        { Version = version };
    }

    public Task<IReadOnlyList<ActorSummary>> SearchActorsAsync(string? search, CancellationToken ct = default) => _read.ActorsAsync(search, null, ct);

    public async Task<ActorLedger?> GetLedgerAsync(string actorId, LedgerPage? page = null, CancellationToken ct = default)
    {
        page ??= new LedgerPage();
        if (page.Limit is < 1 or > LedgerPage.MaxLimit)
            throw new RequestValidationException("limit", $"limit must be between 1 and {LedgerPage.MaxLimit} (got {page.Limit}).");
        var after = string.IsNullOrWhiteSpace(page.After) ? null : LedgerCursor.Decode(page.After.Trim());
        if (string.IsNullOrWhiteSpace(actorId)) return null;
        var actor = (await _read.ActorsAsync(null, actorId, ct)).SingleOrDefault();
        if (actor is null) return null;
        var (entries, next) = await _read.LedgerEntriesAsync(actorId, after, page.Limit, ct);
        List<LedgerEntry> Of(string role) => entries.Where(e => e.Role == role).Select(e => e.Entry).ToList();
        return new ActorLedger(actor, Of(Projections.LedgerProjection.Roles.Statement), Of(Projections.LedgerProjection.Roles.StrikeReported),
            Of(Projections.LedgerProjection.Roles.StrikeAttributed), Of(Projections.LedgerProjection.Roles.DisputeMade), Of(Projections.LedgerProjection.Roles.DisputeReceived))
        { Next = next };
    }

    public Task<IReadOnlyList<ContradictionView>> ListContradictionsAsync(string? status = null, string? actor = null, ContradictionPage? page = null, CancellationToken ct = default) =>
        ListContradictionsAsync(new ContradictionQuery(status, actor), page, ct);

    public async Task<IReadOnlyList<ContradictionView>> ListContradictionsAsync(ContradictionQuery query, ContradictionPage? page = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Several statuses, comma-separated, make one queue (open,reopened).
        var statuses = string.IsNullOrWhiteSpace(query.Status) ? null
            : query.Status.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()).Distinct().ToArray();
        foreach (var status in statuses ?? [])
            if (!ReadModels.Statuses.Contains(status))
                throw new RequestValidationException("status", $"status must be one of {string.Join(", ", ReadModels.Statuses)}, or several of them comma-separated (got '{status}').");
        var sort = string.IsNullOrWhiteSpace(query.Sort) ? ContradictionQuery.ById : query.Sort.Trim().ToLowerInvariant();
        if (sort is not (ContradictionQuery.ById or ContradictionQuery.ByPriority))
            throw new RequestValidationException("sort", $"sort must be id or priority (got '{query.Sort}').");
        var assignee = string.IsNullOrWhiteSpace(query.Assignee) ? null : query.Assignee.Trim();
        page ??= new ContradictionPage();
        if (page.Limit is < 1 or > ContradictionPage.MaxLimit)
            throw new RequestValidationException("limit", $"limit must be between 1 and {ContradictionPage.MaxLimit} (got {page.Limit}).");
        if (page.RecordsPerSide is < 1 or > ContradictionPage.MaxLimit)
            throw new RequestValidationException("recordsPerSide", $"recordsPerSide must be between 1 and {ContradictionPage.MaxLimit} (got {page.RecordsPerSide}).");
        var actorIds = string.IsNullOrWhiteSpace(query.Actor) ? null : await ActorIdsAsync(query.Actor.Trim(), ct);
        return await _read.ContradictionsAsync(null, statuses, actorIds, page, ct, byPriority: sort == ContradictionQuery.ByPriority, assignee: assignee);
    }

    // `actor` is an id, or a name or alias ("Lavrov") resolved through the accent- and case-insensitive actor search: the
    // contradictions of every matching actor. An id the search does not know matches nothing.
    private async Task<string[]> ActorIdsAsync(string actor, CancellationToken ct)
    {
        var matches = await _read.ActorsAsync(actor, null, ct);
        return matches.Any(m => m.Id == actor) || matches.Count == 0 ? [actor] : matches.Select(m => m.Id).ToArray();
    }

    public async Task<ContradictionView?> GetContradictionAsync(string id, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(id) ? null : (await _read.ContradictionsAsync([id], null, null, ContradictionPage.One, ct)).SingleOrDefault();

    public async Task<ContradictionView> RecordVerdictAsync(string contradictionId, RecordVerdictRequest request, string reviewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = RequestChecks.Identity(reviewer, "reviewer");
        var view = await GetContradictionAsync(contradictionId, ct) ?? throw new NotFoundException($"Contradiction '{contradictionId}'");
        ContradictionReviewState after;
        try
        {
            after = await Bus.InvokeAsync<ContradictionReviewState>(
                new RecordVerdict(view.Id, request.Verdict, request.Note, who, Now) { ExpectedVersion = request.ExpectedVersion }, ct);
        }
        catch (StaleVersionException stale)
        {
            throw new StaleVersionException($"Contradiction '{view.Id}'", stale.Expected, stale.Actual) { Current = await CurrentContradictionAsync(view, ct) };
        }
        // The read model catches up asynchronously: answer with the stream's own history, every verdict in order (a
        // concurrent verdict included), so that no reviewer's ruling disappears unseen.
        return Current(view, after);
    }

    public async Task<ContradictionView> AssignAsync(string contradictionId, AssignRequest request, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = RequestChecks.Identity(by, "assignedBy");
        var assignee = request.Assignee is null ? null : RequestChecks.Identity(request.Assignee, "assignee");
        var view = await ExistingAsync(contradictionId, ct);
        var after = await Bus.InvokeAsync<ContradictionReviewState>(new Contradictions.Assigning.AssignContradiction(view.Id, assignee, request.Force == true, who, Now), ct);
        return Current(view, after);
    }

    public async Task ReleaseAsync(string contradictionId, string by, CancellationToken ct = default)
    {
        var who = RequestChecks.Identity(by, "releasedBy");
        var view = await ExistingAsync(contradictionId, ct);
        await Bus.InvokeAsync<ContradictionReviewState>(new Contradictions.Assigning.ReleaseContradiction(view.Id, who, Now), ct);
    }

    public async Task<ContradictionView> MarkDuplicateAsync(string contradictionId, DuplicateOfRequest request, string by, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = RequestChecks.Identity(by, "markedBy");
        var view = await ExistingAsync(contradictionId, ct);
        var otherId = request.Id?.Trim();
        if (string.IsNullOrEmpty(otherId)) throw new RequestValidationException("id", "id is required: the contradiction this one duplicates.");
        // The other must exist and be no duplicate itself, so that a duplicate always shows under a contradiction in the queue.
        var other = await GetContradictionAsync(otherId, ct) ?? throw new RequestValidationException("id", $"there is no contradiction '{otherId}'.");
        if (other.DuplicateOf is { } chain)
            throw new RequestValidationException("id", $"'{other.Id}' is itself a duplicate of '{chain}': mark this one a duplicate of '{chain}'.");
        if (view.Duplicates is { Count: > 0 })
            throw new RequestValidationException("id", $"'{view.Id}' has duplicates of its own: undo those first.");
        var after = await Bus.InvokeAsync<ContradictionReviewState>(new Contradictions.Duplicates.MarkDuplicate(view.Id, other.Id, who, Now), ct);
        return Current(view, after);
    }

    public async Task UndoDuplicateAsync(string contradictionId, string by, CancellationToken ct = default)
    {
        var who = RequestChecks.Identity(by, "undoneBy");
        var view = await ExistingAsync(contradictionId, ct);
        await Bus.InvokeAsync<ContradictionReviewState>(new Contradictions.Duplicates.UndoDuplicate(view.Id, who, Now), ct);
    }

    public Task<ReviewStats> GetReviewStatsAsync(CancellationToken ct = default) => _read.ReviewStatsAsync(Now, ct);

    private async Task<ContradictionView> ExistingAsync(string contradictionId, CancellationToken ct) =>
        await GetContradictionAsync(contradictionId, ct) ?? throw new NotFoundException($"Contradiction '{contradictionId}'");

    /// <summary>The read model's view with what the stream says now (the read model catches up asynchronously): the status,
    /// the assignee, the duplicate marking and every verdict in order.</summary>
    private static ContradictionView Current(ContradictionView view, ContradictionReviewState review) => view with
    {
        // Reopened: the read model knows it before the relay writes it on the stream.
        Status = view.Status == "reopened" && review.DuplicateOf is null && review.Verdicts.Count == view.History.Count ? view.Status : review.Status,
        Assignee = review.Assignee,
        DuplicateOf = review.DuplicateOf,
        History = review.Verdicts.Select(v => new VerdictView(v.Verdict, v.Note, v.Reviewer, v.RecordedAt)).ToList(),
    };

    /// <summary>A contradiction as it stands now: the read model's sides with the stream's own verdict history, which the read
    /// model may not show yet.</summary>
    private async Task<ContradictionView> CurrentContradictionAsync(ContradictionView view, CancellationToken ct)
    {
        await using var session = _store.QuerySession();
        var review = await session.Events.AggregateStreamAsync<ContradictionReviewState>(ContradictionPrefix + view.Id, token: ct) ?? ContradictionReviewState.None;
        return Current(view, review);
    }

    public async Task<long> ContradictionVersionAsync(string id, CancellationToken ct = default)
    {
        await using var session = _store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(ContradictionPrefix + id, ct))?.Version ?? 0;
    }

    public async Task<RecordView> CorrectRecordAsync(string articleId, string recordId, CorrectRecordRequest request, string reviewer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var who = RequestChecks.Identity(reviewer, "reviewer");
        var kind = request.Kind?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(kind)) throw new RequestValidationException("kind", $"kind is required: {string.Join(", ", RecordCorrected.Kinds)}.");
        ActorData? speaker = null;
        if (kind == RecordCorrected.SpeakerKind)
        {
            var name = RequestChecks.Optional(request.Speaker, "speaker") ?? throw new RequestValidationException("speaker", "a speaker correction needs the right speaker.");
            speaker = ActorDirectory.Embedded.FindByName(name) is { } known ? new ActorData(known.Id, known.Name) : new ActorData(Fold.Slug(name), name);
        }
        if (request.Text is { Length: > 100_000 }) throw new RequestValidationException("text", "text is longer than 100,000 characters.");
        if (request.Note is { Length: > 10_000 }) throw new RequestValidationException("note", "note is longer than 10,000 characters.");
        if (!IsArticleId(articleId)) throw new NotFoundException($"Article '{articleId}'");

        ArticleState after;
        try
        {
            after = await Bus.InvokeAsync<ArticleState>(
                new CorrectRecord(articleId, recordId, kind, speaker, request.Text, request.Note, who, Now) { ExpectedVersion = request.ExpectedVersion }, ct);
        }
        catch (StaleVersionException stale)
        {
            throw new StaleVersionException($"Article '{articleId}'", stale.Expected, stale.Actual) { Current = await GetArticleAsync(articleId, ct) };
        }
        var record = after.Records[recordId];
        var contradictions = await _read.ContradictionIdsAsync([(articleId, recordId)], ct);
        return Views.Record(articleId, record.Current, record.Status, contradictions.GetValueOrDefault((articleId, recordId), []));
    }

    public Task<IReadOnlyList<StrikeIncident>> ListStrikeIncidentsAsync(CancellationToken ct = default) => _read.IncidentsAsync(ct);
    public Task<IReadOnlyList<StrikeIncident>> ListStrikeIncidentsAsync(StrikePage page, CancellationToken ct = default) => _read.IncidentsAsync(page, ct);

    public async Task<JsonObject?> GetClaimReviewAsync(string articleId, string recordId, CancellationToken ct = default)
    {
        if (!IsArticleId(articleId)) return null;
        var state = await LoadArticleAsync(articleId, ct);
        if (!state.Records.TryGetValue(recordId, out var record)) return null;
        var ids = (await _read.ContradictionIdsAsync([(articleId, recordId)], ct)).GetValueOrDefault((articleId, recordId), []);
        // Every contradiction of the record in one read, each whole as GET /contradictions/{id} gives it (not one read each).
        var reviewed = ids.Count == 0 ? [] : (await _read.ContradictionsAsync([.. ids], null, null,
            new ContradictionPage(null, Math.Min(ids.Count, ContradictionPage.MaxLimit), ContradictionPage.MaxLimit), ct)).Where(c => c.History.Count > 0).ToList();
        return ClaimReview.Build(state, recordId, record.Current, reviewed.OrderBy(c => c.History[^1].RecordedAt).LastOrDefault(), _publisher);
    }

    public async Task<HealthReport> GetHealthAsync(CancellationToken ct = default)
    {
        try
        {
            var head = await _progress.HeadAsync(ct);
            var highWaterMark = await _progress.HighWaterMarkAsync(ct);
            var places = await _progress.PlacesAsync(ct);
            return new HealthReport(true, places.Select(p => new ProjectionHealth(p.Name, p.Sequence, Math.Max(0, head - p.Sequence))).ToList())
            {
                Head = head,
                HighWaterMark = highWaterMark,
                HeldBack = highWaterMark < head ? await _progress.OldestOpenTransactionAsync(ct) : null,
            };
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return new HealthReport(false, []);
        }
    }

    public Task WaitForProjectionsAsync(TimeSpan timeout, CancellationToken ct = default) => _progress.WaitForAsync(timeout, ct);

    /// <summary>An article stream folded by the decider's Evolve (None when it does not exist), with the stream's version.</summary>
    private async Task<(ArticleState State, long Version)> LoadArticleWithVersionAsync(string articleId, CancellationToken ct)
    {
        await using var session = _store.QuerySession();
        var events = await session.Events.FetchStreamAsync(articleId, token: ct);
        return (events.Aggregate(ArticleState.None, (state, e) => ArticleDecider.Evolve(state, e.Data)), events.Count == 0 ? 0 : events[^1].Version);
    }

    private async Task<ArticleState> LoadArticleAsync(string articleId, CancellationToken ct) => (await LoadArticleWithVersionAsync(articleId, ct)).State;

    private static bool IsArticleId(string? id) => id is not null && id.StartsWith(ArticlePrefix, StringComparison.Ordinal) && id.Length <= 100;

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
