using Claims.Extraction.Decoding;
using Claims.Extraction.Disputes;
using Claims.Extraction.Knowledge;
using Claims.Extraction.Mentions;
using Claims.Extraction.Page;
using Claims.Extraction.Statements;
using Claims.Extraction.Strikes;
using Claims.Extraction.Text;

namespace Claims.Extraction;

/// <summary>Turns one article's page text into statements, strikes and disputes. Build it once (it compiles the embedded
/// knowledge base) and share it: Extract keeps all its state in locals, so concurrent calls are safe.</summary>
public sealed class ArticleExtractor
{
    private readonly KnowledgeBase _kb;
    private readonly PageReader _pages;
    private readonly MentionFinder _mentions;

    public ArticleExtractor() : this(KnowledgeBase.Embedded) { }

    public ArticleExtractor(KnowledgeBase kb)
    {
        _kb = kb;
        _pages = new PageReader(kb);
        _mentions = new MentionFinder(kb);
    }

    public KnowledgeBase Knowledge => _kb;

    /// <summary>Extracts the records of one article. Throws <see cref="NoArticleTextException"/> when the page holds no article text.</summary>
    public ArticleExtraction Extract(ArticleInput input) => Extract(input, CancellationToken.None);

    /// <summary>As <see cref="Extract(ArticleInput)"/>, checking <paramref name="cancellation"/> between stages and once per
    /// sentence within them: a caller can give up on an article too costly to extract (throws <see cref="OperationCanceledException"/>).</summary>
    public ArticleExtraction Extract(ArticleInput input, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var notes = new List<string>();
        string text;
        string? htmlTitle = null, htmlOutlet = null;
        DateOnly? htmlDate = null;
        var htmlComments = 0;
        if (input.Html is { } html)
        {
            var page = HtmlText.Extract(html);
            text = page.Text;
            (htmlTitle, htmlOutlet, htmlDate, htmlComments) = (page.Title, page.Outlet, page.PublishedOn, page.CommentCount);
            notes.Add("HTML page: spans index the text extracted from the page");
        }
        else text = input.Text ?? "";

        var layout = _pages.Read(text);
        if (!layout.Body.Any()) throw new NoArticleTextException(input.File);
        var published = input.PublishedOn ?? htmlDate ?? layout.PublishedOn;
        cancellation.ThrowIfCancellationRequested();
        var doc = new Document(text, layout.Body);
        cancellation.ThrowIfCancellationRequested();
        var (mentions, places) = _mentions.Find(doc, cancellation);
        MentionResolver.Resolve(mentions, _kb, places, doc.InQuote);
        var ctx = new ArticleContext(_kb, doc, mentions, places, published) { Cancellation = cancellation };

        var drafts = new StatementReader(ctx).Read();
        var strikeReader = new StrikeReader(ctx, drafts);
        var strikes = strikeReader.Read();
        // "a démenti cette information": words that only point at a claim are kept for the dispute, not as a statement.
        // "a réfuté toute bavure militaire", "qualifiant de « fausses » ces informations": a contesting verb's short object is
        // the dispute's, not words of the speaker's own.
        var utterances = drafts.Where(d => !d.PointsBack && !ClaimReference.IsBare(d, ctx.Tokens, _kb, ctx.MentionAt)
            && !(d.Cue.Verb is { Dispute: true } or { Lemma: "qualifier" } && !d.DeniesOwnAction(ctx.Tokens) && d.ContentEnd - d.ContentStart <= 6)).ToList();
        cancellation.ThrowIfCancellationRequested();
        var stances = new StanceReader(ctx, utterances, strikes);
        var statements = stances.Statements();
        cancellation.ThrowIfCancellationRequested();
        var disputes = new DisputeReader(ctx, drafts, stances).Read();
        cancellation.ThrowIfCancellationRequested();

        return new ArticleExtraction(input.File, input.Outlet ?? htmlOutlet ?? layout.Outlet, input.Title ?? htmlTitle ?? layout.Title, published,
            statements, stances.Strikes(), disputes, Math.Max(layout.CommentCount, htmlComments), text)
        { Notes = notes, ActorAliases = WithForceNames(stances.ActorAliases, strikeReader.ForceNames(strikes)) };
    }

    /// <summary>A striking state's records also carry the names of its forces the article names them by ("armée soudanaise").</summary>
    private static Dictionary<string, List<string>> WithForceNames(IReadOnlyDictionary<string, List<string>> aliases, Dictionary<string, List<string>> forces)
    {
        var result = aliases.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
        foreach (var (state, names) in forces)
        {
            if (!result.TryGetValue(state, out var list)) result[state] = list = [];
            foreach (var n in names) if (!list.Contains(n)) list.Add(n);
        }
        return result;
    }
}

/// <summary>The page has no article text (only navigation, teasers, comments...).</summary>
public sealed class NoArticleTextException(string file) : Exception($"{file}: no article text found (only page furniture, headlines or comments)")
{
    public string File { get; } = file;
}
