namespace Claims.Extraction.Text;

/// <summary>
/// A wire dateline opening a sentence: "MOSCOU, 8 octobre 2015 (AFP) -", "LE CAIRE (Reuters) -", "BAKOU/EREVAN (Reuters) -",
/// "Beyrouth, 8 octobre (AFP) -", "ALEP (Syrie), 16 octobre 2015 (AFP) -", "(AFP) -", "KABOUL -". It names where the dispatch was filed: neither a speaker's words
/// nor an actor, a striker or a place struck. Only the sentence's first tokens are looked at.
/// </summary>
public static class Dateline
{
    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal) { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "er" };

    /// <summary>How far a dateline reaches: a place and a date in at most this many tokens, before the agency and the dash.</summary>
    private const int MaxTokens = 12;

    /// <summary>Where the sentence's own words start: after the dateline, or <paramref name="first"/> when there is none.</summary>
    public static int End(string text, IReadOnlyList<Token> tokens, int first, int end, IReadOnlyDictionary<string, int> months)
    {
        // The place (capitalised words, several joined by "/"), then maybe a date (", 8 octobre 2015", "mardi").
        var k = first;
        var places = 0;
        var capitals = true;
        while (k < end && k - first < MaxTokens)
        {
            var t = tokens[k];
            if (t.Kind == TokenKind.Word && t.Cap && !months.ContainsKey(t.Norm) && !DateWords.Contains(t.Norm))
            {
                places++;
                capitals &= IsUpper(text.AsSpan(t.Start, t.End - t.Start));
            }
            else if (t.Norm == "(" && places > 0 && CountryInBrackets(tokens, k, end) is var closing and > 0)
            {
                // "ALEP (Syrie), 16 octobre 2015 (AFP) -": the place's country in brackets, not yet the agency (no dash after it).
                k = closing;
            }
            else if (!(t.Kind == TokenKind.Number || months.ContainsKey(t.Norm) || DateWords.Contains(t.Norm) || t.Norm is "/" or ","))
            {
                break;
            }
            k++;
        }
        if (k >= end) return first;
        // The agency in brackets ("(AFP)", "(Reuters)") and the dash; or, after a place in capitals, the dash alone.
        if (tokens[k].Norm == "(")
        {
            var close = k + 1;
            while (close < end && close - k <= 4 && tokens[close].Norm != ")" && (tokens[close].Cap || tokens[close].Norm is "/" or ",")) close++;
            return close > k + 1 && close + 1 < end && tokens[close].Norm == ")" && IsDash(tokens[close + 1].Norm) ? close + 2 : first;
        }
        return places > 0 && capitals && IsDash(tokens[k].Norm) ? k + 1 : first;
    }

    /// <summary>At "(": the ")" of a bracket of a few words opening with a capital ("(Syrie)", "(Territoires palestiniens)") that
    /// no dash follows (an agency's bracket is followed by the dash), or 0.</summary>
    private static int CountryInBrackets(IReadOnlyList<Token> tokens, int open, int end)
    {
        if (open + 2 >= end || !tokens[open + 1].Cap) return 0;
        for (var close = open + 2; close < end && close - open <= 4; close++)
        {
            if (tokens[close].Norm != ")") continue;
            return close + 1 < end && !IsDash(tokens[close + 1].Norm) ? close : 0;
        }
        return 0;
    }

    private static bool IsDash(string norm) => norm is "-" or "–" or "—";

    private static bool IsUpper(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }
}
