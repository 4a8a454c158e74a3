using System.Buffers;
using Claims.Domain.Application;

namespace Claims.Api.Hygiene;

/// <summary>
/// Characters PostgreSQL cannot store, refused at the edge with a 400 naming the field rather than a 500 from the database:
/// NUL (text columns refuse 0x00, error 22021; jsonb refuses \u0000, error 22P05) and lone UTF-16 surrogates (no UTF-8
/// encoding exists for them). Refused, not normalised: silently dropping a character would change a quoted statement or an id.
/// </summary>
public static class TextHygiene
{
    private static readonly SearchValues<char> Suspects = SearchValues.Create("\0" + new string(Enumerable.Range(0xD800, 0x800).Select(c => (char)c).ToArray()));

    /// <summary>What is wrong with <paramref name="value"/>, or null when PostgreSQL can store it.</summary>
    public static string? Problem(string? value)
    {
        // Most text has neither: a vectorised search finds the first suspect, if any, and the loop starts there.
        var first = value is null ? -1 : value.AsSpan().IndexOfAny(Suspects);
        if (first < 0) return null;
        for (var i = first; i < value!.Length; i++)
        {
            var c = value[i];
            if (c == '\0') return $"holds a NUL character (U+0000) at position {i}; it cannot be stored.";
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
                return $"holds a lone surrogate (U+{(int)c:X4}) at position {i}; it is not a character and cannot be stored.";
            }
            if (char.IsLowSurrogate(c)) return $"holds a lone surrogate (U+{(int)c:X4}) at position {i}; it is not a character and cannot be stored.";
        }
        return null;
    }

    /// <summary>Throws a <see cref="RequestValidationException"/> naming <paramref name="field"/> when the value cannot be stored.</summary>
    public static void Check(string field, string? value)
    {
        if (Problem(value) is { } problem) throw new RequestValidationException(field, $"{field} {problem}");
    }
}
