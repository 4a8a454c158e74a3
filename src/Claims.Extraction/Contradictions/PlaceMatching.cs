using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Contradictions;

/// <summary>When two reports speak of the same place: the same place, or a province and a place inside it (two towns of one
/// province are not the same place; a country is too wide to be one). Shared by the contradiction finder and the strike
/// incidents, and by the projections that index strikes by place key so that a change meets only the reports it can touch.</summary>
public static class PlaceMatching
{
    // Too wide to place a strike: "en Syrie" says nothing about which strikes are the same. The embedded knowledge base's
    // countries, whichever knowledge base extracted the records: the read models index strikes by these keys and must group
    // a strike the same way however it was extracted (a country id is the slug of its name either way).
    public static bool IsCountry(string placeId) => KnowledgeBase.Embedded.CountryPlaces.Contains(placeId);

    // SharePlace and Keys run for every pair and every report a read-model batch regroups (hundreds of reports a batch under
    // ingest load): written without LINQ, and with the provinces' slugs and the keys' strings made once, they stopped being
    // the read models' largest allocator (170 MB in Keys and 60 MB in SharePlace out of 1.3 GB sampled in 10 s of ingest).
    public static bool SharePlace(IEnumerable<(string Id, string? Province)> x, IEnumerable<(string Id, string? Province)> y)
    {
        List<(string Id, string? Province)>? ys = null;
        foreach (var b in y) if (!IsCountry(b.Id)) (ys ??= []).Add(b);
        if (ys is null) return false;
        foreach (var a in x)
        {
            if (IsCountry(a.Id)) continue;
            foreach (var b in ys) if (a.Id == b.Id || Within(a, b) || Within(b, a)) return true;
        }
        return false;
    }

    private static bool Within((string Id, string? Province) place, (string Id, string? Province) province) =>
        IsProvince(province.Id) && place.Province is { } p && (p == province.Province || Norm(p) == Norm(province.Province ?? ""));

    private static bool IsProvince(string id) => id.StartsWith("province-", StringComparison.Ordinal);

    private static string Norm(string s) => Cached(Slugs, s, static p => Text.Fold.Slug(p));

    // Bounded: place and province names are few in a corpus, but open-class places are not listed anywhere, so a long-running
    // server stops caching past this many rather than growing without end.
    private const int MaxCached = 50_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Slugs = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> IdKeys = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> InKeys = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> ProvinceKeys = new(StringComparer.Ordinal);

    private static string Cached(System.Collections.Concurrent.ConcurrentDictionary<string, string> cache, string s, Func<string, string> make)
    {
        if (cache.TryGetValue(s, out var made)) return made;
        made = make(s);
        if (cache.Count < MaxCached) cache.TryAdd(s, made);
        return made;
    }

    private static void AddOnce(List<string> keys, string key)
    {
        if (!keys.Contains(key)) keys.Add(key);
    }

    /// <summary>Keys to index a report's places under (<c>Indexed</c>) and to look its possible matches up with (<c>Wanted</c>):
    /// if <see cref="SharePlace"/> holds for x and y, some key of x.Wanted is in y.Indexed. "id:" is the place itself; "in:P" is
    /// any place of province P, "province:P" the province itself.</summary>
    public static (IReadOnlyList<string> Indexed, IReadOnlyList<string> Wanted) Keys(IEnumerable<(string Id, string? Province)> places)
    {
        var indexed = new List<string>(4);
        var wanted = new List<string>(4);
        foreach (var (id, province) in places)
        {
            if (IsCountry(id)) continue;
            var idKey = Cached(IdKeys, id, static i => "id:" + i);
            AddOnce(indexed, idKey);
            AddOnce(wanted, idKey);
            if (province is null) continue;
            var key = Norm(province);
            var inKey = Cached(InKeys, key, static k => "in:" + k);
            var provinceKey = Cached(ProvinceKeys, key, static k => "province:" + k);
            AddOnce(indexed, inKey);
            AddOnce(wanted, provinceKey);
            if (!IsProvince(id)) continue;
            AddOnce(indexed, provinceKey);
            AddOnce(wanted, inKey);
        }
        return (indexed, wanted);
    }
}
