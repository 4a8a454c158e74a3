namespace Claims.Extraction;

/// <summary>An actor named by its canonical name; Id is a stable slug (knowledge-base id, or derived from the name for actors met in the text).</summary>
public sealed record ActorRef(string Id, string Name);

/// <summary>A place by canonical name; Province is the canonical province name when the gazetteer knows it.</summary>
public sealed record PlaceRef(string Id, string Name, string? Province = null);

/// <summary>Character offsets [Start, End) into <see cref="ArticleExtraction.Text"/>.</summary>
public readonly record struct Span(int Start, int End)
{
    public int Length => End - Start;
    public bool Contains(Span other) => Start <= other.Start && other.End <= End;
    public bool Overlaps(Span other) => Start < other.End && other.Start < End;
}
