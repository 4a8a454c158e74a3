namespace Claims.Extraction.Text;

/// <summary>"MOSCOU, 8 octobre 2015 (AFP) - L'aviation russe…", "LE CAIRE (Reuters) -": a wire dateline (a place in capitals,
/// a date, an agency in brackets, a dash) opening a sentence. It is neither a speaker's words nor an actor of the sentence.</summary>
public static class Dateline
{
    private static readonly HashSet<string> DateWords = new(StringComparer.Ordinal) { "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "er" };

    /// <summary>Where the sentence's own words start: after the dateline, or <paramref name="first"/> when there is none.</summary>
    public static int End(string text, IReadOnlyList<Token> tokens, int first, int end, IReadOnlyDictionary<string, int> months)
    {
        var k = first;
        var caps = 0;
        while (k < end && tokens[k].Kind == TokenKind.Word && tokens[k].End - tokens[k].Start >= 2 && IsUpper(text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start))) { k++; caps++; }
        if (caps == 0) return first;
        for (var j = k; j < Math.Min(end - 1, k + 12); j++)
        {
            var n = tokens[j].Norm;
            if (n is "-" or "–" or "—") return j + 1;
            if (tokens[j].IsWord && tokens[j].Kind != TokenKind.Number && !months.ContainsKey(n) && !(j > 0 && tokens[j - 1].Norm == "(") && !DateWords.Contains(n)) return first;
        }
        return first;
    }

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
