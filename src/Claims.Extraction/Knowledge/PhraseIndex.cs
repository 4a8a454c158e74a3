using Claims.Extraction.Text;

namespace Claims.Extraction.Knowledge;

/// <summary>Finds the longest lexicon phrase starting at a token, comparing folded words. Phrases written with a
/// capital letter (names) only match text that has a capital somewhere in the matched words.</summary>
public sealed class PhraseIndex<T>
{
    private readonly Dictionary<string, List<Entry>> _byFirst = new(StringComparer.Ordinal);

    private sealed record Entry(string[] Words, T Value, bool NeedsCapital);

    public void Add(string phrase, T value, bool? needsCapital = null)
    {
        var words = Fold.Words(phrase);
        if (words.Length == 0) return;
        var cap = needsCapital ?? phrase.Any(char.IsUpper);
        if (!_byFirst.TryGetValue(words[0], out var list)) _byFirst[words[0]] = list = [];
        if (list.Any(e => e.Words.SequenceEqual(words) && EqualityComparer<T>.Default.Equals(e.Value, value))) return;
        list.Add(new Entry(words, value, cap));
        list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>Longest match at tokens[i]; returns the number of tokens matched (0 when none).</summary>
    public int Match(IReadOnlyList<Token> tokens, int i, int end, out T value)
    {
        value = default!;
        if (i >= end || !tokens[i].IsWord || !_byFirst.TryGetValue(tokens[i].Norm, out var list)) return 0;
        foreach (var e in list)
        {
            var n = e.Words.Length;
            if (!Fits(tokens, i, end, e.Words)) continue;
            if (e.NeedsCapital && !AnyCapital(tokens, i, n)) continue;
            value = e.Value;
            return n;
        }
        return 0;
    }

    public bool Contains(string phrase) => Fold.Words(phrase) is { Length: > 0 } w && _byFirst.TryGetValue(w[0], out var l) && l.Any(e => e.Words.SequenceEqual(w));

    private static bool Fits(IReadOnlyList<Token> tokens, int i, int end, string[] words)
    {
        var k = i;
        foreach (var w in words)
        {
            if (k >= end || !tokens[k].IsWord || tokens[k].Norm != w) return false;
            k++;
        }
        return true;
    }

    private static bool AnyCapital(IReadOnlyList<Token> tokens, int i, int n)
    {
        for (var k = i; k < i + n; k++) if (tokens[k].Cap) return true;
        return false;
    }
}
