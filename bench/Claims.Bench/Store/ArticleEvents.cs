using System.Security.Cryptography;
using System.Text;
using Claims.Bench.Corpus;
using Claims.Domain.Application;
using Claims.Domain.Articles;
using Claims.Domain.Events;
using Claims.Extraction;
using Claims.TestKit.Corpus;

namespace Claims.Bench.Store;

/// <summary>One article's stream as the application writes it: its ArticleIngested (with the text) then one event a record.</summary>
public sealed record ArticleStream(string StreamId, ArticleIngested Ingested, IReadOnlyList<object> Records)
{
    public IEnumerable<object> Events => Records.Prepend(Ingested);
    public int Count => Records.Count + 1;
}

/// <summary>
/// The events the benchmarks write: synthetic articles (the test kit's corpus, deterministic) extracted by the real
/// extractor and mapped to events by the application's own mapping, so sizes, types and JSON are Claims' own.
/// Extraction runs here, outside every clock.
/// </summary>
public static class ArticleEvents
{
    /// <summary>Articles in publication order (as a feed brings them), each with its events.</summary>
    public static IReadOnlyList<ArticleStream> Generate(int articles, int seed, ArticleExtractor? extractor = null)
    {
        extractor ??= new ArticleExtractor();
        var corpus = SyntheticCorpus.Generate(articles, seed).OrderBy(a => a.PublishedOn).ToList();
        var streams = new ArticleStream[corpus.Count];
        Parallel.For(0, corpus.Count, i => streams[i] = Extract(corpus[i], extractor));
        return streams;
    }

    /// <summary>What the application builds from one POST /articles, minus its checks: content hash and article id,
    /// extraction, the events.</summary>
    public static ArticleStream Extract(SyntheticArticle a, ArticleExtractor extractor)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(a.Text))).ToLowerInvariant();
        var articleId = ClaimsApplication.ArticleIdFor(a.Url, hash);
        var extraction = extractor.Extract(CorpusProfile.Input(articleId, a));
        var ingested = new ArticleIngested(articleId, "text", extraction.Outlet, a.Url, extraction.Title, extraction.PublishedOn, "fr", hash,
            extraction.Text, extraction.ExtractorVersion, "bench", DateTimeOffset.UtcNow);
        return new ArticleStream(articleId, ingested, RecordMapping.ToEvents(articleId, extraction));
    }

    /// <summary>Exactly <paramref name="size"/> events per batch (the ArticleIngested and the first records; articles with
    /// fewer records are passed over), cycling over the articles: the append benchmarks' 20-event article batches.</summary>
    public static IReadOnlyList<object[]> Batches(IReadOnlyList<ArticleStream> streams, int size) =>
        streams.Where(s => s.Count >= size).Select(s => s.Events.Take(size).ToArray()).ToList();
}
