namespace Claims.Extraction.Contradictions;

/// <summary>When two reports speak of the same place: the same place, or a province and a place inside it (two towns of one
/// province are not the same place; a country is too wide to be one). Shared by the contradiction finder and the strike
/// incidents, and by the projections that index strikes by place so that a new report meets only its possible matches.</summary>
public static class PlaceMatching
{
    // Too wide to place a strike: "en Syrie" says nothing about which strikes are the same.
    private static readonly HashSet<string> Countries =
        ["syrie", "irak", "iran", "turquie", "liban", "jordanie", "israel", "russie", "yemen", "libye", "afghanistan"];

    public static bool IsCountry(string placeId) => Countries.Contains(placeId);

    public static bool SharePlace(IEnumerable<(string Id, string? Province)> x, IEnumerable<(string Id, string? Province)> y)
    {
        var ys = y.Where(p => !IsCountry(p.Id)).ToList();
        return x.Where(p => !IsCountry(p.Id)).Any(a => ys.Any(b => a.Id == b.Id || Within(a, b) || Within(b, a)));
    }

    private static bool Within((string Id, string? Province) place, (string Id, string? Province) province) =>
        IsProvince(province.Id) && place.Province is { } p && Norm(p) == Norm(province.Province ?? "");

    private static bool IsProvince(string id) => id.StartsWith("province-", StringComparison.Ordinal);

    private static string Norm(string s) => Text.Fold.Slug(s);

    /// <summary>Keys to index a report's places under (<c>Indexed</c>) and to look its possible matches up with (<c>Wanted</c>):
    /// if <see cref="SharePlace"/> holds for x and y, some key of x.Wanted is in y.Indexed. "id:" is the place itself; "in:P" is
    /// any place of province P, "province:P" the province itself.</summary>
    public static (IReadOnlyList<string> Indexed, IReadOnlyList<string> Wanted) Keys(IEnumerable<(string Id, string? Province)> places)
    {
        var indexed = new List<string>();
        var wanted = new List<string>();
        foreach (var (id, province) in places.Where(p => !IsCountry(p.Id)))
        {
            indexed.Add("id:" + id);
            wanted.Add("id:" + id);
            if (province is null) continue;
            var key = Norm(province);
            indexed.Add("in:" + key);
            wanted.Add("province:" + key);
            if (!IsProvince(id)) continue;
            indexed.Add("province:" + key);
            wanted.Add("in:" + key);
        }
        return (indexed.Distinct().ToList(), wanted.Distinct().ToList());
    }

    /// <summary>
    /// The pairs (i &lt; j) of reports that may be of one event: same perpetrator, a place key of one meeting the other's
    /// (<see cref="Keys"/>), and days at most <paramref name="windowDays"/> apart (an unknown day meets any). A superset of the
    /// pairs a grouping rule accepts, found through buckets of (perpetrator, key, day) rather than by comparing every pair,
    /// so grouping thousands of reports of one striker over months stays near linear. Each pair comes once.
    /// </summary>
    public static IEnumerable<(int First, int Second)> CandidatePairs(
        IReadOnlyList<(string Perpetrator, IReadOnlyList<(string Id, string? Province)> Places, DateOnly? Day)> reports, int windowDays)
    {
        var keys = reports.Select(r => Keys(r.Places)).ToList();
        var byDay = new Dictionary<(string, string, DateOnly?), List<int>>();
        var byKey = new Dictionary<(string, string), List<int>>();
        for (var i = 0; i < reports.Count; i++)
            foreach (var key in keys[i].Indexed)
            {
                Add(byDay, (reports[i].Perpetrator, key, reports[i].Day), i);
                Add(byKey, (reports[i].Perpetrator, key), i);
            }
        var seen = new HashSet<(int, int)>();
        for (var i = 0; i < reports.Count; i++)
        {
            var (perpetrator, _, day) = reports[i];
            foreach (var wanted in keys[i].Wanted)
            {
                IEnumerable<int> near = day is { } d
                    ? Enumerable.Range(-windowDays, 2 * windowDays + 1).Select(offset => (DateOnly?)d.AddDays(offset)).Append(null)
                        .SelectMany(x => byDay.GetValueOrDefault((perpetrator, wanted, x)) ?? [])
                    : byKey.GetValueOrDefault((perpetrator, wanted)) ?? [];
                foreach (var j in near)
                    if (j != i && seen.Add((Math.Min(i, j), Math.Max(i, j))))
                        yield return (Math.Min(i, j), Math.Max(i, j));
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<int>> index, TKey key, int value) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(value);
    }
}
