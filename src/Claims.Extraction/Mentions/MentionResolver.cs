using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Mentions;

/// <summary>Resolves references in reading order: "le général" → the last person named, "cette source" → the last source
/// of that kind, "l'ONG" → the last actor known as one, "les ministres ... de la coalition" → the organisation.</summary>
public static class MentionResolver
{
    /// <summary>Resolves <paramref name="mentions"/> in place, the article's places deciding which actor a generic noun means
    /// when the article names none of those it may mean (the knowledge base's theatres).</summary>
    public static void Resolve(List<Mention> mentions, KnowledgeBase kb, IReadOnlyList<PlaceMention> places, Func<int, bool>? inQuote = null)
    {
        HashSet<string>? present = null;
        ActorEntry? ByTheatre(string noun)
        {
            if (kb.Theatres.Count == 0 || !kb.GenericNouns.TryGetValue(noun, out var candidates) || candidates.Count < 2) return null;
            if (present is null)
            {
                present = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in places) { present.Add(p.Place.Id); if (p.Place.ProvinceId is { } prov) present.Add(prov); }
                foreach (var x in mentions) if (x.Actor is { } a) present.Add(a.Id);
            }
            return candidates.FirstOrDefault(c => kb.Theatres.TryGetValue(c.Id, out var t) && t.Overlaps(present));
        }
        ActorEntry? lastPerson = null;
        ActorEntry? lastBody = null;
        var lastBySide = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        var lastBodyAt = 0;
        // "le journal", "l'agence": the medium last named.
        ActorEntry? lastMedia = null;
        var byGeneric = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        var byHead = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            switch (m.Kind)
            {
                case MentionKind.GenericRole when m.CounterpartIn is { } nation:
                    // "Sergueï Lavrov … son homologue américain": whoever holds the same role in that nation, when the knowledge base
                    // knows them; never the person last named.
                    // "Sergueï Lavrov a rencontré John Kerry. Son homologue américain…": the counterpart named last is that one.
                    if (lastPerson is { } named) m.Actor ??= (named.ActsFor ?? named.Side) == nation.Id ? named : kb.CounterpartOf(named, nation);
                    break;
                case MentionKind.GenericRole when m.Possessive:
                    // "Le ministère russe de la Défense … son porte-parole": the body last named (within a few sentences) speaks.
                    if (lastBody is not null && m.Start - lastBodyAt < 80) m.Actor ??= lastBody;
                    break;
                case MentionKind.GenericRole when m.Described is { } described:
                    // "Sergueï Lavrov … John Kerry … Le ministre russe": the last person of that nation holding that title.
                    m.Actor ??= lastPerson is { } p && (p.Side ?? p.ActsFor) == described.Side ? lastPerson
                        : described.Side is { } side && lastBySide.GetValueOrDefault(side) is { } q && m.Head is { } title
                          && (kb.AnyOfficeTitles.Contains(title) || kb.RoleTitleWords.TryGetValue(q.Id, out var titles) && titles.Contains(title)) ? q : described;
                    break;
                case MentionKind.GenericRole:
                    m.Actor ??= lastPerson;
                    break;
                case MentionKind.Demonstrative when m.Head is { } head:
                    m.Actor ??= byHead.GetValueOrDefault(head);
                    break;
                case MentionKind.Generic when m.Media:
                    m.Actor ??= lastMedia;
                    break;
                case MentionKind.Generic when m.Head is { } noun:
                    // The actor last named with that noun, else the knowledge base's default for it ("la coalition": the
                    // international one unless the article named another coalition before), else the only one it knows.
                    m.Actor ??= byGeneric.GetValueOrDefault(noun) ?? ByTheatre(noun) ?? kb.GenericDefaults.GetValueOrDefault(noun)
                        ?? (kb.GenericNouns.TryGetValue(noun, out var listed) && listed.Count == 1 ? listed[0] : null);
                    break;
                case MentionKind.PluralRole:
                    for (var k = i + 1; k < mentions.Count && mentions[k].Start - m.End < 14; k++)
                        if (mentions[k].Actor is { Kind: not "person" and not "anonymous" } org && mentions[k].Kind == MentionKind.Name) { m.Actor = org; break; }
                    break;
            }
            if (m.Actor is not { } actor) continue;
            if (actor.Kind == "person") { lastPerson = actor; if ((actor.Side ?? actor.ActsFor) is { } ps) lastBySide[ps] = actor; }
            else if (actor.Kind is not ("anonymous" or "armed-group") && m.Kind != MentionKind.Adjectival && (m.Prep is null || actor.Kind is "institution" or "media" && m.Prep is "de" or "d" or "du" or "des" or "selon" or "par") && inQuote?.Invoke(m.Start) != true) { lastBody = actor; lastBodyAt = m.End; }
            if (actor.Kind == "media") lastMedia = actor;
            foreach (var g in actor.GenericNouns) byGeneric[g] = actor;
            if (m.Kind == MentionKind.Anonymous && m.Head is { } h) byHead[h] = actor;
        }
    }
}
