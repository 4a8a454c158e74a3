using Claims.Domain.Events;
using Claims.Domain.Projections.Running;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Projections;

/// <summary>Which pure rule groups the strikes: incidents accept any two reports <see cref="DayGrouping"/> puts together; the
/// finder's events also keep apart two reports of one article by one reporter, and two different weekdays. The index needs
/// to know it only to find a dayless report's latest match exactly.</summary>
internal enum StrikeRule { Incident, Event }

/// <summary>
/// Keeps groups of strikes (<see cref="DayGrouping"/>: incidents, events) current without regrouping every strike on each
/// change. A group's days lie within a few days of its owner (its earliest day), so a change on day t can only alter
/// groups owned in <see cref="DayGrouping.OwnersAffectedBy"/>(t), and those are decided by the reports of
/// <see cref="DayGrouping.ReportsDecidingAround"/>(t) that can meet the changed ones through shared places. Strikes are
/// indexed by perpetrator, place key (<see cref="PlaceMatching.Keys"/>) and day, in memory (<see cref="StrikeIndex"/>, kept
/// equal to the tables); a batch looks up those reports (following shared places until nothing new comes), regroups them
/// with the pure rule, and replaces exactly the groups owned in the affected days. A report with no day at all joins its
/// latest match, wherever that is, so its old and new match's days count as changed too. The result equals grouping everything at once, whatever the batch size.
/// </summary>
internal sealed class StrikeRegrouping(string membersTable, StrikeRule rule)
{
    /// <summary>The tables <see cref="Ddl"/> creates.</summary>
    public IReadOnlyList<string> Tables => ["strike_reports", membersTable, StrikeIndex.GenerationTable];

    // Strikes are looked up by place and day in memory (StrikeIndex): the tables are written by key and read whole.
    public string Ddl(string schema) => $"""
        create table {schema}.strike_reports (article_id text not null, record_id text not null, ord bigint not null, perpetrator_id text not null,
            places text[] not null, day date, dated boolean not null, weekday text, reporter_id text, primary key (article_id, record_id));
        create table {schema}.{membersTable} (group_id text not null, perpetrator_id text not null, owner_day date, article_id text not null,
            record_id text not null, primary key (article_id, record_id));
        {StrikeIndex.Ddl(schema)}
        """;

    /// <summary>What a batch regroups: every strike that decides the groups to replace (<see cref="Rows"/>, in the stable
    /// order), the stored groups owned in the affected days (<see cref="Stored"/>: they are replaced), and which regrouped
    /// groups take their place (<see cref="Owns"/>: those owned in the affected days). <see cref="Generation"/> is the tables'
    /// generation this batch moved them to (<see cref="StrikeIndex"/>).</summary>
    public sealed record Regroup(List<StrikeRow> Rows, IReadOnlyDictionary<string, IReadOnlyList<(string ArticleId, string RecordId)>> Stored,
        IReadOnlyDictionary<string, AffectedDays> Affected, long Generation)
    {
        public bool Owns(string perpetrator, DateOnly? owner) => Affected.TryGetValue(perpetrator, out var days) && days.Owns(owner);

        /// <summary>Of the regrouped <paramref name="groups"/> (as <see cref="DayGrouping.Group"/> made them over <see cref="Rows"/>),
        /// those owned in the affected days that differ from what is stored, and the stored groups they replace. A group with the
        /// same strikes as a stored one, none of them in a touched article, is the same group with the same content: it is
        /// left as it is, so that a batch rewrites only the groups it really changes.</summary>
        public (string[] Dropped, List<IReadOnlyList<StrikeRow>> Changed) Diff(IEnumerable<IReadOnlyList<int>> groups, IReadOnlySet<string> touchedArticles)
        {
            static string Signature(IEnumerable<(string ArticleId, string RecordId)> keys) =>
                string.Join('\n', keys.Select(k => k.ArticleId + "\u001f" + k.RecordId).Order(StringComparer.Ordinal));
            var stored = Stored.Where(g => g.Value.All(k => !touchedArticles.Contains(k.ArticleId))).ToDictionary(g => Signature(g.Value), g => g.Key);
            var kept = new HashSet<string>(StringComparer.Ordinal);
            var changed = new List<IReadOnlyList<StrikeRow>>();
            foreach (var group in groups.Select(g => (IReadOnlyList<StrikeRow>)g.Select(i => Rows[i]).ToList()).Where(g => Owns(g[0].Perpetrator, OwnerOf(g))))
                if (stored.TryGetValue(Signature(group.Select(r => r.Key)), out var same)) kept.Add(same);
                else changed.Add(group);
            return (Stored.Keys.Where(k => !kept.Contains(k)).ToArray(), changed);
        }
    }

