using Claims.Domain.Application;

namespace Claims.Api.Contradictions;

/// <summary>
/// `?actor=` of GET /contradictions (and `claims contradictions --actor`) takes an actor id or a name or alias ("Lavrov"):
/// the domain filters by id, so a name is first resolved through the accent- and case-insensitive actor search,
/// and the contradictions of every matching actor are returned.
/// </summary>
public static class ActorFilter
{
    public static async Task<IReadOnlyList<ContradictionView>> ListAsync(IClaimsApplication app, string? status, string? actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(actor)) return await app.ListContradictionsAsync(status, null, ct);
        actor = actor.Trim();
        var matches = await app.SearchActorsAsync(actor, ct);
        var ids = matches.Any(m => m.Id == actor) ? [actor] : matches.Select(m => m.Id).ToList();
        if (ids.Count == 0) ids = [actor];  // an id the search does not know: let the domain answer (empty list)

        var result = new List<ContradictionView>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
            foreach (var contradiction in await app.ListContradictionsAsync(status, id, ct))
                if (seen.Add(contradiction.Id)) result.Add(contradiction);
        return result;
    }
}
