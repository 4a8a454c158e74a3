using System.Text.Json;
using Claims.Domain.Events;
using Claims.Domain.Strikes;
using JasperFx.Events;
using Claims.Domain.Projections.Running;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>Strike incidents (see <see cref="IncidentGrouping"/>). Each batch regroups only the incidents the changed articles'
/// strikes belonged to or can join (<see cref="StrikeRegrouping"/>), so its cost follows the change, not the size of the log.</summary>
public sealed class StrikesProjection : ITableProjection
{
    public const string ProjectionName = "strikes";
    public string Name => ProjectionName;
    public int Version => 8;

    /// <summary>Strikes and what changes them (their article's date and outlet, a retraction or correction): statements and
    /// disputes, two-thirds of an article's events, change no incident, so Marten neither loads them for this projection nor
    /// does it keep their records (version 5; before, every article event was loaded, deserialised and stored).</summary>
    public IReadOnlyCollection<Type> EventTypes =>
        [typeof(ArticleIngested), typeof(ArticleRevised), typeof(ArticleReExtracted), typeof(StrikeReported), typeof(RecordRetracted), typeof(RecordCorrected)];

    public IReadOnlyList<string> Tables => [.. ArticleTables.Names, "incidents", .. _regrouping.Tables];

    // An instance of its own: it holds the strike index of the process applying this read model.
    private readonly StrikeRegrouping _regrouping = new("incident_members", StrikeRule.Incident);

    public async Task CreateSchemaAsync(ProjectionContext ctx, CancellationToken ct)
    {
        await ArticleTables.CreateAsync(ctx, ct);
        await Ddl.RunAsync(ctx, $"""
            create table {ctx.Schema}.incidents (id text primary key, perpetrator_id text not null, date_from date, grade text not null, incident jsonb not null);
            create index on {ctx.Schema}.incidents (perpetrator_id);
            {_regrouping.Ddl(ctx.Schema)}
            """, ct);
    }

    public async Task ApplyAsync(IReadOnlyList<IEvent> events, ProjectionContext ctx, CancellationToken ct)
    {
        var applied = await ArticleTables.ApplyAllAsync(events, ctx, ct);
        // Statements and disputes never come (EventTypes); an article's date or outlet changes its incidents, a re-extraction
        // marker alone does not.
        var touched = events.Where(e => e.Data is not ArticleReExtracted)
            .Select(e => ArticleTables.ArticleOf(e.Data)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (touched.Count == 0) return;

        var strikes = (await applied.StandingAsync(ctx, RecordTypes.Strike, touched, ct)).Where(k => ((StrikeReported)k.Record).Scope == "event").ToList();
        var regroup = await _regrouping.PrepareAsync(ctx, touched, strikes, ct);
        var (dropped, changed) = regroup.Diff(IncidentGrouping.Group(regroup.Rows.Select(r => r.ToDayReport()).ToList()), touched);
        // Only the incidents that change are read back whole and rewritten (the touched articles' strikes are at hand).
        var given = strikes.ToDictionary(k => k.Key);
        var wanted = changed.SelectMany(g => g).Where(r => !given.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        foreach (var k in wanted.Count == 0 ? [] : await ArticleTables.StandingAsync(ctx, wanted, ct)) given[k.Key] = k;
        var incidents = changed.Select(g => IncidentGrouping.Incident(g.Select(r => given[r.Key]).Select(s => new StrikeReport(s.ArticleId, s.Outlet, s.PublishedOn, StrikeRegrouping.Strike(s))).ToList())).ToList();
        ctx.Enqueue(($"delete from {ctx.Schema}.incidents where id = any($1)", [dropped]), ($"""
            insert into {ctx.Schema}.incidents (id, perpetrator_id, date_from, grade, incident)
            select i, p, d, g, j::jsonb from unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[]) x(i, p, d, g, j)
            """, [incidents.Select(i => i.Id).ToArray(), incidents.Select(i => i.Perpetrator.Id).ToArray(), incidents.Select(i => i.From).ToArray(),
            incidents.Select(i => i.Grade).ToArray(), incidents.Select(i => JsonSerializer.Serialize(i, ReadModelJson.Default.StrikeIncident)).ToArray()]));
        _regrouping.Save(ctx, dropped, incidents.Zip(changed, (i, g) => (i.Id, g)));
    }
}
