using Claims.Domain.Articles;
using Claims.Domain.Events;
using Claims.EventStore.Events;
using Claims.EventStore.Projections;

namespace Claims.Domain.Projections;

/// <summary>
/// The articles and their records as they now stand, kept by every projection in its own schema: a projection must
/// rebuild from the log alone, so none reads another's tables. Records keep their current payload (corrections applied)
/// as jsonb in the event's own shape; ord is the stream version that made the record (a stable order, rebuild included).
/// </summary>
internal static class ArticleTables
{
    public static Task CreateAsync(ProjectionContext ctx, CancellationToken ct) => Ddl.RunAsync(ctx, $"""
        create table {ctx.Schema}.articles (
            article_id text primary key, url text, outlet text, title text, published_on date, language text not null,
            content_hash text not null, extractor_version text not null, ingested_at timestamptz not null, source text not null);
        create table {ctx.Schema}.records (
            article_id text not null, record_id text not null, type text not null, status text not null, ord bigint not null,
            actor_id text not null, actor_ids text[] not null, payload jsonb not null, primary key (article_id, record_id));
        create index on {ctx.Schema}.records (actor_id);
        """, ct);

    /// <summary>Applies one article-stream event; returns the record it touched (null for article-level events and others).</summary>
    public static async Task<(string ArticleId, string RecordId)?> ApplyAsync(StoredEvent stored, ProjectionContext ctx, CancellationToken ct)
    {
        var s = ctx.Schema;
        switch (stored.Data)
        {
            case ArticleIngested i:
                await ctx.ExecuteAsync($"""
                    insert into {s}.articles (article_id, url, outlet, title, published_on, language, content_hash, extractor_version, ingested_at, source)
                    values ($1, $2::text, $3::text, $4::text, $5::date, $6, $7, $8, $9, $10) on conflict (article_id) do nothing
                    """, ct, i.ArticleId, i.Url, i.Outlet, i.Title, i.PublishedOn, i.Language, i.ContentHash, i.ExtractorVersion, i.IngestedAt, i.Source);
                return null;
            case ArticleRevised r:
                await ctx.ExecuteAsync($"""
                    update {s}.articles set outlet = coalesce($2::text, outlet), title = coalesce($3::text, title), published_on = coalesce($4::date, published_on),
                           language = $5, content_hash = $6, extractor_version = $7, source = $8 where article_id = $1
                    """, ct, r.ArticleId, r.Outlet, r.Title, r.PublishedOn, r.Language, r.ContentHash, r.ExtractorVersion, r.Source);
                return null;
            case ArticleReExtracted x:
                await ctx.ExecuteAsync($"update {s}.articles set extractor_version = $2 where article_id = $1", ct, x.ArticleId, x.ToVersion);
                return null;
            case StatementMade or StrikeReported or ClaimDisputed:
            {
                var record = stored.Data;
                var articleId = ArticleIdOf(record);
                await WriteRecordAsync(ctx, articleId, record, RecordStatus.Active, stored.StreamVersion, ct);
                return (articleId, RecordMapping.RecordId(record));
            }
            case RecordRetracted r:
                await ctx.ExecuteAsync($"update {s}.records set status = $3 where article_id = $1 and record_id = $2", ct, r.ArticleId, r.RecordId, RecordStatus.Retracted);
                return (r.ArticleId, r.RecordId);
            case RecordCorrected c:
            {
                var current = await LoadAsync(ctx, c.ArticleId, c.RecordId, ct);
                if (current is null) return null;
                var status = c.Kind == RecordCorrected.NotAClaimKind ? RecordStatus.Retracted : RecordStatus.Corrected;
                await WriteRecordAsync(ctx, c.ArticleId, RecordMapping.Apply(current.Value.Record, c), status, current.Value.Ord, ct);
                return (c.ArticleId, c.RecordId);
            }
            default:
                return null;
        }
    }

