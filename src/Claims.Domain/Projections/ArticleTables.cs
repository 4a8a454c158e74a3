using Claims.Domain.Articles;
using Claims.Domain.Events;
using JasperFx.Events;
using Claims.Domain.Projections.Running;

namespace Claims.Domain.Projections;

/// <summary>
/// The articles and their records as they now stand, kept by every projection in its own schema: a projection must
/// rebuild from the log alone, so none reads another's tables. Records keep their current payload (corrections applied)
/// as jsonb in the event's own shape; ord is the stream version that made the record (a stable order, rebuild included).
/// </summary>
internal static class ArticleTables
{
    public static readonly IReadOnlyList<string> Names = ["articles", "records"];

    public static Task CreateAsync(ProjectionContext ctx, CancellationToken ct) => Ddl.RunAsync(ctx, $"""
        create table {ctx.Schema}.articles (
            article_id text primary key, url text, outlet text, title text, published_on date, language text not null,
            content_hash text not null, extractor_version text not null, ingested_at timestamptz not null, source text not null);
        create table {ctx.Schema}.records (
            article_id text not null, record_id text not null, type text not null, status text not null, ord bigint not null,
            actor_id text not null, actor_ids text[] not null, payload jsonb not null, primary key (article_id, record_id));
        """, ct);

    /// <summary>
    /// Applies a batch of article-stream events (others are passed over) with a few set-based statements instead of one
    /// per event — the projections' cost is round trips — and returns, in order, what each record event left: the record as
    /// it now stands, its status and its place in the stream. Records are kept in memory until the end of the batch, so a
    /// correction or retraction of a record made earlier in the same batch sees it; the records of earlier batches it
    /// retracts or corrects are read in one query.
    /// </summary>
    public static async Task<AppliedBatch> ApplyAllAsync(IEnumerable<IEvent> events, ProjectionContext ctx, CancellationToken ct)
    {
        var s = ctx.Schema;
        var applied = new List<AppliedRecord>();
        var ingested = new List<ArticleIngested>();
        var articleUpdates = new List<object>();
        var records = new Dictionary<(string, string), AppliedRecord>();
        var batch = events as IReadOnlyCollection<IEvent> ?? events.ToList();
        // The records of earlier batches that this one retracts or corrects, read in one query.
        var earlier = await EarlierAsync(ctx, batch.Select(e => e.Data switch
        {
            RecordRetracted r => (r.ArticleId, r.RecordId),
            RecordCorrected c => (c.ArticleId, c.RecordId),
            _ => ((string, string)?)null,
        }).OfType<(string, string)>().Distinct().ToList(), ct);
        foreach (var stored in batch)
        {
            switch (stored.Data)
            {
                case ArticleIngested i:
                    ingested.Add(i);
                    break;
                case ArticleRevised or ArticleReExtracted:
                    articleUpdates.Add(stored.Data);
                    break;
                case StatementMade or StrikeReported or ClaimDisputed:
                    Keep(new AppliedRecord(ArticleOf(stored.Data)!, RecordMapping.RecordId(stored.Data), stored.Data, RecordStatus.Active, stored.Version));
                    break;
                case RecordRetracted r:
                    if (Current(r.ArticleId, r.RecordId) is { } retracted) Keep(retracted with { Status = RecordStatus.Retracted });
                    break;
                case RecordCorrected c:
                    if (Current(c.ArticleId, c.RecordId) is { } current)
                        Keep(current with { Record = RecordMapping.Apply(current.Record, c), Status = c.Kind == RecordCorrected.NotAClaimKind ? RecordStatus.Retracted : RecordStatus.Corrected });
                    break;
            }
        }

        // An article ingested in this batch, and not revised in it, stands as the batch left it: its stream starts with the
        // ingestion, so none of its records can be in an earlier batch. Its records are plainly inserted (an upsert checks
        // each row for a conflict first: about a fifth of the statement's time); the others' replace what earlier batches left.
        var revised = articleUpdates.OfType<ArticleRevised>().Select(r => r.ArticleId).ToHashSet(StringComparer.Ordinal);
        var fresh = ingested.Where(i => !revised.Contains(i.ArticleId)).ToDictionary(i => i.ArticleId, StringComparer.Ordinal);
        var rows = records.Values.ToLookup(r => fresh.ContainsKey(r.ArticleId));
        // One round trip: nothing comes back between these writes.
        ctx.Enqueue([
            ingested.Count == 0 ? null : ($"""
            insert into {s}.articles (article_id, url, outlet, title, published_on, language, content_hash, extractor_version, ingested_at, source)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::text[])
            on conflict (article_id) do nothing
            """, [ingested.Select(i => i.ArticleId).ToArray(), ingested.Select(i => i.Url).ToArray(), ingested.Select(i => i.Outlet).ToArray(),
                ingested.Select(i => i.Title).ToArray(), ingested.Select(i => i.PublishedOn).ToArray(), ingested.Select(i => i.Language).ToArray(),
                ingested.Select(i => i.ContentHash).ToArray(), ingested.Select(i => i.ExtractorVersion).ToArray(), ingested.Select(i => i.IngestedAt).ToArray(),
                ingested.Select(i => i.Source).ToArray()]),
            .. articleUpdates.Select(update => update switch
            {
                ArticleRevised r => ($"""
                    update {s}.articles set outlet = coalesce($2::text, outlet), title = coalesce($3::text, title), published_on = coalesce($4::date, published_on),
                           language = $5, content_hash = $6, extractor_version = $7, source = $8 where article_id = $1
                    """, [r.ArticleId, r.Outlet, r.Title, r.PublishedOn, r.Language, r.ContentHash, r.ExtractorVersion, r.Source]),
                ArticleReExtracted x => ((string, object?[])?)($"update {s}.articles set extractor_version = $2 where article_id = $1", [x.ArticleId, x.ToVersion]),
                _ => null,
            }),
            InsertRecords(s, rows[true].ToList(), upsert: false),
            InsertRecords(s, rows[false].ToList(), upsert: true),
        ]);
        return new AppliedBatch(applied, fresh);

        void Keep(AppliedRecord record)
        {
            records[(record.ArticleId, record.RecordId)] = record;
            applied.Add(record);
        }

        AppliedRecord? Current(string articleId, string recordId) =>
            records.TryGetValue((articleId, recordId), out var pending) ? pending : earlier.GetValueOrDefault((articleId, recordId));
    }

