using System.Text.RegularExpressions;

namespace Claims.Api.Errors;

/// <summary>
/// A query, route or header value minimal APIs could not bind (<c>?limit=abc</c>, <c>?limit=99999999999999999999</c>). With
/// <c>RouteHandlerOptions.ThrowOnBadRequest</c> the framework throws instead of answering a bare 400, and its message names the
/// parameter ("Failed to bind parameter "int? limit" from "abc"."): that one place turns every binding failure of every
/// endpoint into a 400 naming the parameter. Tests assert the field, so a change of the framework's wording shows.
/// </summary>
public sealed partial record BindingFailure(string Parameter, string Message)
{
    [GeneratedRegex("""^(?:Failed to bind parameter|Required parameter) "(?<type>[^"]+?) (?<name>[^" ]+)"(?: from "(?<value>.*)")?""", RegexOptions.Singleline)]
    private static partial Regex Pattern();

    public static BindingFailure? Parse(string message)
    {
        var match = Pattern().Match(message);
        if (!match.Success) return null;
        var (type, name) = (match.Groups["type"].Value, match.Groups["name"].Value);
        if (!match.Groups["value"].Success) return new BindingFailure(name, $"{name} is required.");
        var value = match.Groups["value"].Value;
        return new BindingFailure(name, $"'{Shorten(value)}' is not a valid {name}: give {Expected(type)}.");
    }

    // The framework writes "int?" or "Nullable<int>" depending on the parameter.
    private static string Expected(string type) => type.TrimEnd('?').Replace("Nullable<", "").TrimEnd('>') switch
    {
        "int" or "long" or "Int32" or "Int64" => "a whole number",
        "DateOnly" => "a date written yyyy-MM-dd",
        "bool" or "Boolean" => "true or false",
        var other => $"a value of type {other}",
    };

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
