using Claims.Domain.Articles;
using Claims.Domain.Events;
using JasperFx.Events;
using Claims.Domain.Projections.Running;
using Claims.Extraction.Contradictions;
using Claims.Extraction.Knowledge;

namespace Claims.Domain.Projections;

/// <summary>
/// Contradictions across all stored articles, found by the extractor's <see cref="ContradictionFinder"/> (its rules, not a
/// copy), kept in this projection's own tables so a rebuild sees exactly what the live run saw. Each batch reruns the
/// finder's stages on only what the changed articles touch — stage 1 on those articles, stage 2 on the strike clusters
/// their strikes left or can join (<see cref="StrikeRegrouping"/>), stage 3 on the campaigns of the strikers involved, by
/// difference — so the result equals <see cref="ContradictionFinder.Find"/> over everything at a cost that follows the
/// change, not the size of the log. Every contradiction belongs to one scope (article:…, cluster:…, campaign:…) that is
/// recomputed as a whole. The finder runs before each verdict too, so that a verdict always meets the contradiction it
/// was given on. A contradiction the finder no longer finds is kept (current = false) when it has a verdict — its history
/// outlives its records — and dropped otherwise.
/// </summary>
public sealed class ContradictionsProjection(KnowledgeBase knowledge) : ITableProjection
{
    public const string ProjectionName = "contradictions";
    public string Name => ProjectionName;
    public int Version => 15;

    // A reopening is written by the relay from this read model's own rows, so the projection does not read it back.
    public IReadOnlyCollection<Type> EventTypes => [.. ClaimsEventTypes.ArticleEvents, .. ClaimsEventTypes.ContradictionEvents.Where(t => t != typeof(ContradictionReopened))];

    public IReadOnlyList<string> Tables => [.. ArticleTables.Names, "contradictions", "contradiction_records", "verdicts", "campaign_candidates", .. _clusters.Tables,
        .. ReviewQueueRows.Tables];

    // An instance of its own: it holds the strike index of the process applying this read model.
    private readonly StrikeRegrouping _clusters = new("event_clusters", StrikeRule.Event);

    /// <summary>The records of recent articles, per schema, valid as long as its strike index (<see cref="StandingRecordCache"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StandingRecordCache> _records = new(StringComparer.Ordinal);

    /// <summary>How many articles' records a process holds: a day or more of news, about 40 MB (the quick ingest benchmark's
    /// live heap with the cache full and without it: about 40 kB an article, some 30 records with their words). At 1 000
    /// the batches' round trips stayed where 2 000 put them (5.04 against 5.02 over some 1 200 articles).</summary>
    private const int CachedArticles = 1_000;

    public async Task CreateSchemaAsync(ProjectionContext ctx, CancellationToken ct)
    {
        await ArticleTables.CreateAsync(ctx, ct);
        var s = ctx.Schema;
        await Ddl.RunAsync(ctx, $"""
            create table {s}.contradictions (id text primary key, scope text not null, about text not null, kind text not null, positions text[] not null,
                record_counts int[] not null, status text not null, current boolean not null,
                assignee text, duplicate_of text, stale boolean not null default true, queue_rank float8 not null default 0,
                outlets int[], voices int[], official boolean[], top_count int, latest date, recent_articles int, first_seen timestamptz);
            create index on {s}.contradictions (status, id) where current;
            create index on {s}.contradictions (scope);
            create table {s}.contradiction_records (contradiction_id text not null, side int not null, seq int not null, article_id text not null,
                record_id text not null, ord bigint not null, {ContradictionRows.FeatureColumns}, campaign boolean not null, {ContradictionRows.EvidenceColumns},
                primary key (contradiction_id, side, article_id, record_id));
            create index on {s}.contradiction_records (article_id, record_id);
            create index on {s}.contradiction_records (contradiction_id, side, seq, article_id collate "C", ord);
            create table {s}.verdicts (contradiction_id text not null, position bigint not null, verdict text not null, note text,
                reviewer text not null, recorded_at timestamptz not null, primary key (contradiction_id, position));
            create table {s}.campaign_candidates (striker_id text not null, own boolean not null, article_id text not null, record_id text not null,
                ord bigint not null, primary key (article_id, record_id));
            create index on {s}.campaign_candidates (striker_id, own, article_id, ord);
            {_clusters.Ddl(s)}
            {ReviewQueueRows.Ddl(s)}
            """, ct);
        await ReviewQueueRows.CreateTriggersAsync(ctx, ct);
    }

