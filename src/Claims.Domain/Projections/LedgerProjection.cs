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
    public int Version => 2;
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
            create table {ctx.Schema}.actors (actor_id text primary key, name text not null, affiliation text, records int not null default 0);
            create table {ctx.Schema}.actor_aliases (actor_id text not null, alias text not null, search_key text not null, primary key (actor_id, alias));
            create index on {ctx.Schema}.actor_aliases (search_key);
            create table {ctx.Schema}.roles (actor_id text not null, role text not null, article_id text not null, record_id text not null,
                sort_date date not null, ord bigint not null, primary key (actor_id, role, article_id, record_id));
            create index on {ctx.Schema}.roles (article_id, record_id);
            create index ledger_order on {ctx.Schema}.roles (actor_id, sort_date, article_id, ord, role);
            """, ct);
    }

    public async Task ApplyAsync(IReadOnlyList<StoredEvent> events, ProjectionContext ctx, CancellationToken ct)
    {
        var s = ctx.Schema;
        foreach (var e in events)
        {
            if (e.Data is ArticleRevised revised)
            {
                await ArticleTables.ApplyAsync(e, ctx, ct);
                // The ledger is in date order: a new date moves the article's entries.
                await ctx.ExecuteAsync($"""
                    update {s}.roles o set sort_date = coalesce(a.published_on, 'infinity'::date) from {s}.articles a
                     where a.article_id = $1 and o.article_id = $1
                    """, ct, revised.ArticleId);
                continue;
            }
            if (await ArticleTables.ApplyAsync(e, ctx, ct) is not var (articleId, recordId)) continue;
            var before = new HashSet<string>(StringComparer.Ordinal);
            await using (var delete = ctx.Command($"delete from {s}.roles where article_id = $1 and record_id = $2 returning actor_id"))
            {
                delete.Parameters.Add(new() { Value = articleId });
                delete.Parameters.Add(new() { Value = recordId });
                await using var reader = await delete.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) before.Add(reader.GetString(0));
            }
            var after = new HashSet<string>(StringComparer.Ordinal);
            if (await ArticleTables.LoadAsync(ctx, articleId, recordId, ct) is { } loaded && loaded.Status != RecordStatus.Retracted)
                foreach (var (actor, role) in RolesOf(loaded.Record))
                {
                    await EnsureActorAsync(ctx, actor, loaded.Record is StatementMade st && st.Speaker == actor ? st.Aliases : [], ct);
                    await ctx.ExecuteAsync($"""
                        insert into {s}.roles (actor_id, role, article_id, record_id, sort_date, ord)
                        select $1, $2, $3, $4, coalesce(a.published_on, 'infinity'::date), $5 from {s}.articles a where a.article_id = $3
                        on conflict do nothing
                        """, ct, actor.Id, role, articleId, recordId, loaded.Ord);
                    after.Add(actor.Id);
                }
            // An actor's record count, kept as records come and go, so that listing actors never counts the whole ledger.
            await ctx.ExecuteAsync($"""
                update {s}.actors set records = records + d.delta
                  from (select unnest($1::text[]) as actor_id, 1 as delta union all select unnest($2::text[]), -1) d
                 where actors.actor_id = d.actor_id
                """, ct, after.Except(before).ToArray(), before.Except(after).ToArray());
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
