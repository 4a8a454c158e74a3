using Claims.Extraction.Knowledge;
using Claims.Extraction.Statements;
using Claims.Extraction.Text;

namespace Claims.Extraction.Disputes;

/// <summary>Words that point at a claim reported before instead of stating one: "cette information", "ces affirmations",
/// "les accusations d'Ankara". A statement made only of such words carries no words of its own.</summary>
public static class ClaimReference
{
    /// <summary>End of "[det] claim-noun [de X]" starting at i, or -1. Anaphoric: the determiner is a demonstrative.</summary>
    public static int Match(List<Token> t, int i, int end, KnowledgeBase kb, out bool anaphoric)
    {
        anaphoric = false;
        // "«Les informations parues dans…»": the quotation mark opening the words.
        if (i < end && t[i].IsQuote) i++;
        if (i >= end) return -1;
        var det = t[i].Norm;
        // "Des chiffres invérifiables, selon Moscou", "de fausses informations": an indefinite plural too.
        if (det is not ("ce" or "cet" or "cette" or "ces" or "les" or "la" or "l" or "toute" or "toutes" or "tous" or "leurs" or "leur" or "des")) return -1;
        anaphoric = det is "ce" or "cet" or "cette" or "ces";
        // "toutes les informations", "tous ces rapports": the article or demonstrative after "tout".
        if (det is "toute" or "toutes" or "tous" && i + 2 < end && t[i + 1].Norm is "les" or "la" or "l" or "ces" or "cette")
        {
            i++;
            anaphoric = t[i].Norm is "ces" or "cette";
        }
        // "les « mensonges » du Kremlin": the noun in quotation marks.
        var n = i + 1 < end && t[i + 1].IsQuote ? i + 2 : i + 1;
        var len = kb.ClaimNouns.Match(t, n, end);
        if (len == 0) return -1;
        return n + len < end && n > i + 1 && t[n + len].IsQuote ? n + len + 1 : n + len;
    }

    /// <summary>The statement's words are nothing but a reference to a claim ("cette information", "les affirmations d'Ankara").</summary>
    public static bool IsBare(StatementDraft d, List<Token> t, KnowledgeBase kb, IReadOnlyList<Mentions.Mention?> mentionAt)
    {
        var k = Match(t, d.ContentStart, d.ContentEnd, kb, out _);
        if (k < 0) return false;
        if (k < d.ContentEnd && t[k].Norm is "de" or "d" or "du" or "des")
        {
            var j = k + 1;
            if (j < d.ContentEnd && t[j].Norm is "l" or "la" or "le" or "les") j++;
            if (j < d.ContentEnd && mentionAt[j] is { } m) k = m.End;
        }
        while (k < d.ContentEnd && !t[k].IsWord) k++;
        return k >= d.ContentEnd;
    }
}
