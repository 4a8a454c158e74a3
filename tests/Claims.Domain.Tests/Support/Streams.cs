using Claims.Domain.Application;
using Claims.Domain.Articles;

namespace Claims.Domain.Tests.Support;

public static class Streams
{
    /// <summary>The events of one Marten stream from <paramref name="fromVersion"/> on (1 = the first).</summary>
    public static async Task<List<object>> ReadAsync(ClaimsRuntime runtime, string streamId, long fromVersion = 1)
    {
        await using var session = runtime.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId);
        return events.Where(e => e.Version >= fromVersion).Select(e => e.Data).ToList();
    }

    /// <summary>An article folded from its stream, and the stream's version.</summary>
    public static async Task<(ArticleState State, long Version)> LoadArticleAsync(ClaimsRuntime runtime, string articleId)
    {
        var events = await ReadAsync(runtime, articleId);
        return (events.Aggregate(ArticleState.None, ArticleDecider.Evolve), events.Count);
    }

    /// <summary>Every event in the log.</summary>
    public static Task<long> CountAsync(ClaimsRuntime runtime) => runtime.Progress.HeadAsync();
}
