using Claims.Extraction.Page;

namespace Claims.Extraction.Text;

/// <summary>A sentence: tokens [First, End) of one block. Heading: an in-text subheading (" - Rumeurs non fondées - ").</summary>
public readonly record struct Sentence(int First, int End, int Block, bool Heading);

/// <summary>A pair of quote marks: token indices of the opening and closing mark.</summary>
public readonly record struct Quote(int Open, int Close);

/// <summary>The article's body split into tokens, quotes and sentences (quote-aware: a quotation running over several sentences stays in one).</summary>
public sealed class Document
{
    public string Text { get; }
    public List<Token> Tokens { get; }
    public List<Sentence> Sentences { get; }
    public List<Quote> Quotes { get; } = [];
    /// <summary>Per token: index of the quote whose marks enclose it (marks excluded), or -1.</summary>
    public int[] QuoteOf { get; private set; } = [];

    public Document(string text, IEnumerable<Block> blocks)
    {
        Text = text;
        // Sized from the text (about one token per five characters of French prose, one sentence per 150): a list grown by
        // doubling copies itself and, past 85 KB, reallocates on the large-object heap, whose collections grow with the article.
        Tokens = new List<Token>(Math.Max(16, text.Length / 5));
        Sentences = new List<Sentence>(Math.Max(4, text.Length / 150));
        var blockIndex = 0;
        var ranges = new List<(int First, int End)>();
        foreach (var block in blocks)
        {
            var first = Tokens.Count;
            Tokenizer.Tokenize(text, block.Start, block.End, Tokens);
            ranges.Add((first, Tokens.Count));
        }
        QuoteOf = new int[Tokens.Count];
        Array.Fill(QuoteOf, -1);
        foreach (var (first, end) in ranges)
        {
            PairQuotes(first, end);
            Split(first, end, blockIndex++);
        }
    }

    public string Slice(int firstToken, int endToken) =>
        endToken <= firstToken ? "" : Text[Tokens[firstToken].Start..Tokens[endToken - 1].End];

    public Span SpanOf(int firstToken, int endToken) => new(Tokens[firstToken].Start, Tokens[endToken - 1].End);

    public bool InQuote(int token) => QuoteOf[token] >= 0;

    private Dictionary<int, Quote>? _byOpen, _byClose;

    /// <summary>The quote whose opening mark is token <paramref name="open"/>, if any (a lookup, not a scan of every quote).</summary>
    public bool TryQuoteOpenedAt(int open, out Quote quote)
    {
        _byOpen ??= Quotes.ToDictionary(q => q.Open);
        return _byOpen.TryGetValue(open, out quote);
    }

    /// <summary>The quote whose closing mark is token <paramref name="close"/>, if any.</summary>
    public bool TryQuoteClosedAt(int close, out Quote quote)
    {
        _byClose ??= Quotes.ToDictionary(q => q.Close);
        return _byClose.TryGetValue(close, out quote);
    }

    /// <summary>Whether token <paramref name="close"/> closes a quote.</summary>
    public bool ClosesQuote(int close)
    {
        _byClose ??= Quotes.ToDictionary(q => q.Close);
        return _byClose.ContainsKey(close);
    }

    private void PairQuotes(int first, int end)
    {
        var open = -1;
        for (var i = first; i < end; i++)
        {
            var t = Tokens[i];
            if (!t.IsQuote) continue;
            var c = Text[t.Start];
            if (open < 0)
            {
                if (t.Kind is TokenKind.OpenQuote or TokenKind.AmbiguousQuote) open = i;
                continue;
            }
            var o = Text[Tokens[open].Start];
            var closes = o switch
            {
                '«' => c == '»',
                '"' => c == '"',
                _ => c is '”' or '“' || (c == '»' && false),
            };
            if (!closes) continue;
            Quotes.Add(new Quote(open, i));
            for (var k = open + 1; k < i; k++) QuoteOf[k] = Quotes.Count - 1;
            open = -1;
        }
    }

    /// <summary>No sentence is longer than this many tokens: text with no sentence ends (a page of one run-on line, a
    /// quotation left open over a whole article) is cut into pieces, so that the readers' work per sentence stays bounded
    /// and extraction time linear in the text's length. Real sentences, even quotations running over several, are far shorter.</summary>
    public const int MaxSentenceTokens = 400;

    private void Split(int first, int end, int block)
    {
        var start = first;
        for (var i = first; i < end; i++)
        {
            if (i - start >= MaxSentenceTokens)
            {
                Sentences.Add(new Sentence(start, i, block, false));
                start = i;
            }
            var t = Tokens[i];
            // " - Sous-titre - " inside a paragraph: a heading, not part of the next sentence.
            if (t.Norm == "-" && (i == first || IsTerminal(Tokens[i - 1]) || Tokens[i - 1].IsQuote))
            {
                var close = -1;
                for (var k = i + 1; k < Math.Min(end, i + 16); k++)
                {
                    if (Tokens[k].Norm == "-") { close = k; break; }
                    if (Tokens[k].Norm == ".") break;
                }
                if (close > 0)
                {
                    if (i > start) Sentences.Add(new Sentence(start, i, block, false));
                    Sentences.Add(new Sentence(i, close + 1, block, true));
                    start = close + 1;
                    i = close;
                    continue;
                }
            }
            if (InQuote(i) || !IsTerminal(t)) 
            {
                // A closing quote right after terminal punctuation ends the sentence when a new one follows.
                if (t.IsQuote && i > first && IsTerminal(Tokens[i - 1]) && QuoteOf[i - 1] >= 0 && StartsSentence(i + 1, end))
                {
                    Sentences.Add(new Sentence(start, i + 1, block, false));
                    start = i + 1;
                }
                continue;
            }
            if (t.Norm == "." && i > first && IsAbbreviation(Tokens[i - 1])) continue;
            if (!StartsSentence(i + 1, end)) continue;
            Sentences.Add(new Sentence(start, i + 1, block, false));
            start = i + 1;
        }
        if (start < end) Sentences.Add(new Sentence(start, end, block, false));
    }

    private static bool IsTerminal(Token t) => t.Kind == TokenKind.Punct && t.Norm is "." or "!" or "?" or "…";

    private bool StartsSentence(int i, int end)
    {
        if (i >= end) return true;
        var t = Tokens[i];
        return t.Cap || t.IsQuote || t.Kind == TokenKind.Number || t.Norm is "-" or "(" or "—" or "–";
    }

    private bool IsAbbreviation(Token prev) =>
        prev.IsWord && (Knowledge.Grammar.Abbreviations.Contains(prev.Norm) && prev.End - prev.Start <= 4 || (prev.End - prev.Start == 1 && char.IsUpper(Text[prev.Start])));
}
