using Claims.Domain.Contradictions.Queue;
using Claims.Domain.Events;
using Claims.Domain.Projections.Running;
using JasperFx.Events;

namespace Claims.Domain.Projections;

/// <summary>
/// The review side of the contradictions read model: verdicts, assignments and duplicate markings from the contradiction
/// streams, and, for every contradiction a batch touched (flagged <c>stale</c>), its status and its queue key.
/// <list type="bullet">
/// <item>A verdict keeps the records the contradiction had when it was given (<c>reviewed_records</c>). A record in the
/// contradiction now that was not then joined after the latest verdict: the status becomes <c>reopened</c>, and those records
/// are its <c>newSinceVerdict</c>. A new verdict takes a new snapshot, which closes it again.</item>
/// <item>A projection appends no events, so a reopening is written to <c>reopenings</c>, in the batch's transaction, for
/// <see cref="Contradictions.Reopening.ReopeningRelay"/> to turn into a ContradictionReopened event on the stream.</item>
/// <item>The queue key is <see cref="ReviewPriority.SortKey"/> over the features aggregated here, stored negated
/// (<c>queue_rank</c>) so that a page in priority order is an ascending index range after the previous page's (rank, id).</item>
/// </list>
/// Assignments and duplicate markings are kept in tables of their own as well as on the contradiction's row, because a row
/// the finder stops finding is dropped when no one ruled on it and comes back when it is found again.
/// </summary>
internal static class ReviewQueueRows
{
    public static string Ddl(string s) => $"""
        create table {s}.assignments (contradiction_id text primary key, assignee text not null);
        create table {s}.duplicates (contradiction_id text primary key, duplicate_of text not null);
        create table {s}.reviewed_records (contradiction_id text not null, article_id text not null, record_id text not null,
            primary key (contradiction_id, article_id, record_id));
        create table {s}.reopenings (contradiction_id text not null, verdict_count int not null, article_ids text[] not null, record_ids text[] not null,
            primary key (contradiction_id, verdict_count));
        create index on {s}.contradictions (status, queue_rank, id) where current;
        create index on {s}.contradictions (queue_rank, id) where current;
        create index on {s}.contradictions (assignee) where current;
        create index on {s}.contradictions (duplicate_of) where duplicate_of is not null;
        create index on {s}.contradictions (latest) where current;
        create index on {s}.contradictions (id) where stale;
        """;

    public static readonly IReadOnlyList<string> Tables = ["assignments", "duplicates", "reviewed_records", "reopenings"];

    public static async Task ApplyAsync(IEvent e, ProjectionContext ctx, CancellationToken ct)
    {
        var s = ctx.Schema;
        switch (e.Data)
        {
            case ContradictionVerdictRecorded v:
                await ctx.ExecuteAllAsync(ct,
                    ($"""
                    insert into {s}.verdicts (contradiction_id, position, verdict, note, reviewer, recorded_at) values ($1, $2, $3, $4::text, $5, $6)
                    on conflict do nothing
                    """, [v.ContradictionId, e.Sequence, v.Verdict, v.Note, v.Reviewer, v.RecordedAt]),
                    ($"delete from {s}.reviewed_records where contradiction_id = $1", [v.ContradictionId]),
                    ($"""
                    insert into {s}.reviewed_records select contradiction_id, article_id, record_id from {s}.contradiction_records where contradiction_id = $1
                    on conflict do nothing
                    """, [v.ContradictionId]),
                    ($"update {s}.contradictions set stale = true where id = $1", [v.ContradictionId]));
                break;
            case ContradictionAssigned a:
                await MarkAsync(ctx, "assignments", "assignee", a.ContradictionId, a.Assignee, stale: false, ct);
                break;
            case ContradictionReleased r:
                await MarkAsync(ctx, "assignments", "assignee", r.ContradictionId, null, stale: false, ct);
                break;
            case ContradictionMarkedDuplicate d:
                await MarkAsync(ctx, "duplicates", "duplicate_of", d.ContradictionId, d.DuplicateOf, stale: true, ct);
                break;
            case ContradictionDuplicateUndone u:
                await MarkAsync(ctx, "duplicates", "duplicate_of", u.ContradictionId, null, stale: true, ct);
                break;
        }
    }

    /// <summary>Sets (or, with null, clears) a mark kept both in its own table, which outlives the contradiction's row, and
    /// on the row, where the queue reads it; a duplicate marking changes the status, so the row is recomputed (stale).</summary>
    private static async Task MarkAsync(ProjectionContext ctx, string table, string column, string id, string? value, bool stale, CancellationToken ct)
    {
        var s = ctx.Schema;
        await ctx.ExecuteAllAsync(ct,
            value is null
                ? ($"delete from {s}.{table} where contradiction_id = $1", [id])
                : ($"insert into {s}.{table} values ($1, $2) on conflict (contradiction_id) do update set {column} = excluded.{column}", [id, value]),
            ($"update {s}.contradictions set {column} = $2{(stale ? ", stale = true" : "")} where id = $1", [id, value]));
    }

