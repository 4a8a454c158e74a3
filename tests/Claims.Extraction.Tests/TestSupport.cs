namespace Claims.Extraction.Tests;

/// <summary>One extractor for all tests (it is thread-safe and costly to build), and the repository's folders.</summary>
public static class TestSupport
{
    private static readonly Lazy<ArticleExtractor> Shared = new(() => new ArticleExtractor());
    public static ArticleExtractor Extractor => Shared.Value;

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Claims.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root (Claims.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public static ArticleExtraction Extract(string text, DateOnly? publishedOn = null) =>
        Extractor.Extract(new ArticleInput("snippet.txt", text) { PublishedOn = publishedOn });

    public static string Slice(ArticleExtraction a, Span s) => a.Text[s.Start..s.End];

    /// <summary>A neutral opening paragraph that reports nothing: a text of one short paragraph is refused as page furniture,
    /// so sentences under test follow it to be read as an article's body.</summary>
    public const string Lead = "La situation reste tendue depuis plusieurs semaines dans la région, où les habitants attendent une accalmie durable.";
}
