using System.Text.RegularExpressions;
using Claims.Extraction.Knowledge;
using Claims.Extraction.Text;

namespace Claims.Extraction.Page;

/// <summary>Reads a page as it comes: drops navigation, share buttons, teasers and captions (boilerplate.json), sets the
/// readers' comments apart (counted, never extracted), drops a paragraph the page repeats, and finds title, outlet and date.</summary>
public sealed partial class PageReader(KnowledgeBase kb)
{
    [GeneratedRegex(@"\((\d+)\)|(\d+)\s+commentaires?", RegexOptions.IgnoreCase)]
    private static partial Regex CommentCountPattern();

    public PageLayout Read(string text)
    {
        var blocks = new List<Block>();
        var inComments = false;
        var inTeasers = false;
        int? declaredComments = null;
        var timestamps = 0;
        string? outlet = null;
        DateOnly? published = null;
        var commentDates = new List<DateOnly>();

        foreach (var (lineStart, lineEnd) in Paragraphs(text))
        {
            var start = lineStart;
            var end = lineEnd;
            foreach (var prefix in kb.LinePrefixesToStrip)
            {
                var m = prefix.Match(text, start, end - start);
                if (m.Success && m.Index == start) start += m.Length;
            }
            while (start < end && char.IsWhiteSpace(text[start])) start++;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            if (start >= end) continue;
            var line = text[start..end];
            var folded = Fold.Text(line).Trim('•', ' ', '\t', '-', '*');

            if (inComments)
            {
                if (kb.CommentTimestamp.IsMatch(line)) { timestamps++; commentDates.AddRange(DateText.FullDates(line, kb)); }
                continue;
            }
            if (kb.NoCommentMarkers.Any(folded.Contains)) continue;
            if (kb.CommentMarkers.Any(m => folded.StartsWith(m, StringComparison.Ordinal)) && line.Length < 80)
            {
                inComments = true;
                var cm = CommentCountPattern().Match(line);
                if (cm.Success) declaredComments = int.Parse(cm.Groups[1].Success ? cm.Groups[1].Value : cm.Groups[2].Value);
                continue;
            }
            foreach (var marker in kb.OutletLines)
                if (folded.StartsWith(marker, StringComparison.Ordinal)) outlet ??= CleanOutlet(line[marker.Length..]);
            if (kb.DateLines.Any(d => folded.StartsWith(d, StringComparison.Ordinal)) && line.Length < 120)
                published ??= DateText.FullDates(line, kb).Cast<DateOnly?>().FirstOrDefault();

            var words = CountWords(line);
            var endsLikeSentence = EndsLikeSentence(line);
            var sentenceLike = endsLikeSentence && words >= 8;
            if (kb.TeaserSections.Any(t => folded.TrimEnd(':', ' ') == t)) { inTeasers = true; continue; }
            if (IsFurniture(folded, line)) continue;
            if (inTeasers)
            {
                if (sentenceLike && words >= 25) inTeasers = false;
                else continue;
            }
            if (IsNavigation(line, words)) continue;
            // "Moscou a démenti avoir touché des civils.": a short paragraph that ends like a sentence, after the article's text
            // has begun, goes on with it (a headline or a caption comes before the body or carries no full stop).
            var shortSentence = endsLikeSentence && words >= 4 && blocks.Count > 0 && blocks[^1].Kind == BlockKind.Body;
            if (sentenceLike || words >= 30 || shortSentence) blocks.Add(new Block(start, end, BlockKind.Body));
            else if (words >= 4) blocks.Add(new Block(start, end, BlockKind.Headline));
        }

        // Text of one line and no sentence end ("Sergueï Lavrov a déclaré : « Nous ne frappons que des terroristes »") is a
        // sentence someone sent, not a page's headline: with nothing else to read, it is the article.
        if (blocks is [{ Kind: BlockKind.Headline } only] && CountWords(text.AsSpan(only.Start, only.End - only.Start)) >= 8
            && text.AsSpan().Trim().IndexOfAny('\n', '\r') < 0)
            blocks[0] = only with { Kind = BlockKind.Body };
        blocks = DropRepeats(text, blocks);
        var (title, titleOutlet) = FindTitle(text, blocks);
        if (published is null && commentDates.Count > 0) published = commentDates.Min();
        var comments = declaredComments ?? timestamps;
        return new PageLayout(blocks, title, titleOutlet ?? outlet, published, comments);
    }

