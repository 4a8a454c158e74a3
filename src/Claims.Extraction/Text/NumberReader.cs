using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Text;

/// <summary>Reads numbers in digits or words: "12", "quatre", "vingt-quatre", "une vingtaine" (20).</summary>
public static class NumberReader
{
    public static bool TryRead(IReadOnlyList<Token> tokens, int i, int end, KnowledgeBase kb, out int value, out int length)
    {
        value = 0;
        length = 0;
        if (i >= end) return false;
        var t = tokens[i];
        if (t.Kind == TokenKind.Number)
        {
            if (!int.TryParse(t.Norm.Replace(",", "").Replace(".", ""), out value)) return false;
            length = 1;
            return true;
        }
        // "une vingtaine (de)"
        if (t.Norm is "une" or "un" && i + 1 < end && kb.NumberApproximate.TryGetValue(tokens[i + 1].Norm, out var approx))
        {
            value = approx;
            length = 2;
            return true;
        }
        if (t.Norm is "un" or "une") return false;
        if (!kb.NumberUnits.TryGetValue(t.Norm, out var first)) return false;
        value = first;
        length = 1;
        // vingt-quatre, soixante-dix, quatre-vingts, deux cents
        var k = i + 1;
        while (k < end && tokens[k].IsWord && (tokens[k].HyphenBefore || tokens[k].Norm is "cent" or "cents" or "mille" || tokens[k].Norm == "et" && k + 1 < end && tokens[k + 1].Norm is "un" or "une")
               && (kb.NumberUnits.TryGetValue(tokens[k].Norm, out var next) || tokens[k].Norm == "et"))
        {
            if (tokens[k].Norm == "et") { k++; continue; }
            kb.NumberUnits.TryGetValue(tokens[k].Norm, out next);
            value = next is 100 or 1000 ? Math.Max(value, 1) * next : value == 4 && next == 20 ? 80 : value + next;
            k++;
        }
        length = k - i;
        return true;
    }
}
