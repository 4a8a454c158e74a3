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
    /// take part) and returns the groups to drop and every strike to group anew, in the stable order.</summary>
    public async Task<(string[] Dropped, List<StandingRecord> Members)> PrepareAsync(ProjectionContext ctx, IReadOnlyCollection<string> touchedArticles,
        IReadOnlyList<StandingRecord> touchedStrikes, CancellationToken ct)
    {
        var s = ctx.Schema;
        var articles = touchedArticles.ToArray();
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        await ReadAsync(ctx, $"select distinct group_id from {s}.{membersTable} where article_id = any($1)", r => dropped.Add(r.GetString(0)), ct, (object)articles);

        await ctx.ExecuteAsync($"delete from {s}.strike_places where article_id = any($1)", ct, (object)articles);
        var rows = touchedStrikes.SelectMany(k => PlaceMatching.Keys(Places(k)).Indexed.Select(key => (Strike: k, Key: key))).ToList();
        await ctx.ExecuteAsync($"""
            insert into {s}.strike_places (article_id, record_id, perpetrator_id, place_key, strike_date, published_on)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[])
            """, ct, rows.Select(r => r.Strike.ArticleId).ToArray(), rows.Select(r => r.Strike.RecordId).ToArray(),
            rows.Select(r => Strike(r.Strike).Perpetrator.Id).ToArray(), rows.Select(r => r.Key).ToArray(), Dates(rows.Select(r => Strike(r.Strike).Date)),
            Dates(rows.Select(r => r.Strike.PublishedOn)));

        var wanted = touchedStrikes.SelectMany(k => PlaceMatching.Keys(Places(k)).Wanted.Select(key => (Strike: k, Key: key))).ToList();
        // The day window as an index range, and apart from it the strikes whose day is unknown (they match any day), so
        // that a lookup reads only the near days of a place, however long the log.
        var (day, extra) = window == StrikeWindow.Incident
            ? ("day", "")
            : ("published_on", " and (x.strike_date is null or q.strike_date is null or x.strike_date = q.strike_date)");
        await ReadAsync(ctx, $"""
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
            """, r => dropped.Add(r.GetString(0)), ct, wanted.Select(w => Strike(w.Strike).Perpetrator.Id).ToArray(), wanted.Select(w => w.Key).ToArray(),
            Dates(wanted.Select(w => Strike(w.Strike).Date)), Dates(wanted.Select(w => w.Strike.PublishedOn)));

        var keys = new HashSet<(string, string)>();
        await ReadAsync(ctx, $"select article_id, record_id from {s}.{membersTable} where group_id = any($1)", r => keys.Add((r.GetString(0), r.GetString(1))), ct, (object)dropped.ToArray());
        // Strikes of untouched articles are loaded back as they stand; those of touched articles are the ones given.
        var others = keys.Where(k => !touchedArticles.Contains(k.Item1)).Select(k => k.Item1).Distinct().ToArray();
        var members = touchedStrikes.ToList();
        if (others.Length > 0)
            members.AddRange((await ArticleTables.StandingAsync(ctx, RecordTypes.Strike, others, ct)).Where(k => keys.Contains(k.Key)));
        members.Sort((a, b) => string.CompareOrdinal(a.ArticleId, b.ArticleId) is var c and not 0 ? c : a.Ord.CompareTo(b.Ord));
        return (dropped.ToArray(), members);
    }

    /// <summary>Replaces the dropped groups' membership with the new groups'.</summary>
    public async Task SaveAsync(ProjectionContext ctx, string[] dropped, IEnumerable<(string GroupId, IEnumerable<(string ArticleId, string RecordId)> Members)> groups, CancellationToken ct)
    {
        var s = ctx.Schema;
        await ctx.ExecuteAsync($"delete from {s}.{membersTable} where group_id = any($1)", ct, (object)dropped);
        var rows = groups.SelectMany(g => g.Members.Select(m => (g.GroupId, m.ArticleId, m.RecordId))).ToList();
        await ctx.ExecuteAsync($"insert into {s}.{membersTable} (group_id, article_id, record_id) select * from unnest($1::text[], $2::text[], $3::text[])",
            ct, rows.Select(r => r.GroupId).ToArray(), rows.Select(r => r.ArticleId).ToArray(), rows.Select(r => r.RecordId).ToArray());
    }

    private static StrikeReported Strike(StandingRecord r) => (StrikeReported)r.Record;

    private static IEnumerable<(string Id, string? Province)> Places(StandingRecord r) => Strike(r).Locations.Select(p => (p.Id, p.Province));

    private static DateOnly?[] Dates(IEnumerable<DateOnly?> dates) => dates.ToArray();

    private static async Task ReadAsync(ProjectionContext ctx, string sql, Action<Npgsql.NpgsqlDataReader> row, CancellationToken ct, params object?[] parameters)
    {
        await using var command = ctx.Command(sql);
        foreach (var p in parameters)
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = p ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) row(reader);
    }
}
