using Claims.Domain.Projections.Running;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>
/// The finder's stage 3 kept by difference: a striker's campaign contradiction (its own camp's "we hit jihadists" against
/// others' "they hit the opposition") gathers records from every article, so it cannot be recomputed whole on each batch.
/// campaign_candidates holds, per article, the records that take a side and that no earlier stage used; a batch rewrites
/// the rows of the articles it changed, and those of the other articles stages 1 and 2 went through by difference (their
/// records are as they were; only which of them a cluster uses can change), and then, per striker whose rows changed,
/// switches the contradiction on or off and copies just those articles' rows into it. The sides keep the finder's order:
/// article, then the order the stream made them.
/// </summary>
internal static class CampaignStage
{
    /// <summary>What a campaign contradiction's scope starts with (then its striker's id); SQL tells campaigns apart by it.</summary>
    public const string Scope = "campaign:";

    /// <summary>Updates the campaigns for a batch that changed <paramref name="touched"/> and regrouped strikes of
    /// <paramref name="others"/>; <paramref name="records"/> holds the records that stand of both, by key, <paramref name="held"/>
    /// those of the articles recently seen.</summary>
    public static async Task UpdateAsync(ProjectionContext ctx, string[] touched, string[] others,
        IReadOnlyDictionary<(string, string), StandingRecord> records, StandingRecordCache held, CancellationToken ct)
    {
        var s = ctx.Schema;
        var articles = touched.Concat(others).ToArray();
        var inArticles = articles.ToHashSet(StringComparer.Ordinal);
        var candidates = records.Values.Where(r => inArticles.Contains(r.ArticleId))
            .Select(r => (Record: r, Side: ContradictionFinder.CampaignSideOf(ContradictionsProjection.ToFinder(r)))).Where(x => x.Side is not null)
            .Select(x => new Candidate(x.Side!.Value.Striker, x.Side.Value.Own, x.Record.ArticleId, x.Record.RecordId, x.Record.Ord)).ToList();

        // The candidates are the records that take a side and that no earlier stage used (a current contradiction of another
        // scope holds them, as stages 1 and 2 just wrote them). A changed article's rows are rewritten whole: its records may
        // read differently under the same keys. The other articles' rows that no longer stand go, and those missing come:
        // most of them stand as they were, and rewriting them would rewrite the campaigns' copies of them too. All in one round
        // trip, which returns each row or record with what became of it (Outcome).
        // The stored rows are compared as IN over the rows, not EXISTS: a rebuild page compares thousands of rows, which IN
        // hashes. Whether a record is used is one probe of the records' (article, record) index.
        var stored = await ctx.QueryAsync($"""
            with offered as (
                select x.*, exists (select 1 from {s}.contradiction_records cr join {s}.contradictions c on c.id = cr.contradiction_id
                                     where cr.article_id = x.article_id and cr.record_id = x.record_id and c.current and c.scope not like '{Scope}%') as used
                  from unnest($3::text[], $4::boolean[], $5::text[], $6::text[], $7::bigint[]) x(striker_id, own, article_id, record_id, ord)),
            wanted as (select striker_id, own, article_id, record_id, ord from offered where not used),
            gone as (
                delete from {s}.campaign_candidates c
                 where c.article_id = any($1)
                   and not (c.article_id = any($2) and (c.striker_id, c.own, c.article_id, c.record_id, c.ord) in (select * from wanted))
                returning c.striker_id, c.article_id, c.record_id)
            select {(int)Outcome.Gone}, striker_id, article_id, record_id from gone
            union all
            select {(int)Outcome.Kept}, c.striker_id, c.article_id, c.record_id from {s}.campaign_candidates c
             where c.article_id = any($2) and (c.striker_id, c.own, c.article_id, c.record_id, c.ord) in (select * from wanted)
            union all
            select {(int)Outcome.Used}, striker_id, article_id, record_id from offered where used
            """, r => (Outcome: (Outcome)r.GetInt32(0), Striker: r.GetString(1), ArticleId: r.GetString(2), RecordId: r.GetString(3)), ct,
            articles, others, candidates.Select(x => x.Striker).ToArray(), candidates.Select(x => x.Own).ToArray(), candidates.Select(x => x.ArticleId).ToArray(),
            candidates.Select(x => x.RecordId).ToArray(), candidates.Select(x => x.Ord).ToArray());
        var keptOrUsed = stored.Where(x => x.Outcome != Outcome.Gone).Select(x => (x.ArticleId, x.RecordId)).ToHashSet();
        var added = candidates.Where(x => !keptOrUsed.Contains((x.ArticleId, x.RecordId))).ToList();
        ctx.Enqueue(($"""
            insert into {s}.campaign_candidates (striker_id, own, article_id, record_id, ord)
            select * from unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::bigint[])
            """, [added.Select(x => x.Striker).ToArray(), added.Select(x => x.Own).ToArray(),
            added.Select(x => x.ArticleId).ToArray(), added.Select(x => x.RecordId).ToArray(), added.Select(x => x.Ord).ToArray()]));

        // The strikers whose rows changed, and the articles they changed in (every touched one).
        var gone = stored.Where(x => x.Outcome == Outcome.Gone).ToList();
        var strikers = new SortedSet<string>(gone.Select(x => x.Striker).Concat(added.Select(x => x.Striker)), StringComparer.Ordinal);
        var changed = touched.Concat(gone.Select(x => x.ArticleId)).Concat(added.Select(x => x.ArticleId)).Distinct().ToArray();
        if (strikers.Count > 0) await UpdateStrikersAsync(ctx, strikers.ToArray(), changed, records, held, ct);
    }

    private sealed record Candidate(string Striker, bool Own, string ArticleId, string RecordId, long Ord);

