namespace Claims.Api.Auth;

/// <summary>The roles an API key may carry; each is also the name of the authorization policy that requires it.</summary>
public static class WriteRoles
{
    /// <summary>POST /articles.</summary>
    public const string Ingest = "ingest";

    /// <summary>Verdicts on contradictions and corrections of records.</summary>
    public const string Review = "review";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { Ingest, Review };
}