    public static DateOnly? OwnerOf(IEnumerable<StrikeRow> group) => DayGrouping.Owner(group.Select(r => r.Day));

    /// <summary>The days around which one perpetrator's groups change (null: its dayless reports).</summary>
    public sealed class AffectedDays
    {
        public SortedSet<DateOnly> Days { get; } = [];
        public bool Dayless { get; set; }

        public bool Owns(DateOnly? owner) => owner is { } d ? Days.Any(t => DayGrouping.OwnersAffectedBy(t) is var (from, to) && d >= from && d <= to) : Dayless;

        public (DateOnly From, DateOnly To)[] Windows()
        {
            var merged = new List<(DateOnly From, DateOnly To)>();
            foreach (var (from, to) in Days.Select(DayGrouping.ReportsDecidingAround))
                if (merged.Count > 0 && from <= merged[^1].To.AddDays(1)) merged[^1] = (merged[^1].From, to > merged[^1].To ? to : merged[^1].To);
                else merged.Add((from, to));
            return merged.ToArray();
        }
    }

    /// <summary>The index each schema's tables hold, kept by the process that applies this read model (see <see cref="StrikeIndex"/>).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StrikeIndex> _indexes = new(StringComparer.Ordinal);

    /// <summary>Re-indexes the strikes of <paramref name="touchedArticles"/> (<paramref name="touchedStrikes"/> are those that now
    /// take part) and returns what to regroup.</summary>
    public async Task<Regroup> PrepareAsync(ProjectionContext ctx, IReadOnlyCollection<string> touchedArticles, IReadOnlyList<StandingRecord> touchedStrikes, CancellationToken ct)
    {
        var s = ctx.Schema;
        var index = _indexes[s] = await StrikeIndex.OpenAsync(ctx, _indexes.GetValueOrDefault(s), membersTable, ct);
        var articles = touchedArticles.ToArray();
        var touched = touchedStrikes.Select(StrikeRow.Of).ToList();
        var affected = new Dictionary<string, AffectedDays>(StringComparer.Ordinal);
        var keys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Affect(string perpetrator, DateOnly? day, IReadOnlyList<(string Id, string? Province)> places)
        {
            if (!affected.TryGetValue(perpetrator, out var days)) affected[perpetrator] = days = new AffectedDays();
            if (day is { } d) days.Days.Add(d); else days.Dayless = true;
            Reach(perpetrator, places);
        }
        void Reach(string perpetrator, IReadOnlyList<(string Id, string? Province)> places)
        {
            if (!keys.TryGetValue(perpetrator, out var set)) keys[perpetrator] = set = new HashSet<string>(StringComparer.Ordinal);
            // Every key a report is indexed under or looks for: what reaches it and what it reaches.
            var (indexed, wanted) = PlaceMatching.Keys(places);
            set.UnionWith(indexed);
            set.UnionWith(wanted);
        }

        // What the touched articles' strikes were, and where a dayless one's group was owned (where its latest match was).
        foreach (var old in index.RemoveArticles(articles)) Affect(old.Perpetrator, old.Day, old.Places);
        // The members as the batch found them (Save replaces them afterwards): they also name the stored groups to replace.
        var touchedMembers = index.MembersOf(articles).ToList();
        foreach (var m in touchedMembers) Affect(m.Perpetrator, m.Owner, []);
        // The touched strikes re-indexed, in memory as they will read back from the table.
        foreach (var k in touched) index.Add(k.AsStored());
        ctx.Enqueue(
            ($"delete from {s}.strike_reports where article_id = any($1)", [articles]),
            ($"""
            insert into {s}.strike_reports (article_id, record_id, ord, perpetrator_id, places, day, dated, weekday, reporter_id)
            select a, r, o, p, string_to_array(pl, E'\x1e'), d, dt, w, rp
              from unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::date[], $7::boolean[], $8::text[], $9::text[]) x(a, r, o, p, pl, d, dt, w, rp)
            """, [touched.Select(k => k.ArticleId).ToArray(), touched.Select(k => k.RecordId).ToArray(), touched.Select(k => k.Ord).ToArray(),
                touched.Select(k => k.Perpetrator).ToArray(), touched.Select(k => string.Join('\x1e', k.Places.Select(StrikeRow.Encode))).ToArray(),
                touched.Select(k => k.Day).ToArray(), touched.Select(k => k.Dated).ToArray(), touched.Select(k => k.Weekday).ToArray(), touched.Select(k => k.Reporter).ToArray()]));
        foreach (var k in touched) Affect(k.Perpetrator, k.Day, k.Places);

        // Every report that decides the affected groups: near the affected days, reached through shared places, until
        // nothing new comes. A dayless report reached adds the days of its stored group and of its latest match. The
        // touched strikes are in from the start, found or not (one placed nowhere more precise than a country has no key).
        var found = touched.ToDictionary(r => r.Key);
        var searched = new HashSet<(string Perpetrator, string Key, DateOnly? From, DateOnly? To)>();
        var dayless = touched.Where(r => r.Day is null).ToList();
        while (true)
        {
            foreach (var (perpetrator, day) in DaylessMatches(index, dayless))
                Affect(perpetrator, day, []);
            dayless.Clear();
            var queries = affected.SelectMany(a => a.Value.Windows().Select(w => ((DateOnly?)w.From, (DateOnly?)w.To)).Append((null, null))
                    .SelectMany(w => keys[a.Key].Select(key => (Perpetrator: a.Key, Key: key, From: w.Item1, To: w.Item2))))
                .Where(searched.Add).ToList();
            if (queries.Count == 0) break;
            foreach (var h in queries.SelectMany(q => index.Find(q.Perpetrator, q.Key, q.From, q.To)).ToList().Where(h => found.TryAdd(h.Key, h)))
            {
                Reach(h.Perpetrator, h.Places);  // its places only: being read does not make its day a changed one
                if (h.Day is null) dayless.Add(h);
            }
        }
        var rows = found.Values.ToList();
        rows.Sort((a, b) => string.CompareOrdinal(a.ArticleId, b.ArticleId) is var c and not 0 ? c : a.Ord.CompareTo(b.Ord));

        // The stored groups of the touched articles' strikes and of every strike found.
        var groups = touchedMembers.Concat(rows.Select(r => index.MemberOf(r.Key)).OfType<StrikeIndex.Member>()).Select(m => m.Group).ToHashSet(StringComparer.Ordinal);
        var result = new Regroup(rows, new Dictionary<string, IReadOnlyList<(string, string)>>(), affected, index.Generation);
        var stored = groups.SelectMany(index.Group).Where(m => result.Owns(m.Perpetrator, m.Owner)).GroupBy(m => m.Group)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, string)>)g.Select(m => (m.ArticleId, m.RecordId)).ToList(), StringComparer.Ordinal);
        return result with { Stored = stored };
    }

    /// <summary>For each dayless report, the day of its stored group and the latest day it now matches: both are days whose
    /// groups can change when it moves.</summary>
    private IEnumerable<(string Perpetrator, DateOnly? Day)> DaylessMatches(StrikeIndex index, IReadOnlyList<StrikeRow> dayless)
    {
        // The finder's same-event rule (ContradictionFinder.SameEvent), here on the whole index: the latest match can be any day.
        bool Matches(StrikeRow q, StrikeRow y) => rule != StrikeRule.Event
            || ((q.Weekday is null || y.Weekday is null || q.Weekday == y.Weekday) && !(y.ArticleId == q.ArticleId && y.Reporter == q.Reporter));
        foreach (var q in dayless)
        {
            foreach (var key in PlaceMatching.Keys(q.Places).Wanted)
                yield return (q.Perpetrator, index.DatedLatestFirst(q.Perpetrator, key).FirstOrDefault(y => Matches(q, y))?.Day);
            if (index.MemberOf(q.Key) is { } m) yield return (m.Perpetrator, m.Owner);
        }
    }

    /// <summary>Replaces the dropped groups' membership with the changed groups', each under its id. The table is written by
    /// difference: a cluster of the finder that grows keeps its id (its first strike's) and most of its members, and
    /// rewriting every member of every changed cluster made most of the table's writes (an incident's id follows all its
    /// members, so there the rows change anyway).</summary>
    public void Save(ProjectionContext ctx, string[] dropped, IEnumerable<(string GroupId, IReadOnlyList<StrikeRow> Members)> groups)
    {
        var s = ctx.Schema;
        var rows = groups.SelectMany(g => OwnerOf(g.Members) is var owner ? g.Members.Select(m => new StrikeIndex.Member(g.GroupId, m.Perpetrator, owner, m.ArticleId, m.RecordId)) : []).ToList();
        var (gone, added) = _indexes[s].ReplaceMembers(dropped, rows);
        ctx.Enqueue(
            ($"delete from {s}.{membersTable} m using unnest($1::text[], $2::text[]) k(article_id, record_id) where m.article_id = k.article_id and m.record_id = k.record_id",
                [gone.Select(m => m.ArticleId).ToArray(), gone.Select(m => m.RecordId).ToArray()]),
            ($"""
            insert into {s}.{membersTable} (group_id, perpetrator_id, owner_day, article_id, record_id)
            select * from unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[])
            """, [added.Select(r => r.Group).ToArray(), added.Select(r => r.Perpetrator).ToArray(), added.Select(r => r.Owner).ToArray(),
                added.Select(r => r.ArticleId).ToArray(), added.Select(r => r.RecordId).ToArray()]));
    }

    public static StrikeReported Strike(StandingRecord r) => (StrikeReported)r.Record;
}