    /// <summary>The statement that writes <paramref name="rows"/> to the records table; with <paramref name="upsert"/>, over
    /// what is there. Null for no rows.</summary>
    private static (string, object?[])? InsertRecords(string s, List<AppliedRecord> rows, bool upsert) => rows.Count == 0 ? null : ($"""
        insert into {s}.records (article_id, record_id, type, status, ord, actor_id, actor_ids, payload)
        select a, r, t, st, o, m, string_to_array(ids, E'\x1f'), p::jsonb
          from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $8::text[]) x(a, r, t, st, o, m, ids, p)
        {(upsert ? """
            on conflict (article_id, record_id) do update set type = excluded.type, status = excluded.status, ord = excluded.ord,
                actor_id = excluded.actor_id, actor_ids = excluded.actor_ids, payload = excluded.payload
            """ : "")}
        """, [rows.Select(r => r.ArticleId).ToArray(), rows.Select(r => r.RecordId).ToArray(), rows.Select(r => RecordMapping.TypeOf(r.Record)).ToArray(),
        rows.Select(r => r.Status).ToArray(), rows.Select(r => r.Ord).ToArray(), rows.Select(r => RecordMapping.MainActor(r.Record).Id).ToArray(),
        // actor_ids travels as one unit-separated string per row: unnest cannot take an array of arrays.
        rows.Select(r => string.Join('\x1f', ActorIds(r.Record))).ToArray(), rows.Select(r => ClaimsEventTypes.ToJson(r.Record)).ToArray()]);

    /// <summary>Every actor id a record involves (speaker, perpetrator, reporter, disputant, disputed party).</summary>
    public static string[] ActorIds(object record) => (record switch
    {
        StatementMade x => new string?[] { x.Speaker.Id },
        StrikeReported x => new[] { x.Perpetrator.Id, x.ReportedBy?.Id },
        ClaimDisputed x => new[] { x.Disputant.Id, x.DisputedParty?.Id },
        _ => [],
    }).OfType<string>().Distinct().ToArray();

    private static async Task<Dictionary<(string, string), AppliedRecord>> EarlierAsync(ProjectionContext ctx, IReadOnlyList<(string ArticleId, string RecordId)> keys,
        CancellationToken ct)
    {
        if (keys.Count == 0) return [];
        var rows = await ctx.QueryAsync($"""
            select r.article_id, r.record_id, r.type, r.payload::text, r.status, r.ord
              from unnest($1::text[], $2::text[]) k(article_id, record_id)
              join {ctx.Schema}.records r on r.article_id = k.article_id and r.record_id = k.record_id
            """, r => new AppliedRecord(r.GetString(0), r.GetString(1), ClaimsEventTypes.RecordFromJson(r.GetString(2), r.GetString(3)), r.GetString(4), r.GetInt64(5)),
            ct, keys.Select(k => k.ArticleId).ToArray(), keys.Select(k => k.RecordId).ToArray());
        return rows.ToDictionary(r => (r.ArticleId, r.RecordId));
    }

    /// <summary>The article an article-stream event belongs to; null for any other event.</summary>
    public static string? ArticleOf(object data) => data switch
    {
        ArticleIngested x => x.ArticleId,
        ArticleRevised x => x.ArticleId,
        ArticleReExtracted x => x.ArticleId,
        RecordRetracted x => x.ArticleId,
        RecordCorrected x => x.ArticleId,
        StatementMade x => x.ArticleId,
        StrikeReported x => x.ArticleId,
        ClaimDisputed x => x.ArticleId,
        _ => null,
    };

