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

    /// <summary>Where the sentence's own words start: past a wire dateline ("PARIS, 8 octobre 2015 (AFP) -"), which names where
    /// the dispatch was filed and is neither words, speaker, subject nor the place struck; <c>s.First</c> when it has none.
    /// (Its date still dates the strikes told in the sentence: date readers look from <c>s.First</c>.)</summary>
    public int Opening(Sentence s) => Dateline.End(Doc.Text, Doc.Tokens, s.First, s.End, Kb.Months);

    public ArticleContext(KnowledgeBase kb, Document doc, List<Mention> mentions, List<PlaceMention> places, DateOnly? publishedOn)
    {
        Kb = kb;
        Doc = doc;
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
