using Claims.Domain.Projections.Running;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>Writes of the contradictions table shared by the finder's stages.</summary>
internal static class ContradictionRows
{
    /// <summary>Inserts or refreshes a contradiction as current, flagged for <see cref="ReviewQueueRows.RefreshAsync"/> (status, queue key);
    /// a new one takes its assignee and duplicate marking, if it had them before the finder last lost it.</summary>
    public static Task UpsertAsync(ProjectionContext ctx, string scope, Contradiction c, CancellationToken ct) =>
        ctx.ExecuteAsync($"""
            insert into {ctx.Schema}.contradictions (id, scope, about, kind, positions, record_counts, status, current, assignee, duplicate_of, stale)
            values ($1, $2, $3, $4, $5, $6, 'open', true,
                    (select assignee from {ctx.Schema}.assignments where contradiction_id = $1),
                    (select duplicate_of from {ctx.Schema}.duplicates where contradiction_id = $1), true)
            on conflict (id) do update set scope = excluded.scope, about = excluded.about, kind = excluded.kind, positions = excluded.positions,
                record_counts = excluded.record_counts, current = true, stale = true
            """, ct, c.Id, scope, c.About, c.Kind, c.Sides.Select(x => x.Position).ToArray(), c.Sides.Select(x => x.Records.Distinct().Count()).ToArray());

    /// <summary>Drops the contradictions no longer found that no one has ruled on (a verdict's history outlives its records).</summary>
    public static Task DropUnreviewedAsync(ProjectionContext ctx, string where, CancellationToken ct, params object?[] parameters) =>
        ctx.ExecuteAsync($"""
            delete from {ctx.Schema}.contradictions c where not c.current and {where}
               and not exists (select 1 from {ctx.Schema}.verdicts v where v.contradiction_id = c.id)
            """, ct, parameters);
}