    /// <summary>Status, reopenings and queue keys of the contradictions this batch touched.</summary>
    public static async Task RefreshAsync(ProjectionContext ctx, CancellationToken ct)
    {
        var s = ctx.Schema;
        // Newly reopened ones are handed to the relay with what joined since the verdict; a duplicate stays a duplicate.
        await ctx.ExecuteAsync($"""
            with fresh as (
                select c.id, c.status as was, v.verdict, v.verdicts, j.articles, j.records
                  from {s}.contradictions c
                  left join lateral (select (select verdict from {s}.verdicts where contradiction_id = c.id order by position desc limit 1) as verdict,
                                            (select count(*)::int from {s}.verdicts where contradiction_id = c.id) as verdicts) v on true
                  left join lateral (select array_agg(cr.article_id order by cr.side, cr.seq, cr.article_id collate "C", cr.ord) as articles,
                                            array_agg(cr.record_id order by cr.side, cr.seq, cr.article_id collate "C", cr.ord) as records
                                       from {s}.contradiction_records cr
                                      where cr.contradiction_id = c.id and v.verdict is not null
                                        and not exists (select 1 from {s}.reviewed_records rr
                                                         where rr.contradiction_id = c.id and rr.article_id = cr.article_id and rr.record_id = cr.record_id)) j on true
                 where c.stale),
            statuses as (
                update {s}.contradictions c
                   set status = case when c.duplicate_of is not null then 'duplicate' when f.verdict is null then 'open'
                                     when f.articles is not null then 'reopened' else f.verdict end
                  from fresh f where f.id = c.id
                returning c.id, c.status, f.was, f.verdicts, f.articles, f.records)
            insert into {s}.reopenings (contradiction_id, verdict_count, article_ids, record_ids)
            select id, verdicts, articles, records from statuses where status = 'reopened' and was <> 'reopened'
            on conflict do nothing
            """, ct);
        var features = await ctx.QueryAsync($"""
            with x as (
                select cr.contradiction_id as id, cr.side, a.article_id, a.outlet, coalesce(a.published_on, (a.ingested_at at time zone 'UTC')::date) as day,
                       a.ingested_at, case when r.type = '{RecordTypes.Strike}' then r.payload->'reportedBy'->>'id' else r.actor_id end as voice,
                       case when r.type = '{RecordTypes.Strike}' then (select max(n.value::int) from jsonb_each_text(r.payload->'counts') n where n.value ~ '^[0-9]+$' and length(n.value) < 10) end as count
                  from {s}.contradictions c join {s}.contradiction_records cr on cr.contradiction_id = c.id
                  join {s}.records r on r.article_id = cr.article_id and r.record_id = cr.record_id
                  join {s}.articles a on a.article_id = cr.article_id
                 where c.stale and c.current),
            sides as (select id, side, count(distinct outlet)::int as outlets, count(distinct voice)::int as voices, coalesce(bool_or(voice = any($1)), false) as official
                        from x group by id, side),
            whole as (select id, coalesce(max(count), 0) as top, max(day) as latest, min(ingested_at) as first_seen from x group by id)
            select w.id, array_agg(s.outlets order by s.side), array_agg(s.voices order by s.side), array_agg(s.official order by s.side), w.top, w.latest, w.first_seen,
                   (select count(distinct x2.article_id)::int from x x2 where x2.id = w.id and x2.day > w.latest - 7)
              from whole w join sides s on s.id = w.id
             group by w.id, w.top, w.latest, w.first_seen
            """, r => (Id: r.GetString(0), Features: new PriorityFeatures(r.GetFieldValue<int[]>(1), r.GetFieldValue<int[]>(2), r.GetFieldValue<bool[]>(3),
                r.GetInt32(4), r.GetFieldValue<DateOnly>(5), r.GetInt32(7)), FirstSeen: r.GetFieldValue<DateTimeOffset>(6)), ct, ReviewPriority.OfficialVoices.ToArray());
        await ctx.ExecuteAllAsync(ct, ($"""
            update {s}.contradictions c
               set outlets = string_to_array(f.outlets, ',')::int[], voices = string_to_array(f.voices, ',')::int[],
                   official = string_to_array(f.official, ',')::boolean[], top_count = f.top, latest = f.latest, recent_articles = f.recent,
                   first_seen = f.first_seen, queue_rank = f.rank
              from (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::date[], $7::int[], $8::timestamptz[], $9::float8[])
                     u(id, outlets, voices, official, top, latest, recent, first_seen, rank)) f
             where f.id = c.id
            """, [features.Select(f => f.Id).ToArray(), features.Select(f => string.Join(',', f.Features.Outlets)).ToArray(),
            features.Select(f => string.Join(',', f.Features.Voices)).ToArray(), features.Select(f => string.Join(',', f.Features.Official)).ToArray(),
            features.Select(f => f.Features.TopCount).ToArray(), features.Select(f => f.Features.Latest).ToArray(),
            features.Select(f => f.Features.RecentArticles).ToArray(), features.Select(f => f.FirstSeen).ToArray(),
            features.Select(f => -ReviewPriority.SortKey(f.Features)).ToArray()]),
            ($"update {s}.contradictions set stale = false where stale", []));
    }
}
