using Claims.Domain.Events;
using Claims.EventStore.Projections;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>How close in time two strikes must be to be grouped: an incident's window (dates, the strike's own else its
/// article's, at most three days apart), or the finder's same-event rule (equal strike dates, articles at most three days apart).
/// Both are necessary conditions only; the pure grouping decides.</summary>
internal enum StrikeWindow { Incident, Event }

/// <summary>
/// Keeps groups of strikes (incidents, events) current without regrouping every strike on each change. Strikes are indexed
/// by perpetrator and place key (<see cref="PlaceMatching.Keys"/>) with their dates; a group is a connected component of
/// the grouping's pairwise rule, so when an article changes, only the groups its strikes belonged to and the groups its new
/// strikes can join need regrouping — no strike outside them can connect to one inside (it would be in one of them). The
/// result is the same as grouping everything at once, whatever the batch size.
/// </summary>
internal sealed class StrikeRegrouping(string membersTable, StrikeWindow window)
{
    public string Ddl(string schema) => $"""
        create table {schema}.strike_places (article_id text not null, record_id text not null, perpetrator_id text not null,
            place_key text not null, strike_date date, published_on date, day date generated always as (coalesce(strike_date, published_on)) stored,
            primary key (article_id, record_id, place_key));
        create index on {schema}.strike_places (perpetrator_id, place_key, {(window == StrikeWindow.Incident ? "day" : "published_on")});
        create table {schema}.{membersTable} (group_id text not null, article_id text not null, record_id text not null, primary key (article_id, record_id));
        create index on {schema}.{membersTable} (group_id);
        """;

    /// <summary>Re-indexes the strikes of <paramref name="touchedArticles"/> (<paramref name="touchedStrikes"/> are those that now
    /// take part) and returns the groups to drop and every strike to group anew, in the stable order. The other articles
    /// those strikes come from are read once, whole when <paramref name="wholeArticles"/> (the caller needs their other
    /// records too, and gets them in <c>Others</c>), else their strikes only.</summary>
    public async Task<(string[] Dropped, List<StandingRecord> Members, List<StandingRecord> Others)> PrepareAsync(ProjectionContext ctx,
        IReadOnlyCollection<string> touchedArticles, IReadOnlyList<StandingRecord> touchedStrikes, bool wholeArticles, CancellationToken ct)
    {
        var s = ctx.Schema;
        var articles = touchedArticles.ToArray();
        var dropped = (await ctx.QueryAsync($"select distinct group_id from {s}.{membersTable} where article_id = any($1)", r => r.GetString(0), ct, articles))
            .ToHashSet(StringComparer.Ordinal);

        var placeKeys = touchedStrikes.Select(k => (Strike: k, Keys: PlaceMatching.Keys(Places(k)))).ToList();
        await ctx.ExecuteAsync($"delete from {s}.strike_places where article_id = any($1)", ct, articles);
        var rows = placeKeys.SelectMany(k => k.Keys.Indexed.Select(key => (k.Strike, Key: key))).ToList();
        await ctx.ExecuteAsync($"""
            insert into {s}.strike_places (article_id, record_id, perpetrator_id, place_key, strike_date, published_on)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[])
            """, ct, rows.Select(r => r.Strike.ArticleId).ToArray(), rows.Select(r => r.Strike.RecordId).ToArray(),
            rows.Select(r => Strike(r.Strike).Perpetrator.Id).ToArray(), rows.Select(r => r.Key).ToArray(), Dates(rows.Select(r => Strike(r.Strike).Date)),
            Dates(rows.Select(r => r.Strike.PublishedOn)));

        var wanted = placeKeys.SelectMany(k => k.Keys.Wanted.Select(key => (k.Strike, Key: key))).ToList();
        // The day window as an index range, and apart from it the strikes whose day is unknown (they match any day), so
        // that a lookup reads only the near days of a place, however long the log.
        var (day, extra) = window == StrikeWindow.Incident
            ? ("day", "")
            : ("published_on", " and (x.strike_date is null or q.strike_date is null or x.strike_date = q.strike_date)");
        dropped.UnionWith(await ctx.QueryAsync($"""
            with q as (select *, coalesce(strike_date, published_on) as day
                         from unnest($1::text[], $2::text[], $3::date[], $4::date[]) u(perpetrator_id, place_key, strike_date, published_on)),
            near as (
                select x.article_id, x.record_id from q join {s}.strike_places x on x.perpetrator_id = q.perpetrator_id and x.place_key = q.place_key
                 where x.{day} between q.{day} - 3 and q.{day} + 3{extra}
                union all
                select x.article_id, x.record_id from q join {s}.strike_places x on x.perpetrator_id = q.perpetrator_id and x.place_key = q.place_key
                 where x.{day} is null{extra}
                union all
                select x.article_id, x.record_id from q join {s}.strike_places x on x.perpetrator_id = q.perpetrator_id and x.place_key = q.place_key
                 where q.{day} is null{extra})
            select distinct m.group_id from near join {s}.{membersTable} m on m.article_id = near.article_id and m.record_id = near.record_id
            """, r => r.GetString(0), ct, wanted.Select(w => Strike(w.Strike).Perpetrator.Id).ToArray(), wanted.Select(w => w.Key).ToArray(),
            Dates(wanted.Select(w => Strike(w.Strike).Date)), Dates(wanted.Select(w => w.Strike.PublishedOn))));

        var keys = (await ctx.QueryAsync($"select article_id, record_id from {s}.{membersTable} where group_id = any($1)",
            r => (r.GetString(0), r.GetString(1)), ct, dropped.ToArray())).ToHashSet();
        // Strikes of untouched articles are loaded back as they stand; those of touched articles are the ones given.
        var otherArticles = keys.Where(k => !touchedArticles.Contains(k.Item1)).Select(k => k.Item1).Distinct().ToArray();
        var others = otherArticles.Length == 0 ? [] : await ArticleTables.StandingAsync(ctx, wholeArticles ? null : RecordTypes.Strike, otherArticles, ct);
        var members = touchedStrikes.Concat(others.Where(k => keys.Contains(k.Key))).ToList();
        members.Sort((a, b) => string.CompareOrdinal(a.ArticleId, b.ArticleId) is var c and not 0 ? c : a.Ord.CompareTo(b.Ord));
        return (dropped.ToArray(), members, others);
    }

    /// <summary>Replaces the dropped groups' membership with the new groups'.</summary>
    public async Task SaveAsync(ProjectionContext ctx, string[] dropped, IEnumerable<(string GroupId, IEnumerable<(string ArticleId, string RecordId)> Members)> groups, CancellationToken ct)
    {
        var s = ctx.Schema;
        await ctx.ExecuteAsync($"delete from {s}.{membersTable} where group_id = any($1)", ct, dropped);
        var rows = groups.SelectMany(g => g.Members.Select(m => (g.GroupId, m.ArticleId, m.RecordId))).ToList();
        await ctx.ExecuteAsync($"insert into {s}.{membersTable} (group_id, article_id, record_id) select * from unnest($1::text[], $2::text[], $3::text[])",
            ct, rows.Select(r => r.GroupId).ToArray(), rows.Select(r => r.ArticleId).ToArray(), rows.Select(r => r.RecordId).ToArray());
    }

    private static StrikeReported Strike(StandingRecord r) => (StrikeReported)r.Record;

    private static IEnumerable<(string Id, string? Province)> Places(StandingRecord r) => Strike(r).Locations.Select(p => (p.Id, p.Province));

    private static DateOnly?[] Dates(IEnumerable<DateOnly?> dates) => dates.ToArray();
}
