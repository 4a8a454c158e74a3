using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Claims.Api.Hygiene;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Claims.Api.Json;

/// <summary>
/// Reads a JSON request body ourselves rather than through minimal-API binding, so that malformed JSON, wrong types and
/// unknown fields become a 400 problem naming the field (<see cref="RequestValidationException"/>) instead of an empty 400.
/// </summary>
public static class JsonBody
{
    /// <summary>An endpoint whose body is read by <see cref="ReadAsync"/>: a JSON <typeparamref name="T"/>, and the refusals
    /// reading it can give beyond the 400 every route may answer (415 for another media type), described for OpenAPI.</summary>
    public static RouteHandlerBuilder AcceptsJsonBody<T>(this RouteHandlerBuilder endpoint) where T : notnull => endpoint
        .Accepts<T>("application/json")
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    public static async Task<T> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
            throw new BadHttpRequestException("Send the body as JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(request.Body, type, ct);
        }
        catch (JsonException e)
        {
            throw Invalid(e, type);
        }
        if (value is null) throw new RequestValidationException("body", "The body is null; send a JSON object.");
        // Every string field of every body, through its JSON metadata: a verdict note, a correction or a title with a NUL is
        // named here instead of failing in PostgreSQL, and a field added later is covered without a check of its own.
        foreach (var property in type.Properties)
            if (property.PropertyType == typeof(string) && property.Get is { } get)
                TextHygiene.Check(property.Name, (string?)get(value));
        return value;
    }

    private static RequestValidationException Invalid(JsonException e, JsonTypeInfo type)
    {
        // "The JSON property 'x' could not be mapped to any .NET member" is reported at the object, not at 'x'.
        if (e.Message.StartsWith("The JSON property '", StringComparison.Ordinal))
        {
            var name = e.Message["The JSON property '".Length..].Split('\'')[0];
            var known = string.Join(", ", type.Properties.Select(p => p.Name));
            return new RequestValidationException(name, $"Unknown field '{name}'. Known fields: {known}.");
        }
        var field = FieldOf(e.Path);
        // The reader's own errors (truncated or malformed JSON, invalid UTF-8 between tokens) come wrapped; their message
        // says what and where, which is the problem to name, whatever property the reader was in.
        if (e.InnerException is JsonException syntax)
            return new RequestValidationException("body", $"The body is not valid JSON: {Where(syntax.Message, e)}");
        // Text that cannot become a .NET string: invalid UTF-8 inside a string, or an escaped lone surrogate ("\ud800").
        if (e.InnerException is InvalidOperationException { Message: var cause } && !cause.StartsWith("Cannot get the value of a token type", StringComparison.Ordinal))
            return new RequestValidationException(field, $"'{field}' is not valid text: {cause.TrimEnd('.')} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        if (field == "body")
        {
            return e.Path is null or "$" && e.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? new RequestValidationException("body", "The body must be a JSON object.")
                : new RequestValidationException("body", $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }
        var property = type.Properties.FirstOrDefault(p => p.Name == field);
        var expected = property is null ? null : Describe(property.PropertyType);
        return new RequestValidationException(field,
            expected is null ? $"'{field}' is not valid JSON here." : $"'{field}' must be {expected}.");
    }

    private static string Where(string message, JsonException e) =>
        message.Contains("LineNumber", StringComparison.Ordinal) ? message : $"{message.TrimEnd('.')} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var end = field.IndexOfAny(['.', '[']);
        field = end > 0 ? field[..end] : field;
        return field.Length == 0 ? "body" : field;
    }

    private static string? Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "a string";
        if (type == typeof(DateOnly)) return "a date written yyyy-MM-dd";
        if (type == typeof(int) || type == typeof(long)) return "a whole number";
        if (type == typeof(bool)) return "true or false";
        return null;
    }
}