    public static string ArticleIdOf(object record) => record switch
    {
        StatementMade x => x.ArticleId,
        StrikeReported x => x.ArticleId,
        ClaimDisputed x => x.ArticleId,
        _ => throw new ArgumentException(record.GetType().Name),
    };

    /// <summary>Every actor id a record involves (speaker, perpetrator, reporter, disputant, disputed party).</summary>
    public static string[] ActorIds(object record) => (record switch
    {
        StatementMade x => new string?[] { x.Speaker.Id },
        StrikeReported x => new[] { x.Perpetrator.Id, x.ReportedBy?.Id },
        ClaimDisputed x => new[] { x.Disputant.Id, x.DisputedParty?.Id },
        _ => [],
    }).OfType<string>().Distinct().ToArray();

    private static async Task WriteRecordAsync(ProjectionContext ctx, string articleId, object record, string status, long ord, CancellationToken ct) =>
        await ctx.ExecuteAsync($"""
            insert into {ctx.Schema}.records (article_id, record_id, type, status, ord, actor_id, actor_ids, payload)
            values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
            on conflict (article_id, record_id) do update set type = excluded.type, status = excluded.status, ord = excluded.ord,
                actor_id = excluded.actor_id, actor_ids = excluded.actor_ids, payload = excluded.payload
            """, ct, articleId, RecordMapping.RecordId(record), RecordMapping.TypeOf(record), status, ord,
            RecordMapping.MainActor(record).Id, ActorIds(record), ClaimsEventTypes.ToJson(record));

    public static async Task<(object Record, string Status, long Ord)?> LoadAsync(ProjectionContext ctx, string articleId, string recordId, CancellationToken ct)
    {
        await using var command = ctx.Command($"select type, payload::text, status, ord from {ctx.Schema}.records where article_id = $1 and record_id = $2");
        command.Parameters.Add(new() { Value = articleId });
        command.Parameters.Add(new() { Value = recordId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return (ClaimsEventTypes.RecordFromJson(reader.GetString(0), reader.GetString(1)), reader.GetString(2), reader.GetInt64(3));
    }

    /// <summary>The article an article-stream event belongs to; null for any other event.</summary>
    public static string? ArticleOf(object data) => data switch
    {
        ArticleIngested x => x.ArticleId,
        ArticleRevised x => x.ArticleId,
        ArticleReExtracted x => x.ArticleId,
        RecordRetracted x => x.ArticleId,
        RecordCorrected x => x.ArticleId,
        StatementMade or StrikeReported or ClaimDisputed => ArticleIdOf(data),
        _ => null,
    };

    /// <summary>The records that stand (not retracted) with their article's date and outlet, in a stable order (article, then
    /// the order the stream made them): the finder's and the grouping's input. Only those of <paramref name="articleIds"/>
    /// when given; only one type when given.</summary>
    public static async Task<List<StandingRecord>> StandingAsync(ProjectionContext ctx, string? type, IReadOnlyCollection<string>? articleIds, CancellationToken ct)
    {
        await using var command = ctx.Command($"""
            select r.article_id, a.published_on, a.outlet, r.ord, r.type, r.payload::text from {ctx.Schema}.records r
              join {ctx.Schema}.articles a on a.article_id = r.article_id
             where r.status <> 'retracted' and ($1::text is null or r.type = $1) and ($2::text[] is null or r.article_id = any($2))
             order by r.article_id collate "C", r.ord
            """);
        command.Parameters.Add(new() { Value = (object?)type ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)articleIds?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<StandingRecord>();
        while (await reader.ReadAsync(ct))
            list.Add(new StandingRecord(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetInt64(3), ClaimsEventTypes.RecordFromJson(reader.GetString(4), reader.GetString(5))));
        return list;
    }
}

/// <summary>A record that stands, as the projections that regroup records read it back.</summary>
internal sealed record StandingRecord(string ArticleId, DateOnly? PublishedOn, string? Outlet, long Ord, object Record)
{
    public string RecordId => RecordMapping.RecordId(Record);
    public (string ArticleId, string RecordId) Key => (ArticleId, RecordId);
}
