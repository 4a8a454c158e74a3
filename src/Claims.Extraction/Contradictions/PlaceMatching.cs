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

    public static bool SharePlace(IEnumerable<(string Id, string? Province)> x, IEnumerable<(string Id, string? Province)> y)
    {
        var ys = y.Where(p => !IsCountry(p.Id)).ToList();
        return x.Where(p => !IsCountry(p.Id)).Any(a => ys.Any(b => a.Id == b.Id || Within(a, b) || Within(b, a)));
    }

    private static bool Within((string Id, string? Province) place, (string Id, string? Province) province) =>
        IsProvince(province.Id) && place.Province is { } p && (p == province.Province || Norm(p) == Norm(province.Province ?? ""));

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
}
