namespace Claims.TestKit.Corpus;

/// <summary>One generated news article, ready to POST to /articles (text, url, outlet, title, publishedOn; language "fr").</summary>
public sealed record SyntheticArticle(string Url, string Outlet, string Title, DateOnly PublishedOn, string Text)
{
    /// <summary>The article as the application takes it (what POST /articles carries).</summary>
    public Claims.Domain.Application.IngestArticleRequest Request =>
        new(Text, Url: Url, Outlet: Outlet, Title: Title, PublishedOn: PublishedOn, Language: "fr");
}
