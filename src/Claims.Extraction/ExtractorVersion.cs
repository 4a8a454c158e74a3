namespace Claims.Extraction;

/// <summary>Version of the extraction rules and data. Bump it whenever a rule or a data file changes, so that
/// records extracted by different versions can be told apart (ingestion stores it with each article).</summary>
public static class ExtractorVersion
{
    public const string Value = "extractor-2026.7";
}
