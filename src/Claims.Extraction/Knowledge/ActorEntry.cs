namespace Claims.Extraction.Knowledge;

/// <summary>An actor of the knowledge base (or one met in an article: a titled person, an anonymous source).</summary>
public sealed record ActorEntry(string Id, string Name, string Kind, string? Side, string? ActsFor, string? TargetClass, IReadOnlyList<string> GenericNouns)
{
    /// <summary>The state whose strikes this actor's announcements describe (armée russe → Russie).</summary>
    public string Striker => ActsFor ?? Id;
    public bool IsState => Kind == "state";
}

/// <summary>A place of the gazetteer. Provinces are entries of kind "province" named "province de X".</summary>
public sealed record PlaceEntry(string Id, string Name, string Kind, string? ProvinceId, string? ProvinceName)
{
    public bool IsCountry => Kind == "country";
}

public enum VerbFormKind { Finite, Participle, PresentParticiple, Infinitive }

public sealed record ReportingVerb(string Lemma, string Complement, bool Dispute, bool NeedsQue, bool NeedsQuote, bool Reflexive)
{
    /// <summary>Its words are a threat or a promise ("a menacé", reporting-verbs.json "irrealis"): a strike in them is not reported.</summary>
    public bool Irrealis { get; init; }
}

public sealed record VerbForm(ReportingVerb Verb, VerbFormKind Kind, bool AlsoFinite = false);
