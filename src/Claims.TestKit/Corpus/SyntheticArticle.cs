namespace Claims.TestKit.Corpus;

/// <summary>One generated news article, ready to POST to /articles (text, url, outlet, title, publishedOn; language "fr").</summary>
public sealed record SyntheticArticle(string Url, string Outlet, string Title, DateOnly PublishedOn, string Text);