/// <summary>A strike as the regrouping indexes it: what <see cref="DayGrouping"/> and the finder's same-event rule need, without
/// its words (read back only for the groups that change).</summary>
internal sealed record StrikeRow(string ArticleId, string RecordId, long Ord, string Perpetrator, IReadOnlyList<(string Id, string? Province)> Places,
    DateOnly? Day, bool Dated, string? Weekday, string? Reporter)
{
    public (string ArticleId, string RecordId) Key => (ArticleId, RecordId);

    public DayReport ToDayReport() => new(Perpetrator, Places, Day, Dated);

    public static StrikeRow Of(StandingRecord r)
    {
        var strike = StrikeRegrouping.Strike(r);
        return new(r.ArticleId, r.RecordId, r.Ord, strike.Perpetrator.Id, strike.Locations.Select(p => (p.Id, p.Province)).ToList(), DayGrouping.DayOf(strike.Date, r.PublishedOn),
            strike.Date is not null, strike.Weekday, strike.ReportedBy?.Id);
    }

    // A place as one text: its id, and its province after a unit separator when it has one.
    public static string Encode((string Id, string? Province) place) => place.Province is null ? place.Id : place.Id + "\x1f" + place.Province;

    private static List<(string Id, string? Province)> Decode(IEnumerable<string> places) =>
        places.Where(p => p.Length > 0).Select(p => p.Split('\x1f') is var x && x.Length == 2 ? (x[0], (string?)x[1]) : (x[0], null)).ToList();

    /// <summary>This strike as it reads back from the strike_reports table (its places encoded, one text each, and decoded).</summary>
    public StrikeRow AsStored() => this with { Places = Decode(string.Join('\x1e', Places.Select(Encode)).Split('\x1e')) };

    public static StrikeRow Read(Npgsql.NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetString(3), Decode(r.GetFieldValue<string[]>(4)),
        r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.GetBoolean(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8));
}
