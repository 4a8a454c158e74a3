namespace Claims.Extraction.Contradictions;

/// <summary>One strike report as <see cref="DayGrouping"/> sees it: who struck, where, and its day (the strike's own date
/// when the article gives one — then it is <paramref name="Dated"/> — else its article's publication date; null when
/// neither is known).</summary>
public readonly record struct DayReport(string Perpetrator, IReadOnlyList<(string Id, string? Province)> Places, DateOnly? Day, bool Dated);

/// <summary>
/// Groups strike reports into strike events whose span is bounded, so that a group never grows with the length of a campaign.
/// Single linkage under a pairwise day window (the rule before) chains: a striker that hits one province every day ends up
/// with one "event" spanning months, and every new report had to regroup all of it. Here:
/// <list type="number">
/// <item>Reports of one striker on the same day that share a place (see <see cref="PlaceMatching"/>) and that the caller's
/// rule accepts are one day group (connected, but within a day). Reports with no day at all make day groups of their own.</item>
/// <item>A day group none of whose reports is dated (its day is a publication date: "des frappes ont visé Idleb") is taken
/// to tell the most recent dated strike it can: it joins the day groups of the latest day within <see cref="AttachDays"/>
/// before it that hold a dated report it matches.</item>
/// <item>A day group with no day at all (neither the strike nor its article is dated) joins the day groups of the latest
/// day it matches: it cannot be placed in time, and news tells the latest.</item>
/// </list>
/// Groups only ever join day groups that joined nothing, so nothing chains: an event's days lie within
/// [owner, owner + <see cref="AttachDays"/>], where its owner day is its earliest — which is what lets a projection regroup
/// only the days around a change (and around the latest match of each report with no day). Pure.
/// </summary>
public static class DayGrouping
{
    /// <summary>How many days before its publication an undated report may have happened.</summary>
    public const int AttachDays = 3;

