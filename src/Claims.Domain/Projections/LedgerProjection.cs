using Claims.Domain.Actors;
using Claims.Domain.Articles;
using Claims.Domain.Events;
using JasperFx.Events;
using Claims.Domain.Projections.Running;

namespace Claims.Domain.Projections;

/// <summary>
/// The actor ledgers and the article list: for each record that stands, one row per role an actor plays in it
/// (statement, strike-reported, strike-attributed, dispute-made, dispute-received); actors with their aliases and an
/// accent-free search key.
/// </summary>
public sealed class LedgerProjection : ITableProjection
{
    public const string ProjectionName = "ledger";
    public string Name => ProjectionName;
    public int Version => 3;
    public IReadOnlyCollection<Type> EventTypes => ClaimsEventTypes.ArticleEvents;

    public IReadOnlyList<string> Tables => [.. ArticleTables.Names, "actors", "actor_aliases", "roles"];

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
                sort_date date not null, ord bigint not null, primary key (article_id, record_id, actor_id, role));
            create index ledger_order on {ctx.Schema}.roles (actor_id, sort_date, article_id, ord, role);
            """, ct);
    }

    /// <summary>A batch in a fixed number of set-based statements: the records, then each touched record's roles replaced by
    /// those of its final state, the actors and aliases met on the way, and the actors' record counts moved by the difference.</summary>
    public async Task ApplyAsync(IReadOnlyList<IEvent> events, ProjectionContext ctx, CancellationToken ct)
    {
        var s = ctx.Schema;
        var batch = await ArticleTables.ApplyAllAsync(events, ctx, ct);
        var applied = batch.Records;
        var revised = events.Select(e => e.Data).OfType<ArticleRevised>().Select(r => r.ArticleId).Distinct().ToArray();
        if (revised.Length > 0)
            // The ledger is in date order: a new date moves the article's entries.
            ctx.Enqueue(($"""
                update {s}.roles o set sort_date = coalesce(a.published_on, 'infinity'::date) from {s}.articles a
                 where a.article_id = o.article_id and o.article_id = any($1)
                """, [revised]));
        if (applied.Count == 0) return;

        var final = new Dictionary<(string, string), AppliedRecord>();
        foreach (var r in applied) final[(r.ArticleId, r.RecordId)] = r;
        // The roles of earlier batches give way to those of each record's final state. An article this batch ingested has
        // none (its stream starts here), so its records are not looked for: most of a live batch, nearly all of a rebuild's.
        var earlier = final.Keys.Where(k => !batch.Ingested(k.Item1)).ToList();
        var before = (earlier.Count == 0 ? [] : await ctx.QueryAsync($"""
            delete from {s}.roles o using unnest($1::text[], $2::text[]) k(article_id, record_id)
             where o.article_id = k.article_id and o.record_id = k.record_id returning o.article_id, o.record_id, o.actor_id
            """, r => (Key: (r.GetString(0), r.GetString(1)), Actor: r.GetString(2)), ct,
            earlier.Select(k => k.Item1).ToArray(), earlier.Select(k => k.Item2).ToArray())).ToLookup(x => x.Key, x => x.Actor);

        // Every version a record went through meets its actors (as one event at a time would), in log order: the first
        // name an actor is met under stays its name.
        var aliases = await EnsureActorsAsync(ctx, applied.Where(r => r.Status != RecordStatus.Retracted)
            .SelectMany(r => RolesOf(r.Record).Select(x => (x.Actor, SeenAs: r.Record is StatementMade st && st.Speaker == x.Actor ? st.Aliases : (IReadOnlyList<string>)[]))), ct);

        var roles = final.Values.Where(r => r.Status != RecordStatus.Retracted)
            .SelectMany(r => RolesOf(r.Record).Select(x => (x.Actor.Id, x.Role, r.ArticleId, r.RecordId, r.Ord))).Distinct().ToList();
        var insertRoles = ($"""
            insert into {s}.roles (actor_id, role, article_id, record_id, sort_date, ord)
            select x.actor_id, x.role, x.article_id, x.record_id, coalesce(a.published_on, 'infinity'::date), x.ord
              from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) x(actor_id, role, article_id, record_id, ord)
              join {s}.articles a on a.article_id = x.article_id
            on conflict do nothing
            """, new object?[] { roles.Select(r => r.Id).ToArray(), roles.Select(r => r.Role).ToArray(), roles.Select(r => r.ArticleId).ToArray(),
            roles.Select(r => r.RecordId).ToArray(), roles.Select(r => r.Ord).ToArray() });

        // An actor's record count, moved by the difference, so that listing actors never counts the whole ledger.
        var delta = new Dictionary<string, int>(StringComparer.Ordinal);
        var after = roles.ToLookup(r => (r.ArticleId, r.RecordId), r => r.Id);
        foreach (var key in final.Keys)
        {
            var was = before[key].ToHashSet(StringComparer.Ordinal);
            var now = after[key].ToHashSet(StringComparer.Ordinal);
            foreach (var actor in now.Except(was)) delta[actor] = delta.GetValueOrDefault(actor) + 1;
            foreach (var actor in was.Except(now)) delta[actor] = delta.GetValueOrDefault(actor) - 1;
        }
        var moved = delta.Where(d => d.Value != 0).ToList();
        // One round trip for the writes that need nothing back: aliases, roles, record counts.
        ctx.Enqueue(aliases, insertRoles, moved.Count == 0 ? null : ($"""
                update {s}.actors set records = records + d.delta from unnest($1::text[], $2::int[]) d(actor_id, delta) where actors.actor_id = d.actor_id
                """, [moved.Select(d => d.Key).ToArray(), moved.Select(d => d.Value).ToArray()]));
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

    /// <summary>The first name an actor is met under stays its name; aliases accumulate (the directory's and the texts'). Inserts
    /// the actors met for the first time and returns the statement that adds the aliases.</summary>
    private static async Task<(string Sql, object?[] Parameters)> EnsureActorsAsync(ProjectionContext ctx, IEnumerable<(ActorData Actor, IReadOnlyList<string> SeenAs)> met, CancellationToken ct)
    {
        var meetings = met.ToList();
        var firsts = meetings.Select(m => m.Actor).DistinctBy(a => a.Id).ToList();
        var inserted = (await ctx.QueryAsync($"""
            insert into {ctx.Schema}.actors (actor_id, name, affiliation) select * from unnest($1::text[], $2::text[], $3::text[])
            on conflict do nothing returning actor_id
            """, r => r.GetString(0), ct, firsts.Select(a => a.Id).ToArray(), firsts.Select(a => ActorDirectory.Embedded.Find(a.Id)?.Name ?? a.Name).ToArray(),
            firsts.Select(a => ActorDirectory.Embedded.Find(a.Id)?.Affiliation).ToArray())).ToHashSet(StringComparer.Ordinal);
        var aliases = meetings.SelectMany(m => m.SeenAs.Select(alias => (m.Actor.Id, Alias: alias)))
            .Concat(firsts.Where(a => inserted.Contains(a.Id)).SelectMany(a =>
            {
                var known = ActorDirectory.Embedded.Find(a.Id);
                return new[] { known?.Name ?? a.Name, a.Name }.Concat(known?.Aliases ?? []).Select(alias => (a.Id, Alias: alias));
            }))
            .Where(x => !string.IsNullOrWhiteSpace(x.Alias)).Distinct().ToList();
        return ($"""
            insert into {ctx.Schema}.actor_aliases (actor_id, alias, search_key) select * from unnest($1::text[], $2::text[], $3::text[]) on conflict do nothing
            """, [aliases.Select(a => a.Id).ToArray(), aliases.Select(a => a.Alias).ToArray(), aliases.Select(a => SearchKey.Of(a.Alias)).ToArray()]);
    }
}
