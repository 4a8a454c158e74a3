namespace Claims.Domain.Events;

// Value parts of the events. Owned by the domain (not the extractor's types), so a change in the extractor's model
// never changes what is stored: mapping lives in Articles/RecordMapping.cs.

/// <summary>An actor as resolved when the record was made: stable id and canonical name.</summary>
public sealed record ActorData(string Id, string Name);

/// <summary>A place: id, canonical name and, when the gazetteer knows it, its province.</summary>
public sealed record PlaceData(string Id, string Name, string? Province = null);

/// <summary>What a record says about whom a striker hits ("jihadists" | "opposition"); needed by the contradiction finder.</summary>
public sealed record StanceData(ActorData Striker, string Position, bool FromStrikerSide, string? Weekday = null);

internal static class Same
{
    public static bool List<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    public static bool Dictionary(IReadOnlyDictionary<string, int>? a, IReadOnlyDictionary<string, int>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Count == b.Count
                                  && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value));

    public static int Hash<T>(IEnumerable<T>? items)
    {
        var hash = new HashCode();
        foreach (var item in items ?? []) hash.Add(item);
        return hash.ToHashCode();
    }
}