    /// <summary>What the candidates' statement says of a row or record: a stored row deleted, a stored row that stands, or an
    /// offered record an earlier stage used (so not a candidate).</summary>
    private enum Outcome { Gone, Kept, Used }

    /// <summary>Switches each striker's campaign contradiction on or off and moves its rows, for all the strikers at once: a
    /// fixed number of statements per batch, however many strikers it touches.</summary>
    private static async Task UpdateStrikersAsync(ProjectionContext ctx, string[] strikers, string[] articles,
        IReadOnlyDictionary<(string, string), StandingRecord> known, StandingRecordCache held, CancellationToken ct)
    {
        var s = ctx.Schema;
        // Each striker's first record on each side, as the finder would meet it (article, then the order the stream made
        // them), and its contradiction as stored.
        var states = await ctx.QueryAsync($"""
            select x.striker, x.id, own.article_id, own.record_id, other.article_id, other.record_id, c.current
              from unnest($1::text[], $2::text[]) x(striker, id)
              left join lateral (select article_id, record_id from {s}.campaign_candidates where striker_id = x.striker and own order by article_id, ord limit 1) own on true
              left join lateral (select article_id, record_id from {s}.campaign_candidates where striker_id = x.striker and not own order by article_id, ord limit 1) other on true
              left join {s}.contradictions c on c.id = x.id
            """, r => (Striker: r.GetString(0), Id: r.GetString(1),
                Own: r.IsDBNull(2) ? ((string, string)?)null : (r.GetString(2), r.GetString(3)),
                Other: r.IsDBNull(4) ? ((string, string)?)null : (r.GetString(4), r.GetString(5)),
                WasCurrent: r.IsDBNull(6) ? (bool?)null : r.GetBoolean(6)),
            ct, strikers, strikers.Select(ContradictionFinder.CampaignId).ToArray());

        // Switched off: a side has no record left.
        var off = states.Where(x => (x.Own is null || x.Other is null) && x.WasCurrent is not null).Select(x => x.Id).ToArray();
        if (off.Length > 0)
        {
            ctx.Enqueue(
                ($"delete from {s}.contradiction_records where contradiction_id = any($1)", [off]),
                ($"update {s}.contradictions set current = false where id = any($1)", [off]),
                ContradictionRows.DropUnreviewed(s, "id = any($1)", [off]));
        }
        var on = states.Where(x => x.Own is not null && x.Other is not null).ToList();
        if (on.Count == 0) return;

        // The wording comes from the finder, given the first record of each side (it names the striker as the first one does);
        // the first records this batch did not load are taken from the articles recently seen, or read back with their articles.
        var firsts = on.SelectMany(x => new[] { x.Own!.Value, x.Other!.Value }).Where(k => !known.ContainsKey(k)).Select(k => k.Item1).Distinct().ToList();
        var more = (firsts.Count == 0 ? [] : await held.StandingAsync(ctx, firsts, ct)).ToDictionary(r => r.Key);
        StandingRecord First((string, string) key) => known.TryGetValue(key, out var r) ? r : more[key];

        // Already current: only the rows of these articles can have changed (a campaign can gather thousands of records, so
        // rewriting them all on every batch would make each batch cost the size of the corpus). Newly current: all of the
        // striker's rows. The record counts are the sides' tallies (kept by the triggers on contradiction_records), read
        // once the rows are written. One round trip: nothing comes back in between. For an already current one, both the
        // delete and the insert name every key column before the article (a campaign's records are on side 0 or 1; its
        // candidates own or not), so that they seek their keys by article: with the article as a filter they read every
        // record of the campaign, a number that grows with the corpus (at 100 000 events, 2 600 rows read to delete 11).
        var whole = on.Where(x => x.WasCurrent != true).ToList();
        var partial = on.Where(x => x.WasCurrent == true).ToList();
        var (wholeIds, partialIds) = (whole.Select(x => x.Id).ToArray(), partial.Select(x => x.Id).ToArray());
        var ids = on.Select(x => x.Id).ToArray();
        var found = on.Select(x => (Scope + x.Striker,
            ContradictionFinder.Campaign([ContradictionsProjection.ToFinder(First(x.Own!.Value))], [ContradictionsProjection.ToFinder(First(x.Other!.Value))])!)).ToList();
        ctx.Enqueue(
            whole.Count == 0 ? null : ($"delete from {s}.contradiction_records where contradiction_id = any($1)", [wholeIds]),
            partial.Count == 0 ? null : ($"""
            delete from {s}.contradiction_records
             where contradiction_id = any($1) and side = any(array[0, 1]) and article_id = any($2)
            """, [partialIds, articles]),
            ContradictionRows.Upsert(s, found),
            (ContradictionRows.InsertRecords(s, $"""
                select x.id, case when k.own then 0 else 1 end, 0, k.article_id, k.record_id, k.ord
                  from unnest($1::text[], $2::text[]) x(id, striker)
                  join {s}.campaign_candidates k on k.striker_id = x.striker
                union all
                select x.id, case when k.own then 0 else 1 end, 0, k.article_id, k.record_id, k.ord
                  from unnest($3::text[], $4::text[]) x(id, striker)
                  join {s}.campaign_candidates k on k.striker_id = x.striker and k.own = any(array[true, false]) and k.article_id = any($5)
                """, campaign: true), [wholeIds, whole.Select(x => x.Striker).ToArray(), partialIds, partial.Select(x => x.Striker).ToArray(), articles]),
            ($"""
            update {s}.contradictions c
               set record_counts = array(select coalesce(t.n, 0) from generate_series(0, 1) k(side)
                                          left join {s}.contradiction_tallies t on t.contradiction_id = c.id and t.side = k.side and t.kind = 'side'
                                          order by k.side)
             where c.id = any($1)
            """, [ids]));
    }
}
