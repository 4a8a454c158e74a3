using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Claims.Extraction.Decoding;

/// <summary>Text of an HTML page, one line per block element, with page furniture (scripts, navigation, forms) left out
/// and readers' comments moved after a "Commentaires (N)" line so the page reader sets them apart.
/// Spans of records extracted from an HTML page refer to this text (the decoded extracted text), not to the HTML source.</summary>
public sealed record HtmlPage(string Text, string? Title, string? Outlet, DateOnly? PublishedOn, int CommentCount);

public static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    { "script", "style", "noscript", "nav", "footer", "form", "button", "svg", "iframe", "template", "select", "head", "aside" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    { "p", "div", "section", "article", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "figcaption", "figure", "br", "tr", "table", "main", "time", "dd", "dt", "hr" };

    public static HtmlPage Extract(string html)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        var body = new StringBuilder();
        var comments = new StringBuilder();
        var commentCount = 0;
        if (document.Body is { } root) Walk(root, body, comments, ref commentCount);
        var text = Collapse(body.ToString());
        if (commentCount > 0 || comments.Length > 0)
            text += "\n\nCommentaires (" + commentCount + ")\n" + Collapse(comments.ToString());

        var title = document.QuerySelector("meta[property='og:title']")?.GetAttribute("content") ?? document.Title;
        var outlet = document.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content");
        var published = document.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        DateOnly? date = published is { Length: >= 10 } && DateOnly.TryParseExact(published[..10], "yyyy-MM-dd", out var d) ? d : null;
        return new HtmlPage(text, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), outlet, date, commentCount);
    }

    private static void Walk(INode node, StringBuilder text, StringBuilder comments, ref int commentCount)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when Skipped.Contains(e.LocalName):
                    break;
                case IElement e when IsCommentSection(e) && !IsCommentSection(e.ParentElement):
                    commentCount += CountComments(e);
                    var inner = new StringBuilder();
                    var ignored = 0;
                    Walk(e, inner, new StringBuilder(), ref ignored);
                    comments.Append('\n').Append(inner).Append('\n');
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block) text.Append('\n');
                    Walk(e, text, comments, ref commentCount);
                    if (block) text.Append('\n');
                    break;
            }
        }
    }

    private static bool IsCommentSection(IElement? e)
    {
        if (e is null) return false;
        var marker = (e.Id ?? "") + " " + (e.ClassName ?? "");
        return marker.Contains("comment", StringComparison.OrdinalIgnoreCase) || marker.Contains("reaction", StringComparison.OrdinalIgnoreCase);
    }

    private static int CountComments(IElement section)
    {
        var items = section.QuerySelectorAll("li, article, div").Where(x =>
            (x.ClassName ?? "").Contains("comment", StringComparison.OrdinalIgnoreCase)
            && !(x.ClassName ?? "").Contains("comments", StringComparison.OrdinalIgnoreCase)
            && !x.QuerySelectorAll("*").Any(y => (y.ClassName ?? "").Contains("comment", StringComparison.OrdinalIgnoreCase) && !(y.ClassName ?? "").Contains("comments", StringComparison.OrdinalIgnoreCase) && (y.LocalName is "li" or "article" or "div")))
            .Count();
        return items > 0 ? items : section.QuerySelectorAll("li").Length;
    }

    // Whitespace inside a block collapses to one space; blocks are separated by one blank line.
    private static string Collapse(string raw)
    {
        var lines = raw.Split('\n').Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).Where(l => l.Length > 0);
        return string.Join("\n\n", lines);
    }
}
