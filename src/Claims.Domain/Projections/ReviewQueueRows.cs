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
/// are its <c>newSinceVerdict</c>, kept as they come and go in <c>new_since_verdict</c> (see <see cref="CreateTriggersAsync"/>).
/// A new verdict takes a new snapshot, which closes it again.</item>
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
        create table {s}.new_since_verdict (contradiction_id text not null, side int not null, article_id text not null, record_id text not null,
            seq int not null, ord bigint not null, primary key (contradiction_id, side, article_id, record_id));
        create index on {s}.new_since_verdict (contradiction_id, side, seq, article_id collate "C", ord);
        create table {s}.joined_counts (contradiction_id text primary key, n int not null);
        create table {s}.reopenings (contradiction_id text not null, verdict_count int not null, article_ids text[] not null, record_ids text[] not null,
            primary key (contradiction_id, verdict_count));
        create index on {s}.contradictions (status, queue_rank, id) where current;
        create index on {s}.contradictions (queue_rank, id) where current;
        create index on {s}.contradictions (assignee) where current;
        create index on {s}.contradictions (duplicate_of) where duplicate_of is not null;
        create index on {s}.contradictions (latest) where current;
        create index on {s}.contradictions (id) where stale;
        create table {s}.contradiction_tallies (contradiction_id text not null, side int not null, kind text not null, value text not null, n int not null,
            primary key (contradiction_id, side, kind, value));
        create index on {s}.contradiction_records (contradiction_id, day, article_id) where campaign;
        create index on {s}.contradiction_records (contradiction_id, top) where campaign;
        create index on {s}.contradiction_records (contradiction_id, seen) where campaign;
        """;

    public static readonly IReadOnlyList<string> Tables = ["assignments", "duplicates", "reviewed_records", "new_since_verdict", "joined_counts", "reopenings",
        "contradiction_tallies"];

    /// <summary>
    /// Keeps contradiction_tallies — per campaign contradiction and side, how many of its records have each outlet and each
    /// voice, and how many it has at all (kind 'side') — as contradiction_records change, in the same statement, whichever
    /// stage writes them: a campaign gathers thousands of records, and the queue's distinct counts are then a few index rows,
    /// not a pass over them. The other contradictions hold a few records each, counted directly (<see cref="RefreshAsync"/>):
    /// tallying them too made about a third of the read model's row writes. A statement trigger gets the rows added or
    /// removed as a table (transition tables), one upsert each time; a campaign's records say so themselves (<c>campaign</c>,
    /// set by the stage that writes them). A tally that falls to zero is removed, so a row stands for a value the side still
    /// has (and a rebuild leaves the same rows).
    /// <para>The same triggers keep <c>new_since_verdict</c>: the records of a contradiction with a verdict that are not in
    /// its latest verdict's snapshot (<c>reviewed_records</c>), which is what reopens it and what the queue shows as having
    /// joined since. Found by reading all of a contradiction's records against the snapshot, that cost a pass over a
    /// striker's campaign (tens of thousands of records) in every batch that touched it once someone had ruled on it, and
    /// in every page that showed it; kept here, it costs what the batch's own rows cost. A verdict empties its
    /// contradiction's rows as it takes the snapshot (<see cref="Apply"/>); contradictions without a verdict have none. Each
    /// row keeps its record's place in the side (seq, ord: a contradiction record is written and deleted, never updated), so
    /// that a page reads a side's first ones from an index range however many joined, and <c>joined_counts</c> keeps how
    /// many there are, so that a page reads one row for it instead of counting them (a row that falls to zero is removed,
    /// as a tally is).</para>
    /// </summary>
    public static async Task CreateTriggersAsync(ProjectionContext ctx, CancellationToken ct)
    {
        var s = ctx.Schema;
        // As arrays, so that the planner walks the key's index: it knows nothing of a transition table's size. The rows of
        // contradictions with a verdict only (one probe of the verdicts a contradiction, not one a record): most have none.
        var ruled = $"array(select x.id from (select distinct contradiction_id as id from changed) x where exists (select 1 from {s}.verdicts v where v.contradiction_id = x.id))";
        var dropZeros = $"delete from {s}.contradiction_tallies t where t.n <= 0 and t.contradiction_id = any(array(select distinct contradiction_id from changed where campaign));";
        var joined = $"""
            with added as (
                insert into {s}.new_since_verdict (contradiction_id, side, article_id, record_id, seq, ord)
                select c.contradiction_id, c.side, c.article_id, c.record_id, c.seq, c.ord from changed c
                 where c.contradiction_id = any({ruled})
                   and not exists (select 1 from {s}.reviewed_records rr where rr.contradiction_id = c.contradiction_id and rr.article_id = c.article_id and rr.record_id = c.record_id)
                on conflict do nothing
                returning contradiction_id)
            insert into {s}.joined_counts as j (contradiction_id, n)
            select contradiction_id, count(*)::int from added group by 1
            on conflict (contradiction_id) do update set n = j.n + excluded.n;
            """;
        // A count that falls to zero is deleted and the others lowered, in one statement: the two touch different rows.
        var left = $"""
            with gone as (
                delete from {s}.new_since_verdict n using changed c
                 where c.contradiction_id = any({ruled})
                   and n.contradiction_id = c.contradiction_id and n.side = c.side and n.article_id = c.article_id and n.record_id = c.record_id
                returning n.contradiction_id),
            moved as (select contradiction_id, count(*)::int as k from gone group by 1),
            emptied as (delete from {s}.joined_counts j using moved m where j.contradiction_id = m.contradiction_id and j.n <= m.k)
            update {s}.joined_counts j set n = j.n - m.k from moved m where j.contradiction_id = m.contradiction_id and j.n > m.k;
            """;
        foreach (var (name, op, table, sign, after) in new[] { ("records_added", "insert", "new", "", joined), ("records_removed", "delete", "old", "-", dropZeros + "\n" + left) })
        {
            await ctx.ExecuteAsync($$"""
                create function {{s}}.{{name}}() returns trigger language plpgsql as $body$
                begin
                    insert into {{s}}.contradiction_tallies as t (contradiction_id, side, kind, value, n)
                    select c.contradiction_id, c.side, v.kind, v.value, {{sign}}count(*)
                      from changed c cross join lateral (values ('side', ''), ('outlet', c.outlet), ('voice', c.voice)) v(kind, value)
                     where v.value is not null and c.campaign
                     group by 1, 2, 3, 4
                    on conflict (contradiction_id, side, kind, value) do update set n = t.n + excluded.n;
                    {{after}}
                    return null;
                end
                $body$
                """, ct);
            await ctx.ExecuteAsync($"create trigger {name} after {op} on {s}.contradiction_records referencing {table} table as changed for each statement execute function {s}.{name}()", ct);
        }
    }

    public static void Apply(IEvent e, ProjectionContext ctx)
    {
        var s = ctx.Schema;
        switch (e.Data)
        {
            case ContradictionVerdictRecorded v:
                ctx.Enqueue(
                    ($"""
                    insert into {s}.verdicts (contradiction_id, position, verdict, note, reviewer, recorded_at) values ($1, $2, $3, $4::text, $5, $6)
                    on conflict do nothing
                    """, [v.ContradictionId, e.Sequence, v.Verdict, v.Note, v.Reviewer, v.RecordedAt]),
                    ($"delete from {s}.reviewed_records where contradiction_id = $1", [v.ContradictionId]),
                    ($"""
                    insert into {s}.reviewed_records select contradiction_id, article_id, record_id from {s}.contradiction_records where contradiction_id = $1
                    on conflict do nothing
                    """, [v.ContradictionId]),
                    ($"delete from {s}.new_since_verdict where contradiction_id = $1", [v.ContradictionId]),
                    ($"delete from {s}.joined_counts where contradiction_id = $1", [v.ContradictionId]),
                    ($"update {s}.contradictions set stale = true where id = $1", [v.ContradictionId]));
                break;
            case ContradictionAssigned a:
                Mark(ctx, "assignments", "assignee", a.ContradictionId, a.Assignee, stale: false);
                break;
            case ContradictionReleased r:
                Mark(ctx, "assignments", "assignee", r.ContradictionId, null, stale: false);
                break;
            case ContradictionMarkedDuplicate d:
                Mark(ctx, "duplicates", "duplicate_of", d.ContradictionId, d.DuplicateOf, stale: true);
                break;
            case ContradictionDuplicateUndone u:
                Mark(ctx, "duplicates", "duplicate_of", u.ContradictionId, null, stale: true);
                break;
        }
    }

    /// <summary>Sets (or, with null, clears) a mark kept both in its own table, which outlives the contradiction's row, and
    /// on the row, where the queue reads it; a duplicate marking changes the status, so the row is recomputed (stale).</summary>
    private static void Mark(ProjectionContext ctx, string table, string column, string id, string? value, bool stale)
    {
        var s = ctx.Schema;
        ctx.Enqueue(
            value is null
                ? ($"delete from {s}.{table} where contradiction_id = $1", [id])
                : ($"insert into {s}.{table} values ($1, $2) on conflict (contradiction_id) do update set {column} = excluded.{column}", [id, value]),
            ($"update {s}.contradictions set {column} = $2{(stale ? ", stale = true" : "")} where id = $1", [id, value]));
    }

    /// <summary>Status, reopenings and queue keys of the contradictions this batch touched.</summary>
    public static async Task RefreshAsync(ProjectionContext ctx, CancellationToken ct)
    {
        var s = ctx.Schema;
        // Newly reopened ones are handed to the relay with what joined since the verdict (read only for those); a duplicate
        // stays a duplicate. A row whose status stays is not written (most stay open: each update of the row writes every
        // index anew).
        ctx.Enqueue(($"""
            with fresh as (
                select c.id, c.status as was, v.verdicts,
                       case when c.duplicate_of is not null then 'duplicate' when v.verdict is null then 'open'
                            when exists (select 1 from {s}.new_since_verdict n where n.contradiction_id = c.id) then 'reopened' else v.verdict end as status
                  from {s}.contradictions c
                  left join lateral (select (select verdict from {s}.verdicts where contradiction_id = c.id order by position desc limit 1) as verdict,
                                            (select count(*)::int from {s}.verdicts where contradiction_id = c.id) as verdicts) v on true
                 where c.stale),
            statuses as (
                update {s}.contradictions c set status = f.status
                  from fresh f where f.id = c.id and f.status <> f.was
                returning c.id, c.status, f.was, f.verdicts)
            insert into {s}.reopenings (contradiction_id, verdict_count, article_ids, record_ids)
            select u.id, u.verdicts, j.articles, j.records
              from statuses u
             cross join lateral (select array_agg(n.article_id order by n.side, n.seq, n.article_id collate "C", n.ord) as articles,
                                        array_agg(n.record_id order by n.side, n.seq, n.article_id collate "C", n.ord) as records
                                   from {s}.new_since_verdict n where n.contradiction_id = u.id) j
             where u.status = 'reopened' and u.was <> 'reopened'
            on conflict do nothing
            """, []));
        // A campaign's (thousands of records): per side from the tallies, the rest (the largest count, the latest day and the
        // articles within a week of it, the first ingestion) from partial indexes over campaign records, a few index rows each,
        // not a pass over them. The others' (a few records each): everything in one pass over their records (indexing them
        // too made each of their rows cost about 1.7 times as much to write). The stale ids go in as arrays: joined to the
        // contradictions instead, the planner walked every tally and probed each one's contradiction for staleness, a pass
        // over the whole table each batch (auto_explain on the ingest benchmark: median 21 ms a batch at 2 000 articles,
        // growing with them; 1.7 ms so). The others' articles within a week of their latest day are counted in the same pass
        // as the rest, the latest day taken by a window: a subquery a contradiction over their records scanned all of them for
        // each one, and so would a join of two CTEs planned as a nested loop, as a live batch plans (a rebuild's batch of some
        // 430 stale contradictions: 180 ms against 20).
        var features = await ctx.QueryAsync($"""
            with small as (
                select cr.contradiction_id as id, cr.side, cr.article_id, cr.outlet, cr.voice, cr.day, cr.seen, cr.top
                  from {s}.contradiction_records cr
                 where cr.contradiction_id = any(array(select id from {s}.contradictions where stale and current and scope not like '{CampaignStage.Scope}%'))),
            sides as (
                select t.contradiction_id as id, t.side, count(*) filter (where t.kind = 'outlet')::int as outlets,
                       count(*) filter (where t.kind = 'voice')::int as voices, bool_or(t.kind = 'voice' and t.value = any($1)) as official, true as campaign
                  from {s}.contradiction_tallies t
                 where t.contradiction_id = any(array(select id from {s}.contradictions where stale and current and scope like '{CampaignStage.Scope}%'))
                 group by t.contradiction_id, t.side
                union all
                select id, side, count(distinct outlet)::int, count(distinct voice)::int, coalesce(bool_or(voice = any($1)), false), false
                  from small group by id, side),
            whole as (
                select id, array_agg(outlets order by side) as outlets, array_agg(voices order by side) as voices, array_agg(official order by side) as official,
                       bool_and(campaign) as campaign
                  from sides group by id),
            others as (select id, max(top) as top, max(day) as latest, min(seen) as first_seen,
                              count(distinct article_id) filter (where day > latest_of_id - 7)::int as recent
                         from (select m.*, max(m.day) over (partition by m.id) as latest_of_id from small m) m group by id)
            select w.id, w.outlets, w.voices, w.official,
                   coalesce((select max(cr.top) from {s}.contradiction_records cr where cr.contradiction_id = w.id and cr.campaign), 0),
                   l.latest, (select min(cr.seen) from {s}.contradiction_records cr where cr.contradiction_id = w.id and cr.campaign),
                   (select count(distinct cr.article_id)::int from {s}.contradiction_records cr where cr.contradiction_id = w.id and cr.campaign and cr.day > l.latest - 7)
              from whole w cross join lateral (select max(cr.day) as latest from {s}.contradiction_records cr where cr.contradiction_id = w.id and cr.campaign) l
             where w.campaign
            union all
            select w.id, w.outlets, w.voices, w.official, coalesce(o.top, 0), o.latest, o.first_seen, o.recent
              from whole w join others o on o.id = w.id and not w.campaign
            """, r => (Id: r.GetString(0), Features: new PriorityFeatures(r.GetFieldValue<int[]>(1), r.GetFieldValue<int[]>(2), r.GetFieldValue<bool[]>(3),
                r.GetInt32(4), r.GetFieldValue<DateOnly>(5), r.GetInt32(7)), FirstSeen: r.GetFieldValue<DateTimeOffset>(6)), ct, ReviewPriority.OfficialVoices.ToArray());
        ctx.Enqueue(($"""
            update {s}.contradictions c
               set outlets = string_to_array(f.outlets, ',')::int[], voices = string_to_array(f.voices, ',')::int[],
                   official = string_to_array(f.official, ',')::boolean[], top_count = f.top, latest = f.latest, recent_articles = f.recent,
                   first_seen = f.first_seen, queue_rank = f.rank, stale = false
              from (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::date[], $7::int[], $8::timestamptz[], $9::float8[])
                     u(id, outlets, voices, official, top, latest, recent, first_seen, rank)) f
             where f.id = c.id
            """, [features.Select(f => f.Id).ToArray(), features.Select(f => string.Join(',', f.Features.Outlets)).ToArray(),
            features.Select(f => string.Join(',', f.Features.Voices)).ToArray(), features.Select(f => string.Join(',', f.Features.Official)).ToArray(),
            features.Select(f => f.Features.TopCount).ToArray(), features.Select(f => f.Features.Latest).ToArray(),
            features.Select(f => f.Features.RecentArticles).ToArray(), features.Select(f => f.FirstSeen).ToArray(),
            features.Select(f => -ReviewPriority.SortKey(f.Features)).ToArray()]),
            // The rows just refreshed were unflagged by the update above (one new row version instead of two: the flag is in an
            // index's predicate, so each update writes every index); what is left are those no longer current.
            ($"update {s}.contradictions set stale = false where stale", []));
    }
}