    /// <summary>The groups, as indices into <paramref name="reports"/>, each in input order, ordered by their first report.
    /// <paramref name="accepts"/> is the caller's pairwise rule (given two reports of one striker, one day or attach window,
    /// and a shared place); it must be symmetric. <paramref name="apart"/>, when given, is a key the caller's rule refuses
    /// every pair of: two reports with the same key are never tested (the finder's one article and one reporter). Without it
    /// a long article of one source's reports on one town tested every pair, and extraction time grew with its square.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<DayReport> reports, Func<int, int, bool> accepts, Func<int, string>? apart = null)
    {
        var keys = reports.Select(r => PlaceMatching.Keys(r.Places)).ToList();
        // Reports by (striker, place key, day): a report meets only those it can share a place with, on the days it looks at.
        var index = new Dictionary<(string, string, DateOnly?), List<int>>();
        for (var i = 0; i < reports.Count; i++)
            foreach (var key in keys[i].Indexed)
            {
                if (!index.TryGetValue((reports[i].Perpetrator, key, reports[i].Day), out var list)) index[(reports[i].Perpetrator, key, reports[i].Day)] = list = [];
                list.Add(i);
            }
        // Only reports with a day: a report with none looks for the latest day it matches, never for another without one.
        var anyDay = new Dictionary<(string, string), List<int>>();
        foreach (var ((perpetrator, key, day), list) in index)
        {
            if (day is null) continue;
            if (!anyDay.TryGetValue((perpetrator, key), out var all)) anyDay[(perpetrator, key)] = all = [];
            all.AddRange(list);
        }
        IEnumerable<int> Wanted(int i) => keys[i].Wanted.SelectMany(key => anyDay.GetValueOrDefault((reports[i].Perpetrator, key)) ?? []).Distinct();
        IEnumerable<int> Near(int i, DateOnly? day) =>
            keys[i].Wanted.SelectMany(key => index.GetValueOrDefault((reports[i].Perpetrator, key, day)) ?? []).Distinct();
        var apartKeys = apart is null ? null : Enumerable.Range(0, reports.Count).Select(apart).ToArray();
        bool Match(int i, int j) =>
            (apartKeys is null || apartKeys[i] != apartKeys[j])
            && reports[i].Perpetrator == reports[j].Perpetrator && PlaceMatching.SharePlace(reports[i].Places, reports[j].Places) && accepts(i, j);

        var parent = Enumerable.Range(0, reports.Count).ToArray();
        int Root(int x) => parent[x] == x ? x : parent[x] = Root(parent[x]);
        // Each report meets the earlier ones in the buckets it looks in (filled as the reports go by, so everything in them
        // is earlier), a bucket's reports kept by apart key so that a whole key the rule refuses is passed over at once.
        var seen = new Dictionary<(string, string, DateOnly?), Dictionary<string, List<int>>>();
        const string NoKey = "\0";
        for (var i = 0; i < reports.Count; i++)
        {
            var own = apartKeys?[i];
            foreach (var key in keys[i].Wanted)
            {
                if (!seen.TryGetValue((reports[i].Perpetrator, key, reports[i].Day), out var bucket)) continue;
                foreach (var (group, members) in bucket)
                {
                    if (own is not null && group == own) continue;
                    foreach (var j in members)
                        // Two reports already in one group need no test: a striker hitting one town daily fills a day's bucket with
                        // reports that all match, and testing each pair again cost most of the grouping.
                        if (Root(i) != Root(j) && Match(i, j)) parent[Root(i)] = Root(j);
                }
            }
            foreach (var key in keys[i].Indexed)
            {
                if (!seen.TryGetValue((reports[i].Perpetrator, key, reports[i].Day), out var bucket)) seen[(reports[i].Perpetrator, key, reports[i].Day)] = bucket = [];
                if (!bucket.TryGetValue(own ?? NoKey, out var members)) bucket[own ?? NoKey] = members = [];
                members.Add(i);
            }
        }

        // Day groups as they stand now: a group joins day groups, never one that itself joined another, so nothing chains.
        var dayGroup = Enumerable.Range(0, reports.Count).Select(Root).ToArray();
        var dated = new HashSet<int>(Enumerable.Range(0, reports.Count).Where(i => reports[i].Dated).Select(i => dayGroup[i]));
        var joins = new List<(int, int)>();
        foreach (var undated in Enumerable.Range(0, reports.Count).Where(i => !dated.Contains(dayGroup[i])).GroupBy(i => dayGroup[i]))
        {
            if (reports[undated.Key].Day is { } day)
                // Told with its article's date only: the latest dated group it matches within AttachDays before.
                for (var back = 1; back <= AttachDays; back++)
                {
                    var targets = undated.SelectMany(i => Near(i, day.AddDays(-back)).Where(j => dated.Contains(dayGroup[j]) && Match(i, j))).ToList();
                    joins.AddRange(targets.Select(j => (undated.Key, dayGroup[j])));
                    if (targets.Count > 0) break;
                }
            else
            {
                // No day at all ("les frappes ont visé Alep", undated article): it cannot be placed in time, so it is taken to
                // tell the latest strike it matches, dated or not.
                var matches = undated.SelectMany(i => Wanted(i).Where(j => reports[j].Day is not null && Match(i, j))).ToList();
                var latest = matches.Select(j => reports[j].Day).Max();
                joins.AddRange(matches.Where(j => reports[j].Day == latest).Select(j => (undated.Key, dayGroup[j])));
            }
        }
        foreach (var (a, b) in joins) parent[Root(a)] = Root(b);
        return Enumerable.Range(0, reports.Count).GroupBy(Root).Select(g => (IReadOnlyList<int>)g.ToList()).ToList();
    }

    /// <summary>The day of a strike report: the strike's own date, else its article's (null when neither is known).</summary>
    public static DateOnly? DayOf(DateOnly? strikeDate, DateOnly? publishedOn) => strikeDate ?? publishedOn;

    /// <summary>The day that owns a group: its earliest (null when none of its reports has a day).</summary>
    public static DateOnly? Owner(IEnumerable<DateOnly?> days) => days.Min();

    /// <summary>The days whose groups a change of a report on <paramref name="day"/> can alter: a group owned outside them is
    /// the same before and after.</summary>
    public static (DateOnly From, DateOnly To) OwnersAffectedBy(DateOnly day) => (day.AddDays(-2 * AttachDays), day.AddDays(AttachDays));

    /// <summary>The reports that decide every group owned in <see cref="OwnersAffectedBy"/>: its members lie within
    /// <see cref="AttachDays"/> after their owner, and an undated report looks back <see cref="AttachDays"/> for a dated one.</summary>
    public static (DateOnly From, DateOnly To) ReportsDecidingAround(DateOnly day) => (day.AddDays(-3 * AttachDays), day.AddDays(2 * AttachDays));
}