    public async Task ApplyAsync(IReadOnlyList<IEvent> events, ProjectionContext ctx, CancellationToken ct)
    {
        // Article events run by stretches; each review event meets the contradictions as they stand just before it (a verdict
        // keeps the records it was given on).
        var stretch = new List<IEvent>();
        foreach (var e in events)
        {
            if (!ClaimsEventTypes.ContradictionEvents.Contains(e.Data.GetType()))
            {
                stretch.Add(e);
                continue;
            }
            await ApplyArticleEventsAsync(stretch, ctx, ct);
            stretch.Clear();
            ReviewQueueRows.Apply(e, ctx);
        }
        await ApplyArticleEventsAsync(stretch, ctx, ct);
        await ReviewQueueRows.RefreshAsync(ctx, ct);
    }

    private async Task ApplyArticleEventsAsync(IReadOnlyList<IEvent> events, ProjectionContext ctx, CancellationToken ct)
    {
        if (events.Count == 0) return;
        var applied = await ArticleTables.ApplyAllAsync(events, ctx, ct);
        // Article metadata (a date) changes what the finder sees as much as a record does.
        var touched = events.Where(e => e.Data is not ArticleReExtracted).Select(e => ArticleTables.ArticleOf(e.Data)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (touched.Count > 0) await RecomputeAsync(ctx, applied, touched, ct);
    }

    private async Task RecomputeAsync(ProjectionContext ctx, AppliedBatch applied, IReadOnlyCollection<string> touched, CancellationToken ct)
    {
        var standing = await applied.StandingAsync(ctx, type: null, touched, ct);
        var loaded = new Dictionary<(string, string), StandingRecord>();
        foreach (var r in standing) loaded[r.Key] = r;

        // Stage 1: each touched article on its own.
        var inArticles = new List<(string Scope, Contradiction Found)>();
        var used = new HashSet<RecordKey>();
        var byArticle = standing.ToLookup(r => r.ArticleId, StringComparer.Ordinal);
        foreach (var article in byArticle)
        {
            var (found, articleUsed) = ContradictionFinder.FindInArticle(article.Select(ToFinder).ToList(), knowledge);
            inArticles.AddRange(found.Select(c => ("article:" + article.Key, c)));
            used.UnionWith(articleUsed);
        }
        await ReplaceAsync(ctx, touched.Select(a => "article:" + a).ToArray(), inArticles, loaded, ct);

        // Stage 2: the strike clusters the touched articles' event strikes left or can join.
        var eligible = standing.Where(r => r.Record is StrikeReported { Scope: "event" } && !used.Contains(new RecordKey(r.ArticleId, r.RecordId))).ToList();
        var regroup = await _clusters.PrepareAsync(ctx, touched, eligible, ct);
        var cache = _records.GetOrAdd(ctx.Schema, _ => new StandingRecordCache(CachedArticles));
        cache.Open(regroup.Generation);
        foreach (var article in touched) cache.Set(article, byArticle[article].ToList());
        var rows = regroup.Rows;
        var (dropped, changed) = regroup.Diff(DayGrouping.Group(rows.Select(r => r.ToDayReport()).ToList(),
            (i, j) => ContradictionFinder.SameEvent(rows[i].ArticleId, rows[i].Reporter, rows[i].Weekday, rows[j].ArticleId, rows[j].Reporter, rows[j].Weekday),
            i => ContradictionFinder.ApartKey(rows[i].ArticleId, rows[i].Reporter)), touched.ToHashSet());
        // Whole articles behind every changed cluster of several strikes, and behind every dropped one: the words that carry
        // their strikes, and the records whose use by a contradiction may change (stage 3 must see them). A lone strike uses nothing.
        var otherArticles = changed.Where(c => c.Count > 1).SelectMany(c => c.Select(r => r.ArticleId))
            .Concat(dropped.SelectMany(id => regroup.Stored[id] is { Count: > 1 } members ? members.Select(m => m.ArticleId) : []))
            .Where(a => !touched.Contains(a)).Distinct().ToArray();
        foreach (var r in otherArticles.Length == 0 ? [] : await cache.StandingAsync(ctx, otherArticles, ct)) loaded[r.Key] = r;
        var statements = ContradictionFinder.StatementsByArticle(loaded.Values.Where(r => r.Record is StatementMade).Select(ToFinder));
        var inClusters = new List<(string Scope, Contradiction Found)>();
        var clusters = changed.Select(c => (Scope: ClusterScope(c[0]), Members: c)).ToList();
        foreach (var (scope, members) in clusters.Where(c => c.Members.Count > 1))
            inClusters.AddRange(ContradictionFinder.FindInCluster(members.Select(r => ToFinder(loaded[r.Key])).ToList(), statements, []).Select(c => (scope, c)));
        _clusters.Save(ctx, dropped, clusters);
        await ReplaceAsync(ctx, dropped, inClusters, loaded, ct); // a cluster's group id is its scope

        // Stage 3: campaigns, by difference, over every article whose records stages 1 and 2 may have taken or released.
        await CampaignStage.UpdateAsync(ctx, touched.ToArray(), otherArticles, loaded, cache, ct);
    }

    // A cluster's scope names it by its first strike (as the finder's RecordKey prints): the same strikes make the same scope.
    private static string ClusterScope(StrikeRow first) => "cluster:" + new RecordKey(first.ArticleId, first.RecordId);

    internal static ArticleRecord ToFinder(StandingRecord r) => new(r.ArticleId, r.PublishedOn, RecordMapping.ToExtractorRecord(r.Record));

    /// <summary>Replaces the contradictions of <paramref name="scopes"/> with <paramref name="found"/> (verdicts kept).</summary>
    private static async Task ReplaceAsync(ProjectionContext ctx, string[] scopes, IReadOnlyList<(string Scope, Contradiction Found)> found,
        IReadOnlyDictionary<(string, string), StandingRecord> loaded, CancellationToken ct)
    {
        var s = ctx.Schema;
        var rows = found.SelectMany(f => f.Found.Sides.SelectMany((side, i) => side.Records.Distinct().Select((k, seq) => (f.Found.Id, Side: i, Seq: seq, Key: k)))).ToList();
        // One round trip: nothing comes back between these writes.
        ctx.Enqueue(
            ($"delete from {s}.contradiction_records where contradiction_id in (select id from {s}.contradictions where scope = any($1))", [scopes]),
            // Only those not found again: the upsert sets the others current, and each update of a row writes it anew.
            ($"update {s}.contradictions set current = false where scope = any($1) and id <> all($2)", [scopes, found.Select(f => f.Found.Id).ToArray()]),
            ContradictionRows.Upsert(s, found),
            (ContradictionRows.InsertRecords(s, "select * from unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::bigint[])", campaign: false),
                [rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Side).ToArray(), rows.Select(r => r.Seq).ToArray(),
                rows.Select(r => r.Key.ArticleKey).ToArray(), rows.Select(r => r.Key.RecordId).ToArray(), rows.Select(r => loaded[(r.Key.ArticleKey, r.Key.RecordId)].Ord).ToArray()]),
            ContradictionRows.DropUnreviewed(s, "scope = any($1)", [scopes]));
    }
}
