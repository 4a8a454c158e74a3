using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Mentions;

/// <summary>Whether two actors speak for one side. The readers need three different answers, kept together here so that the
/// difference between them shows: a dispute never answers its own state's official voice (<see cref="SameVoice"/>), never sets
/// a camp against itself (<see cref="SameCamp"/>), and a strike told again is one record only when its very source tells it
/// again (<see cref="SameSource"/>).</summary>
public static class Voices
{
    /// <summary>One official voice: an actor, or actors acting for one body (a state and the minister or institution acting for
    /// it, two ministries of one state). The side an actor is on does not count: unnamed sources of that state may still
    /// contradict its government.</summary>
    public static bool SameVoice(ActorEntry a, ActorEntry b) => a.Id == b.Id || Body(a) == Body(b);

    /// <summary>One camp: one official voice, or an actor on the side of the other's body (a person or an unnamed source of that
    /// state, a group on its side).</summary>
    public static bool SameCamp(ActorEntry a, ActorEntry b) => SameVoice(a, b) || a.Side == Body(b) || b.Side == Body(a);

    /// <summary>One source of a strike's telling: an actor, a person or unnamed source standing for it ("Rami Abdel Rahmane,
    /// directeur de l'OSDH"), or the spokesman listed for it ("Le ministère russe de la Défense a annoncé…" then "…a déclaré
    /// Igor Konachenkov"). Neither a voice nor a camp, on purpose: one teller and those speaking in its very name, so that two
    /// bodies acting for one state, or two persons of one side, each tell a record of their own, and those records are what
    /// contradictions are found between.</summary>
    public static bool SameSource(ActorEntry? a, ActorEntry? b, KnowledgeBase kb) =>
        a is not null && b is not null && (a.Id == b.Id || StandsFor(a) == b.Id || StandsFor(b) == a.Id
            || kb.SpokesmanFor.GetValueOrDefault(a.Id)?.Id == b.Id || kb.SpokesmanFor.GetValueOrDefault(b.Id)?.Id == a.Id);

    // The body an actor's words are official for: the one it acts for, else itself.
    private static string Body(ActorEntry x) => x.ActsFor ?? x.Id;

    // What a person or an unnamed source stands for: its side, else the body it acts for; other actors stand for themselves only.
    private static string? StandsFor(ActorEntry x) => x.Kind is "person" or "anonymous" ? x.Side ?? x.ActsFor : null;
}
