using Claims.Domain.Articles;
using Claims.Domain.Events;
using Claims.EventStore.Events;
using Claims.EventStore.Projections;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>
/// Contradictions across all stored articles, found by the extractor's <see cref="ContradictionFinder"/> (its rules, not a
/// copy) over the records that stand, kept in this projection's own tables so a rebuild sees exactly what the live run saw.
/// The finder runs once per batch that changed records, and before each verdict, so that a verdict always meets the
/// contradiction it was given on. A contradiction the finder no longer finds is kept (current = false) when it has a
/// verdict — its history outlives its records — and dropped otherwise.
/// </summary>
public sealed class ContradictionsProjection : IProjection
{
    public const string ProjectionName = "contradictions";
    public string Name => ProjectionName;
    public IReadOnlyCollection<string>? EventTypes => ClaimsEventTypes.ArticleEventNames.Append(ClaimsEventTypes.VerdictEventName).ToHashSet();

    public async Task CreateSchemaAsync(ProjectionContext ctx, CancellationToken ct)
    {
        await ArticleTables.CreateAsync(ctx, ct);
        await Ddl.RunAsync(ctx, $"""
            create table {ctx.Schema}.contradictions (id text primary key, about text not null, kind text not null, sides jsonb not null,
                status text not null, current boolean not null);
            create index on {ctx.Schema}.contradictions (status) where current;
            create table {ctx.Schema}.contradiction_records (contradiction_id text not null, side int not null, article_id text not null,
                record_id text not null, primary key (contradiction_id, article_id, record_id));
            create index on {ctx.Schema}.contradiction_records (article_id, record_id);
            create table {ctx.Schema}.verdicts (contradiction_id text not null, position bigint not null, verdict text not null, note text,
                reviewer text not null, recorded_at timestamptz not null, primary key (contradiction_id, position));
            """, ct);
    }

    public async Task ApplyAsync(IReadOnlyList<StoredEvent> events, ProjectionContext ctx, CancellationToken ct)
    {
        var dirty = false;
        foreach (var e in events)
        {
            if (e.Data is ContradictionVerdictRecorded v)
            {
                if (dirty) await RecomputeAsync(ctx, ct);
                dirty = false;
                await ctx.ExecuteAsync($"""
                    insert into {ctx.Schema}.verdicts (contradiction_id, position, verdict, note, reviewer, recorded_at) values ($1, $2, $3, $4::text, $5, $6)
                    on conflict do nothing
                    """, ct, v.ContradictionId, e.Position, v.Verdict, v.Note, v.Reviewer, v.RecordedAt);
                await ctx.ExecuteAsync($"update {ctx.Schema}.contradictions set status = $2 where id = $1", ct, v.ContradictionId, v.Verdict);
                continue;
            }
            await ArticleTables.ApplyAsync(e, ctx, ct);
            // Article metadata (a date) changes what the finder sees as much as a record does.
            dirty |= e.Data is not ArticleReExtracted;
        }
        if (dirty) await RecomputeAsync(ctx, ct);
    }

    private static async Task RecomputeAsync(ProjectionContext ctx, CancellationToken ct)
    {
        var s = ctx.Schema;
        var standing = await ArticleTables.StandingAsync(ctx, type: null, ct);
        var found = ContradictionFinder.Find(standing.Select(r => new ArticleRecord(r.ArticleId, r.PublishedOn, RecordMapping.ToExtractorRecord(r.Record))));

        await ctx.ExecuteAsync($"update {s}.contradictions set current = false", ct);
        await ctx.ExecuteAsync($"delete from {s}.contradiction_records", ct);
        foreach (var c in found)
        {
            var sides = c.Sides.Select(side => new ReadModelSide(side.Position,
                side.Records.Select(k => new ReadModelRecordKey(k.ArticleKey, k.RecordId)).ToList())).ToList();
            await ctx.ExecuteAsync($"""
                insert into {s}.contradictions (id, about, kind, sides, status, current)
                values ($1, $2, $3, $4::jsonb, coalesce((select verdict from {s}.verdicts where contradiction_id = $1 order by position desc limit 1), 'open'), true)
                on conflict (id) do update set about = excluded.about, kind = excluded.kind, sides = excluded.sides, current = true
                """, ct, c.Id, c.About, c.Kind, ClaimsEventTypes.SidesToJson(sides));
            for (var i = 0; i < c.Sides.Count; i++)
                foreach (var key in c.Sides[i].Records)
                    await ctx.ExecuteAsync($"insert into {s}.contradiction_records (contradiction_id, side, article_id, record_id) values ($1, $2, $3, $4) on conflict do nothing",
                        ct, c.Id, i, key.ArticleKey, key.RecordId);
        }
        await ctx.ExecuteAsync($"delete from {s}.contradictions c where not c.current and not exists (select 1 from {s}.verdicts v where v.contradiction_id = c.id)", ct);
    }
}
