using Claims.Domain.Actors;
using Claims.Domain.Articles;
using Claims.Domain.Events;
using Claims.EventStore.Events;
using Claims.EventStore.Projections;

namespace Claims.Domain.Projections;

/// <summary>
/// The actor ledgers and the article list: for each record that stands, one row per role an actor plays in it
/// (statement, strike-reported, strike-attributed, dispute-made, dispute-received); actors with their aliases and an
/// accent-free search key.
/// </summary>
public sealed class LedgerProjection : IProjection
{
    public const string ProjectionName = "ledger";
    public string Name => ProjectionName;
    public IReadOnlyCollection<string>? EventTypes => ClaimsEventTypes.ArticleEventNames.ToHashSet();

    public static class Roles
    {
        public const string Statement = "statement";
        public const string StrikeReported = "strike-reported";
        public const string StrikeAttributed = "strike-attributed";
        public const string DisputeMade = "dispute-made";
        public const string DisputeReceived = "dispute-received";
    }

    public async Task CreateSchemaAsync(ProjectionContext ctx, CancellationToken ct)
    {
        await ArticleTables.CreateAsync(ctx, ct);
        await Ddl.RunAsync(ctx, $"""
            create table {ctx.Schema}.actors (actor_id text primary key, name text not null, affiliation text);
            create table {ctx.Schema}.actor_aliases (actor_id text not null, alias text not null, search_key text not null, primary key (actor_id, alias));
            create index on {ctx.Schema}.actor_aliases (search_key);
            create table {ctx.Schema}.roles (actor_id text not null, role text not null, article_id text not null, record_id text not null,
                primary key (actor_id, role, article_id, record_id));
            create index on {ctx.Schema}.roles (article_id, record_id);
            """, ct);
    }

    public async Task ApplyAsync(IReadOnlyList<StoredEvent> events, ProjectionContext ctx, CancellationToken ct)
    {
        foreach (var e in events)
        {
            if (await ArticleTables.ApplyAsync(e, ctx, ct) is not var (articleId, recordId)) continue;
            await ctx.ExecuteAsync($"delete from {ctx.Schema}.roles where article_id = $1 and record_id = $2", ct, articleId, recordId);
            if (await ArticleTables.LoadAsync(ctx, articleId, recordId, ct) is not { } loaded || loaded.Status == RecordStatus.Retracted) continue;
            foreach (var (actor, role) in RolesOf(loaded.Record))
            {
                await EnsureActorAsync(ctx, actor, loaded.Record is StatementMade s && s.Speaker == actor ? s.Aliases : [], ct);
                await ctx.ExecuteAsync($"insert into {ctx.Schema}.roles (actor_id, role, article_id, record_id) values ($1, $2, $3, $4) on conflict do nothing",
                    ct, actor.Id, role, articleId, recordId);
            }
        }
    }

    private static IEnumerable<(ActorData Actor, string Role)> RolesOf(object record)
    {
        switch (record)
        {
            case StatementMade s:
                yield return (s.Speaker, Roles.Statement);
                break;
            case StrikeReported k:
                yield return (k.Perpetrator, Roles.StrikeAttributed);
                if (k.ReportedBy is { } by) yield return (by, Roles.StrikeReported);
                break;
            case ClaimDisputed d:
                yield return (d.Disputant, Roles.DisputeMade);
                if (d.DisputedParty is { } party) yield return (party, Roles.DisputeReceived);
                break;
        }
    }

    /// <summary>The first name an actor is met under stays its name; aliases accumulate (the directory's and the texts').</summary>
    private static async Task EnsureActorAsync(ProjectionContext ctx, ActorData actor, IReadOnlyList<string> seenAs, CancellationToken ct)
    {
        var known = ActorDirectory.Embedded.Find(actor.Id);
        var inserted = await ctx.ExecuteAsync($"insert into {ctx.Schema}.actors (actor_id, name, affiliation) values ($1, $2, $3::text) on conflict do nothing",
            ct, actor.Id, known?.Name ?? actor.Name, known?.Affiliation);
        var aliases = seenAs.AsEnumerable();
        if (inserted == 1) aliases = aliases.Concat([known?.Name ?? actor.Name, actor.Name]).Concat(known?.Aliases ?? []);
        foreach (var alias in aliases.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct())
            await ctx.ExecuteAsync($"insert into {ctx.Schema}.actor_aliases (actor_id, alias, search_key) values ($1, $2, $3) on conflict do nothing",
                ct, actor.Id, alias, SearchKey.Of(alias));
    }
}
