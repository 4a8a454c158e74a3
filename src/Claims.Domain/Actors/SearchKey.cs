using System.Text;
using Claims.Extraction.Text;

namespace Claims.Domain.Actors;

/// <summary>Accent- and case-free form of a name for search ("Sergueï Lavrov" → "serguei lavrov"); computed in C# so the
/// database needs no unaccent extension.</summary>
public static class SearchKey
{
    public static string Of(string text)
    {
        var folded = Fold.Text(text);
        var sb = new StringBuilder(folded.Length);
        var space = true;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(c); space = false; }
            else if (!space) { sb.Append(' '); space = true; }
        }
        return sb.ToString().TrimEnd();
    }
}
