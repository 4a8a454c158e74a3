using System.Globalization;
using System.Text;

namespace Claims.Extraction.Text;

/// <summary>Folds text for matching: lower case, no accents, one apostrophe. Table-driven because it runs on every token.</summary>
public static class Fold
{
    private static readonly string?[] Table = BuildTable();

    private static string?[] BuildTable()
    {
        var table = new string?[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var sb = new StringBuilder();
            foreach (var d in decomposed)
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) sb.Append(char.ToLowerInvariant(d));
            table[c] = sb.ToString();
        }
        table['œ'] = "oe"; table['Œ'] = "oe"; table['æ'] = "ae"; table['Æ'] = "ae"; table['ß'] = "ss";
        return table;
    }

    public static string Char(char c)
    {
        if (c < Table.Length) return Table[c] ?? c.ToString();
        if (c is '’' or 'ʼ' or '‘') return "'";
        return char.ToLowerInvariant(c).ToString();
    }

    public static string Text(ReadOnlySpan<char> text)
    {
        // Words (most calls) fold into a stack buffer and come back from a per-thread table of folded words: the same few
        // thousand words make up most of any text, and allocating a builder and a string per token was a third of extraction time.
        if (text.Length <= 32)
        {
            Span<char> buffer = stackalloc char[96];
            var n = 0;
            foreach (var c in text)
            {
                if (c < 128) { buffer[n++] = char.ToLowerInvariant(c); continue; }
                var f = Char(c);
                if (n + f.Length > buffer.Length) return Slow(text);
                f.AsSpan().CopyTo(buffer[n..]);
                n += f.Length;
            }
            return Intern(buffer[..n]);
        }
        return Slow(text);
    }

    [ThreadStatic] private static Dictionary<string, string>? _words;
    private const int MaxInterned = 200_000;

    private static string Intern(ReadOnlySpan<char> folded)
    {
        var words = _words ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(folded, out var known)) return known;
        var s = folded.ToString();
        if (words.Count < MaxInterned) words[s] = s;
        return s;
    }

    private static string Slow(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 128) sb.Append(char.ToLowerInvariant(c));
            else sb.Append(Char(c));
        }
        return sb.ToString();
    }

    public static string Text(string text) => Text(text.AsSpan());

    /// <summary>Folded words of a phrase, split the way the tokenizer splits (used to compile lexicon entries).</summary>
    public static string[] Words(string phrase) =>
        Tokenizer.Tokenize(phrase, 0, phrase.Length).Where(t => t.Kind is TokenKind.Word or TokenKind.Number).Select(t => t.Norm).ToArray();

    public static string Slug(string text)
    {
        var folded = Text(text);
        var sb = new StringBuilder(folded.Length);
        var dash = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c)) { sb.Append(c); dash = false; }
            else if (!dash && sb.Length > 0) { sb.Append('-'); dash = true; }
        }
        return sb.ToString().TrimEnd('-');
    }
}
