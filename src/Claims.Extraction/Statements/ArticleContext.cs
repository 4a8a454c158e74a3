using Claims.Extraction.Knowledge;
using Claims.Extraction.Mentions;
using Claims.Extraction.Text;

namespace Claims.Extraction.Statements;

/// <summary>One article being read: its document, mentions and the knowledge base. Created per extraction (not shared).</summary>
public sealed class ArticleContext
{
    public KnowledgeBase Kb { get; }
    public Document Doc { get; }
    public List<Mention> Mentions { get; }
    public List<PlaceMention> Places { get; }
    public Mention?[] MentionAt { get; }
    /// <summary>Per token: the place mention starting there, or null (so that a sentence's places are read without scanning all places).</summary>
    public PlaceMention?[] PlaceAt { get; }
    public DateOnly? PublishedOn { get; }
    /// <summary>Checked once per sentence by the readers, so that the caller can give up on an article too costly to extract.</summary>
    public CancellationToken Cancellation { get; init; }
    public List<Token> Tokens => Doc.Tokens;

    public ArticleContext(KnowledgeBase kb, Document doc, List<Mention> mentions, List<PlaceMention> places, DateOnly? publishedOn)
    {
        Kb = kb;
        Doc = doc;
        // "LE CAIRE (Reuters) -": where the dispatch was filed is never a striker, a speaker or a place struck.
        if (Datelines(doc) is { Count: > 0 } datelines)
        {
            mentions.RemoveAll(m => InRanges(datelines, m.Start));
            places.RemoveAll(p => InRanges(datelines, p.Start));
        }
        Mentions = mentions;
        Places = places;
        PublishedOn = publishedOn;
        MentionAt = new Mention?[doc.Tokens.Count];
        foreach (var m in mentions)
            for (var k = m.Start; k < m.End; k++) MentionAt[k] = m;
        PlaceAt = new PlaceMention?[doc.Tokens.Count];
        foreach (var p in places) PlaceAt[p.Start] ??= p;
        // Mentions come in reading order; a binary search on their starts keeps MentionsIn proportional to what it returns
        // (a scan of every mention per sentence made extraction quadratic in the article's length).
        _sorted = mentions;
        for (var i = 1; i < mentions.Count; i++)
            if (mentions[i].Start < mentions[i - 1].Start) { _sorted = mentions.OrderBy(m => m.Start).ToList(); break; }
    }

    private readonly List<Mention> _sorted;

    // The ranges are in text order and apart (one per paragraph at most): a binary search, so that a text of many datelined
    // paragraphs stays linear (a scan of every range per mention was quadratic).
    private static bool InRanges(List<(int Start, int End)> ranges, int k)
    {
        int lo = 0, hi = ranges.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (ranges[mid].End <= k) lo = mid + 1;
            else if (ranges[mid].Start > k) hi = mid - 1;
            else return true;
        }
        return false;
    }

    /// <summary>Wire datelines opening a paragraph: "LE CAIRE (Reuters) -", "BAKOU/EREVAN (Reuters) -", "Beyrouth, 8 octobre 2015
    /// (AFP) -", "(AFP) -", "KABOUL -". A few capitalised words, slashes, commas, numbers or month names, then an agency in
    /// parentheses (a few capitalised words) and a dash, or, in capitals only, the dash alone. Only each paragraph's first tokens
    /// are looked at.</summary>
    private List<(int Start, int End)> Datelines(Document doc)
    {
        var found = new List<(int, int)>(0);
        var tokens = doc.Tokens;
        var block = -1;
        foreach (var s in doc.Sentences)
        {
            if (s.Block == block) continue;
            block = s.Block;
            var k = s.First;
            var allCaps = true;
            var words = 0;
            while (k < s.End && k - s.First < 10)
            {
                var t = tokens[k];
                if (t.Kind == TokenKind.Word && t.Cap) { words++; allCaps &= UpperOnly(doc.Text, t); }
                else if (t.Kind == TokenKind.Word && Kb.Months.ContainsKey(t.Norm) || t.Kind == TokenKind.Number || t.Norm is "/" or ",") allCaps = false;
                else break;
                k++;
            }
            if (k >= s.End) continue;
            var end = -1;
            if (tokens[k].Norm == "(")
            {
                var close = k + 1;
                while (close < s.End && close - k <= 4 && tokens[close].Norm != ")" && (tokens[close].Cap || tokens[close].Norm is "/" or "," or "-")) close++;
                if (close < s.End && close > k + 1 && tokens[close].Norm == ")" && close + 1 < s.End && Dash(tokens[close + 1].Norm)) end = close + 2;
            }
            else if (words > 0 && allCaps && Dash(tokens[k].Norm)) end = k + 1;
            if (end > 0) found.Add((s.First, end));
        }
        return found;
    }

    private static bool Dash(string norm) => norm is "-" or "–" or "—";

    private static bool UpperOnly(string text, Token t)
    {
        var letters = 0;
        for (var i = t.Start; i < t.End; i++)
        {
            if (char.IsLower(text[i])) return false;
            if (char.IsLetter(text[i])) letters++;
        }
        return letters >= 2;
    }

    /// <summary>The mentions lying wholly inside tokens [first, end), in reading order.</summary>
    public IEnumerable<Mention> MentionsIn(int first, int end)
    {
        int lo = 0, hi = _sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid].Start < first) lo = mid + 1; else hi = mid;
        }
        for (var i = lo; i < _sorted.Count && _sorted[i].Start < end; i++)
            if (_sorted[i].End <= end) yield return _sorted[i];
    }

    public static ActorRef Ref(ActorEntry a) => new(a.Id, a.Name);

    /// <summary>Skips adverbs, time words and commas after a verb ("a annoncé mercredi soir, que").</summary>
    public int SkipAdverbs(int i, int end)
    {
        var guard = 0;
        while (i < end && guard++ < 8)
        {
            var len = Kb.Adverbs.Match(Tokens, i, end);
            if (len > 0) { i += len; continue; }
            var t = Tokens[i];
            if (t.Kind == TokenKind.Number || Kb.Months.ContainsKey(t.Norm) || Kb.Weekdays.ContainsKey(t.Norm) || t.Norm is "le" && i + 1 < end && Tokens[i + 1].Kind == TokenKind.Number) { i++; continue; }
            if (t.Norm == "," && i + 1 < end && Tokens[i + 1].Norm is "que" or "qu") { i++; continue; }
            // "a répondu, via un communiqué, que…", "a affirmé, plus tôt, qu'un chasseur…": a short insertion between commas
            // before the clause.
            if (t.Norm == "," && Inserted(i, end) is var close && close > i) { i = close; continue; }
            break;
        }
        return i;
    }

    /// <summary>The closing comma of a short insertion opened by the comma at <paramref name="open"/> and followed by "que", or -1.</summary>
    private int Inserted(int open, int end)
    {
        for (var j = open + 1; j < Math.Min(end - 1, open + 8); j++)
        {
            var n = Tokens[j].Norm;
            if (n == ",") return Tokens[j + 1].Norm is "que" or "qu" ? j : -1;
            if (n is "." or ";" or ":" or "que" or "qu" || Tokens[j].IsQuote) return -1;
        }
        return -1;
    }

    public bool IsClauseBoundary(int i, int end) => Kb.ClauseBoundaries.Match(Tokens, i, end) > 0 && i > 0 && Tokens[i - 1].Norm == ",";
}
