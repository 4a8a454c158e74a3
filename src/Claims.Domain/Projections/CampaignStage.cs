using Claims.Domain.Projections.Running;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>
/// The finder's stage 3 kept by difference: a striker's campaign contradiction (its own camp's "we hit jihadists" against
/// others' "they hit the opposition") gathers records from every article, so it cannot be recomputed whole on each batch.
/// campaign_candidates holds, per article, the records that take a side and that no earlier stage used; a batch rewrites
/// only the rows of the articles it may have changed, and then, per striker involved, switches the contradiction on or off
/// and copies just those rows into it. The sides keep the finder's order: article, then the order the stream made them.
/// </summary>
internal static class CampaignStage
{
    public static async Task UpdateAsync(ProjectionContext ctx, string[] articles, IReadOnlyList<StandingRecord> records, CancellationToken ct)
    {
        var s = ctx.Schema;
        var used = (await ctx.QueryAsync($"""
            select cr.article_id, cr.record_id from {s}.contradiction_records cr join {s}.contradictions c on c.id = cr.contradiction_id
             where cr.article_id = any($1) and c.current and c.scope not like 'campaign:%'
            """, r => (r.GetString(0), r.GetString(1)), ct, articles)).ToHashSet();
        var strikers = new SortedSet<string>(
            await ctx.QueryAsync($"delete from {s}.campaign_candidates where article_id = any($1) returning striker_id", r => r.GetString(0), ct, articles),
            StringComparer.Ordinal);
        var inArticles = articles.ToHashSet(StringComparer.Ordinal);
        var rows = records.Where(r => inArticles.Contains(r.ArticleId) && !used.Contains(r.Key))
            .Select(r => (Record: r, Side: ContradictionFinder.CampaignSideOf(ContradictionsProjection.ToFinder(r)))).Where(x => x.Side is not null).ToList();
        await ctx.ExecuteAsync($"""
            insert into {s}.campaign_candidates (striker_id, own, article_id, record_id, ord)
            select * from unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::bigint[])
            """, ct, rows.Select(x => x.Side!.Value.Striker).ToArray(), rows.Select(x => x.Side!.Value.Own).ToArray(),
            rows.Select(x => x.Record.ArticleId).ToArray(), rows.Select(x => x.Record.RecordId).ToArray(), rows.Select(x => x.Record.Ord).ToArray());
        foreach (var x in rows) strikers.Add(x.Side!.Value.Striker);

        var known = records.ToDictionary(r => r.Key);
        foreach (var striker in strikers)
            await UpdateStrikerAsync(ctx, striker, articles, known, ct);
    }

    private static async Task UpdateStrikerAsync(ProjectionContext ctx, string striker, string[] articles,
        IReadOnlyDictionary<(string, string), StandingRecord> known, CancellationToken ct)
    {
        var s = ctx.Schema;
        var id = ContradictionFinder.CampaignId(striker);
        var own = await FirstAsync(ctx, striker, own: true, known, ct);
        var others = await FirstAsync(ctx, striker, own: false, known, ct);
        var stored = (await ctx.QueryAsync($"select current, record_counts from {s}.contradictions where id = $1",
            r => (Current: r.GetBoolean(0), Counts: r.GetFieldValue<int[]>(1)), ct, id)).SingleOrDefault();
        bool? wasCurrent = stored.Counts is null ? null : stored.Current;
        var counts = stored.Counts is { Length: 2 } ? stored.Counts : new int[2];

        if (own is null || others is null)
        {
            if (wasCurrent is null) return;
            await ctx.ExecuteAsync($"delete from {s}.contradiction_records where contradiction_id = $1", ct, id);
            await ctx.ExecuteAsync($"update {s}.contradictions set current = false where id = $1", ct, id);
            await ContradictionRows.DropUnreviewedAsync(ctx, "id = $1", ct, id);
            return;
        }

        // The wording comes from the finder, given the first record of each side (it names the striker as the first one does).
        var contradiction = ContradictionFinder.Campaign([ContradictionsProjection.ToFinder(own)], [ContradictionsProjection.ToFinder(others)])!;
        // Already current: only the rows of these articles can have changed, and the counts move by what changed (a campaign
        // can gather thousands of records; counting them on every batch would make each batch cost the size of the corpus).
        // Newly current: all of the striker's rows.
        if (wasCurrent != true) counts = new int[2];
        var only = wasCurrent == true ? articles : null;
        foreach (var side in await ctx.QueryAsync($"""
                     delete from {s}.contradiction_records where contradiction_id = $1 and ($2::text[] is null or (side = any(array[0, 1]) and article_id = any($2)))
                     returning side
                     """, r => r.GetInt32(0), ct, id, only))
            counts[side]--;
        foreach (var side in await ctx.QueryAsync($"""
                     insert into {s}.contradiction_records (contradiction_id, side, seq, article_id, record_id, ord)
                     select $1, case when own then 0 else 1 end, 0, article_id, record_id, ord from {s}.campaign_candidates
                      where ($3::text[] is null or article_id = any($3)) and striker_id = $2
                     returning side
                     """, r => r.GetInt32(0), ct, id, striker, only))
            counts[side]++;
        await ContradictionRows.UpsertAsync(ctx, "campaign:" + striker, contradiction, ct);
        await ctx.ExecuteAsync($"update {s}.contradictions set record_counts = $2 where id = $1", ct, id, counts);
    }

    // The first record of one side, as the finder would meet it; read back only when this batch did not load it already.
    private static async Task<StandingRecord?> FirstAsync(ProjectionContext ctx, string striker, bool own,
        IReadOnlyDictionary<(string, string), StandingRecord> known, CancellationToken ct)
    {
        var first = await ctx.QueryAsync($"""
            select article_id, record_id from {ctx.Schema}.campaign_candidates where striker_id = $1 and own = $2 order by article_id, ord limit 1
            """, r => (r.GetString(0), r.GetString(1)), ct, striker, own);
        if (first.Count == 0) return null;
        return known.GetValueOrDefault(first[0])
               ?? (await ArticleTables.StandingAsync(ctx, [first[0]], ct)).Single();
    }
}
