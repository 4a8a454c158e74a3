using Claims.Domain.Projections.Running;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>Writes of the contradictions table shared by the finder's stages.</summary>
internal static class ContradictionRows
{
    /// <summary>Inserts or refreshes a contradiction as current; a new one takes the status of its last verdict, if it had one.</summary>
    public static Task UpsertAsync(ProjectionContext ctx, string scope, Contradiction c, CancellationToken ct) =>
        ctx.ExecuteAsync($"""
            insert into {ctx.Schema}.contradictions (id, scope, about, kind, positions, record_counts, status, current)
            values ($1, $2, $3, $4, $5, $6,
                    coalesce((select verdict from {ctx.Schema}.verdicts where contradiction_id = $1 order by position desc limit 1), 'open'), true)
            on conflict (id) do update set scope = excluded.scope, about = excluded.about, kind = excluded.kind, positions = excluded.positions,
                record_counts = excluded.record_counts, current = true
            """, ct, c.Id, scope, c.About, c.Kind, c.Sides.Select(x => x.Position).ToArray(), c.Sides.Select(x => x.Records.Distinct().Count()).ToArray());

    /// <summary>Drops the contradictions no longer found that no one has ruled on (a verdict's history outlives its records).</summary>
    public static Task DropUnreviewedAsync(ProjectionContext ctx, string where, CancellationToken ct, params object?[] parameters) =>
        ctx.ExecuteAsync($"""
            delete from {ctx.Schema}.contradictions c where not c.current and {where}
               and not exists (select 1 from {ctx.Schema}.verdicts v where v.contradiction_id = c.id)
            """, ct, parameters);
}
