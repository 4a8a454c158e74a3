namespace Claims.Extraction.Contradictions;

/// <summary>A record of an article: ArticleKey is the file name for the CLI, the article id for the projections.</summary>
public sealed record RecordKey(string ArticleKey, string RecordId)
{
    public override string ToString() => $"{ArticleKey}:{RecordId}";
}

/// <summary>One record given to the finder: a <see cref="Statement"/>, <see cref="Strike"/> or <see cref="Dispute"/> of an article.</summary>
public sealed record ArticleRecord(string ArticleKey, DateOnly? PublishedOn, object Record)
{
    public string RecordId => Record switch
    {
        Statement s => s.Id,
        Strike k => k.Id,
        Dispute d => d.Id,
        _ => throw new ArgumentException($"unsupported record type {Record.GetType().Name}"),
    };
    public RecordKey Key => new(ArticleKey, RecordId);
}

public sealed record ContradictionSide(string Position, IReadOnlyList<RecordKey> Records);

/// <summary>Claims that cannot all be true. Kind: "different-targets" | "claim-and-denial" | "different-numbers".
/// Id is derived from the content (kind + subject), so the same input always yields the same ids.</summary>
public sealed record Contradiction(string Id, string About, string Kind, IReadOnlyList<ContradictionSide> Sides)
{
    public const string DifferentTargets = "different-targets";
    public const string ClaimAndDenial = "claim-and-denial";
    public const string DifferentNumbers = "different-numbers";
}
