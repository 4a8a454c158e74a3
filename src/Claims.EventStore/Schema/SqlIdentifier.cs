using System.Text.RegularExpressions;

namespace Claims.EventStore.Schema;

/// <summary>Schema and table names are spliced into SQL text, so only plain lower-case identifiers are accepted.</summary>
public static partial class SqlIdentifier
{
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Plain();

    public static string Validate(string name, string what) =>
        Plain().IsMatch(name)
            ? name
            : throw new ArgumentException($"{what} '{name}' is not a plain PostgreSQL identifier (lower-case letters, digits, underscores; at most 63 characters).", what);
}
