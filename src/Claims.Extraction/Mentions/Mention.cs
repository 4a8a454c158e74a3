using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Mentions;

public enum MentionKind { Name, Role, Demonym, Adjectival, Anonymous, Demonstrative, Generic, Pronoun, GenericRole, PluralRole }

/// <summary>A reference to an actor in the text, tokens [Start, End). Actor is filled once resolved (pronouns are resolved
/// by the statement reader, against the last speaker). Prep: the preposition governing the mention (de, par, selon...), if any.</summary>
public sealed class Mention(int start, int end, MentionKind kind)
{
    public int Start { get; } = start;
    public int End { get; set; } = end;
    public MentionKind Kind { get; } = kind;
    public ActorEntry? Actor { get; set; }
    public string? Head { get; init; }
    public string? Prep { get; set; }
    /// <summary>The mention takes in an apposition closed by a comma ("Peter Cook, porte-parole du Pentagone,").</summary>
    public bool Apposed { get; set; }
    /// <summary>A medium's bare head ("le journal", "l'agence"): it refers to the medium last named.</summary>
    public bool Media { get; init; }
    /// <summary>A title after a possessive ("son porte-parole"): it speaks for the body named just before.</summary>
    public bool Possessive { get; init; }
    /// <summary>"l'ambassadeur russe": the person this description names when the person last named is of another nation.</summary>
    public ActorEntry? Described { get; init; }
    /// <summary>"son homologue américain": the state whose holder of the role of the person last named this names.</summary>
    public ActorEntry? CounterpartIn { get; init; }
    /// <summary>"la même source", "cette source", "l'une de ces sources": the source last quoted (the statement reader resolves it
    /// against its last speaker).</summary>
    public bool SameSource { get; init; }
    public bool IsPerson => Actor?.Kind == "person";
    public override string ToString() => $"{Kind}:{Actor?.Name ?? Head}@{Start}-{End}";
}

/// <summary>A place named in the text. Anaphoric: "la province" / "celle d'Idleb" resolved against the previous province.</summary>
public sealed record PlaceMention(int Start, int End, PlaceEntry Place);