    private static List<(int Start, int End)> Lines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                lines.Add((start, i));
                start = i + 1;
            }
        }
        return lines;
    }

    /// <summary>
    /// The text's paragraphs as (start, end) offsets. A page gives one paragraph a line, and so does most pasted text; but
    /// plain text hard-wrapped at a fixed width (wire copy, mail, a text/plain page) breaks every paragraph into lines of
    /// under a hundred characters, each of which would read as a headline and the article as empty. Such text is rejoined:
    /// a line filled close to the width goes on in the next line, and a short line, a blank line or a bullet ends the paragraph.
    /// </summary>
    private static List<(int Start, int End)> Paragraphs(string text)
    {
        var lines = Lines(text);
        var width = WrapWidth(text, lines);
        if (width == 0) return lines;
        var paragraphs = new List<(int, int)>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, end) = lines[i];
            while (i + 1 < lines.Count && Filled(text, lines[i], width) && !IsBlank(text, lines[i + 1]) && !StartsWithBullet(text, lines[i + 1]))
                end = lines[++i].End;
            paragraphs.Add((start, end));
        }
        return paragraphs;
    }

    // Hard-wrapped: no line longer than WrapMaxWidth, at least three lines filled close to the longest, and most of those
    // run on mid-sentence (the next line starts in lower case), which a list of headlines or menu items never does.
    private const int WrapMaxWidth = 110;

    private static int WrapWidth(string text, List<(int Start, int End)> lines)
    {
        var width = 0;
        foreach (var line in lines)
        {
            var length = Trimmed(text, line).Length;
            if (length > WrapMaxWidth) return 0;
            width = Math.Max(width, length);
        }
        if (width < 40) return 0;
        int filled = 0, runOn = 0;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (!Filled(text, lines[i], width)) continue;
            filled++;
            var next = Trimmed(text, lines[i + 1]);
            if (next.Length > 0 && char.IsLower(next[0])) runOn++;
        }
        return filled >= 3 && runOn * 2 >= filled ? width : 0;
    }

    // Filled: within the length of a long word or two of the width (the wrap moved the next word down).
    private static bool Filled(string text, (int Start, int End) line, int width) => Trimmed(text, line).Length >= width * 7 / 10;

    private static bool IsBlank(string text, (int Start, int End) line) => Trimmed(text, line).IsEmpty;

    private static bool StartsWithBullet(string text, (int Start, int End) line) => Trimmed(text, line) is [ '-' or '•' or '*' or '–' or '—', ..];

    private static ReadOnlySpan<char> Trimmed(string text, (int Start, int End) line) => text.AsSpan(line.Start, line.End - line.Start).Trim();

    private bool IsFurniture(string folded, string line)
    {
        if (kb.BoilerplateStarts.Any(s => folded.StartsWith(s, StringComparison.Ordinal) && (folded.Length == s.Length || !char.IsLetter(folded[s.Length])))) return true;
        if (kb.BoilerplateContains.Any(folded.Contains)) return true;
        if (kb.BoilerplateEnds.Any(e => folded.EndsWith(e, StringComparison.Ordinal))) return true;
        return line.StartsWith('©');
    }

    private bool IsNavigation(string line, int words)
    {
        if (words > 12) return false;
        var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var nav = tokens.Count(t => kb.NavigationWords.Contains(Fold.Text(t.Trim(',', '.', ':', '|'))));
        return nav * 2 >= tokens.Length || words < 3;
    }

    private static int CountWords(ReadOnlySpan<char> line)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) n++;
            inWord = letter;
        }
        return n;
    }

    private static bool EndsLikeSentence(string line)
    {
        var t = line.TrimEnd();
        if (t.Length == 0) return false;
        var last = t[^1];
        if (last is '.' or '!' or '?' or '…') return !t.EndsWith("...", StringComparison.Ordinal) || t.Length > 400;
        // "… précises. »": French typography sets a space (often a no-break one) before the closing guillemet.
        if (last is '»' or '"' or '”' or ')') return t[..^1].TrimEnd() is { Length: > 0 } inner && inner[^1] is '.' or '!' or '?' or '…' || t.Length > 200;
        return false;
    }

    // A paragraph shown twice (a lead repeated as a teaser, a truncated copy) is kept once: the longest, first copy.
    // Keys are compared through a sorted list, not pairwise: the keys that start with a given key follow it directly in
    // ordinal order, so "is a prefix of a longer key" is one look at the next distinct key (pairwise was quadratic in paragraphs).
    private static List<Block> DropRepeats(string text, List<Block> blocks)
    {
        var keys = blocks.Select(b => Key(text[b.Start..b.End])).ToList();
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++) firstIndex.TryAdd(keys[i], i);
        var distinct = firstIndex.Keys.Where(k => k.Length >= 30).Order(StringComparer.Ordinal).ToList();
        var extended = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < distinct.Count; i++)
            if (distinct[i + 1].StartsWith(distinct[i], StringComparison.Ordinal)) extended.Add(distinct[i]);
        var keep = new List<Block>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var key = keys[i];
            // An exact repeat of a key of 30 characters or more: only its first copy stays.
            var drop = key.Length >= 30 && firstIndex[key] < i;
            // A key of 30 or more that a longer one continues: a truncated copy.
            if (key.Length >= 30 && extended.Contains(key)) drop = true;
            if (!drop) keep.Add(blocks[i]);
        }
        return keep;
    }

    private static string Key(string s)
    {
        var folded = Fold.Text(s).TrimEnd('.', '…', ' ');
        return string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private (string? Title, string? Outlet) FindTitle(string text, List<Block> blocks)
    {
        foreach (var b in blocks)
        {
            if (b.Kind == BlockKind.Body) return (null, null);
            var line = text[b.Start..b.End].Replace("<!-- -->", "").Trim();
            if (CountWords(line) < 5) continue;
            string? outlet = null;
            foreach (var sep in kb.TitleSuffixSeparators)
            {
                var at = line.LastIndexOf(sep, StringComparison.Ordinal);
                if (at > 20 && line.Length - at < 40)
                {
                    outlet = CleanOutlet(line[(at + sep.Length)..]);
                    line = line[..at].Trim();
                    break;
                }
            }
            return (line, outlet);
        }
        return (null, null);
    }

    private static string? CleanOutlet(string s)
    {
        var o = s.Trim().TrimEnd('.', ' ');
        foreach (var suffix in new[] { ".fr", ".com", ".net", ".info", ".ch", ".be" })
            if (o.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) o = o[..^suffix.Length];
        return o.Length is > 1 and < 40 ? o : null;
    }
}
