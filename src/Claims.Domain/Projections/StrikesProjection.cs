using System.Text.Json;
using Claims.Domain.Events;
using Claims.Domain.Strikes;
using Claims.EventStore.Events;
using Claims.EventStore.Projections;

namespace Claims.Domain.Projections;

/// <summary>Strike incidents (see <see cref="IncidentGrouping"/>), regrouped from the strike reports that stand once per batch that changed them.</summary>
public sealed class StrikesProjection : IProjection
{
    public const string ProjectionName = "strikes";
    public string Name => ProjectionName;
    public IReadOnlyCollection<string>? EventTypes => ClaimsEventTypes.ArticleEventNames.ToHashSet();

    public async Task CreateSchemaAsync(ProjectionContext ctx, CancellationToken ct)
    {
        await ArticleTables.CreateAsync(ctx, ct);
        await Ddl.RunAsync(ctx, $"""
            create table {ctx.Schema}.incidents (id text primary key, perpetrator_id text not null, date_from date, grade text not null, incident jsonb not null);
            create index on {ctx.Schema}.incidents (perpetrator_id);
            """, ct);
    }

    public async Task ApplyAsync(IReadOnlyList<StoredEvent> events, ProjectionContext ctx, CancellationToken ct)
    {
        var dirty = false;
        foreach (var e in events)
        {
            await ArticleTables.ApplyAsync(e, ctx, ct);
            dirty |= e.Data is not ArticleReExtracted and not StatementMade and not ClaimDisputed;
        }
        if (!dirty) return;

        var strikes = await ArticleTables.StandingAsync(ctx, RecordTypes.Strike, ct);
        var incidents = IncidentGrouping.Group(strikes.Select(s => new StrikeReport(s.ArticleId, s.Outlet, s.PublishedOn, (StrikeReported)s.Record)).ToList());
        await ctx.ExecuteAsync($"delete from {ctx.Schema}.incidents", ct);
        foreach (var i in incidents)
            await ctx.ExecuteAsync($"insert into {ctx.Schema}.incidents (id, perpetrator_id, date_from, grade, incident) values ($1, $2, $3::date, $4, $5::jsonb)",
                ct, i.Id, i.Perpetrator.Id, i.From, i.Grade, JsonSerializer.Serialize(i, ReadModelJson.Default.StrikeIncident));
    }
}