    /// <summary>The records that stand (not retracted) with their article's date and outlet, in a stable order (article, then
    /// the order the stream made them): the finder's and the grouping's input. Those of <paramref name="articleIds"/>; only
    /// one type when given.</summary>
    public static Task<List<StandingRecord>> StandingAsync(ProjectionContext ctx, string? type, IReadOnlyCollection<string> articleIds, CancellationToken ct) =>
        ctx.QueryAsync($"""
            select r.article_id, a.published_on, a.outlet, r.ord, r.type, r.payload::text
              from {ctx.Schema}.records r join {ctx.Schema}.articles a on a.article_id = r.article_id
             where r.article_id = any($2) and r.status <> 'retracted' and ($1::text is null or r.type = $1)
             order by r.article_id collate "C", r.ord
            """, Standing, ct, type, articleIds.ToArray());

    /// <summary>The records of <paramref name="keys"/> (article, record) that stand, in the same order.</summary>
    public static Task<List<StandingRecord>> StandingAsync(ProjectionContext ctx, IReadOnlyCollection<(string ArticleId, string RecordId)> keys, CancellationToken ct) =>
        ctx.QueryAsync($"""
            select r.article_id, a.published_on, a.outlet, r.ord, r.type, r.payload::text
              from unnest($1::text[], $2::text[]) k(article_id, record_id)
              join {ctx.Schema}.records r on r.article_id = k.article_id and r.record_id = k.record_id
              join {ctx.Schema}.articles a on a.article_id = r.article_id
             where r.status <> 'retracted'
             order by r.article_id collate "C", r.ord
            """, Standing, ct, keys.Select(k => k.ArticleId).ToArray(), keys.Select(k => k.RecordId).ToArray());

    private static StandingRecord Standing(Npgsql.NpgsqlDataReader r) => new(r.GetString(0), r.IsDBNull(1) ? null : r.GetFieldValue<DateOnly>(1),
        r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), ClaimsEventTypes.RecordFromJson(r.GetString(4), r.GetString(5)));
}

/// <summary>What a batch of article events applied: each record event's result in order, and the articles the batch ingested
/// (whose records that stand are known without reading them back).</summary>
internal sealed class AppliedBatch(List<AppliedRecord> records, IReadOnlyDictionary<string, ArticleIngested> ingested)
{
    public List<AppliedRecord> Records { get; } = records;

    /// <summary>Whether this batch ingested <paramref name="articleId"/> (and did not revise it): then nothing of it was written
    /// before the batch.</summary>
    public bool Ingested(string articleId) => ingested.ContainsKey(articleId);

    /// <summary>As <see cref="ArticleTables.StandingAsync(ProjectionContext, string?, IReadOnlyCollection{string}, CancellationToken)"/>:
    /// the records that stand of <paramref name="articleIds"/> (only <paramref name="type"/> when given), in the same order; those of
    /// articles this batch ingested from the batch itself, the others read back in one query.</summary>
    public async Task<List<StandingRecord>> StandingAsync(ProjectionContext ctx, string? type, IReadOnlyCollection<string> articleIds, CancellationToken ct)
    {
        var fresh = articleIds.Where(Ingested).ToHashSet(StringComparer.Ordinal);
        var standing = fresh.Count == articleIds.Count ? [] : await ArticleTables.StandingAsync(ctx, type, articleIds.Where(a => !fresh.Contains(a)).ToList(), ct);
        if (fresh.Count == 0) return standing;
        var latest = new Dictionary<(string, string), AppliedRecord>();
        foreach (var r in Records.Where(r => fresh.Contains(r.ArticleId))) latest[(r.ArticleId, r.RecordId)] = r;
        standing.AddRange(latest.Values.Where(r => r.Status != RecordStatus.Retracted && (type is null || RecordMapping.TypeOf(r.Record) == type))
            .Select(r => new StandingRecord(r.ArticleId, ingested[r.ArticleId].PublishedOn, ingested[r.ArticleId].Outlet, r.Ord, r.Record)));
        // The query's order: article (bytewise, as collate "C"), then the order the stream made the records.
        standing.Sort((a, b) => string.CompareOrdinal(a.ArticleId, b.ArticleId) is var c and not 0 ? c : a.Ord.CompareTo(b.Ord));
        return standing;
    }
}

/// <summary>A record as an event of the batch left it (Status "retracted" included).</summary>
internal sealed record AppliedRecord(string ArticleId, string RecordId, object Record, string Status, long Ord);

/// <summary>A record that stands, as the projections that regroup records read it back.</summary>
internal sealed record StandingRecord(string ArticleId, DateOnly? PublishedOn, string? Outlet, long Ord, object Record)
{
    public string RecordId => RecordMapping.RecordId(Record);
    public (string ArticleId, string RecordId) Key => (ArticleId, RecordId);
}
