using Claims.Domain.Application;

namespace Claims.Api.Contradictions;

/// <summary>
/// `?actor=` of GET /contradictions (and `claims contradictions --actor`) takes an actor id or a name or alias ("Lavrov"):
/// the domain filters by id, so a name is first resolved through the accent- and case-insensitive actor search,
/// and the contradictions of every matching actor are returned.
/// </summary>
public static class ActorFilter
{
    /// <summary>Every page, one after the other (the command line prints them all).</summary>
    public static async Task<IReadOnlyList<ContradictionView>> ListAllAsync(IClaimsApplication app, string? status, string? actor, CancellationToken ct = default)
    {
        var all = new List<ContradictionView>();
        var page = new ContradictionPage(Limit: ContradictionPage.MaxLimit);
        while (true)
        {
            var next = await ListAsync(app, status, actor, page, ct);
            all.AddRange(next);
            if (next.Count < page.Limit) return all;
            page = page with { After = next[^1].Id };
        }
    }

    public static async Task<IReadOnlyList<ContradictionView>> ListAsync(IClaimsApplication app, string? status, string? actor, ContradictionPage? page = null, CancellationToken ct = default)
    {
        page ??= new ContradictionPage();
        if (string.IsNullOrWhiteSpace(actor)) return await app.ListContradictionsAsync(status, null, page, ct);
        actor = actor.Trim();
        var matches = await app.SearchActorsAsync(actor, ct);
        var ids = matches.Any(m => m.Id == actor) ? [actor] : matches.Select(m => m.Id).ToList();
        if (ids.Count == 0) ids = [actor];  // an id the search does not know: let the domain answer (empty list)

        var result = new List<ContradictionView>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
            foreach (var contradiction in await app.ListContradictionsAsync(status, id, page, ct))
                if (seen.Add(contradiction.Id)) result.Add(contradiction);
        // Each actor's page is in id order; merged, the page is the first `limit` of them, still in id order.
        return result.OrderBy(c => c.Id, StringComparer.Ordinal).Take(page.Limit).ToList();
    }
}
