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
    public DateOnly? PublishedOn { get; }
    public List<Token> Tokens => Doc.Tokens;

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
    }

    public IEnumerable<Mention> MentionsIn(int first, int end) => Mentions.Where(m => m.Start >= first && m.End <= end);

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
            if (t.Kind == TokenKind.Number || Kb.Months.ContainsKey(t.Norm) || t.Norm is "le" && i + 1 < end && Tokens[i + 1].Kind == TokenKind.Number) { i++; continue; }
            if (t.Norm == "," && i + 1 < end && Tokens[i + 1].Norm is "que" or "qu") { i++; continue; }
            break;
        }
        return i;
    }

    public bool IsClauseBoundary(int i, int end) => Kb.ClauseBoundaries.Match(Tokens, i, end) > 0 && i > 0 && Tokens[i - 1].Norm == ",";
}
