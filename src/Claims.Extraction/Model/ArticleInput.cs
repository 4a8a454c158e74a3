namespace Claims.Extraction;

/// <summary>One article to extract: its text (plain) or its HTML page, plus metadata when known (a manifest, the ingestion request).</summary>
public sealed record ArticleInput(string File, string? Text = null, string? Html = null)
{
    public string? Outlet { get; init; }
    public string? Title { get; init; }
    public DateOnly? PublishedOn { get; init; }
    public string? Url { get; init; }
}
