using Claims.Domain.Articles;

namespace Claims.Domain.Tests.Support;

public static class Streams
{
    /// <summary>An article folded from its stream.</summary>
    public static async Task<(ArticleState State, long Version)> LoadArticleAsync(EventStore.EventStore store, string articleId)
    {
        var state = ArticleState.None;
        long version = 0;
        await foreach (var e in store.ReadStreamAsync(articleId))
        {
            state = ArticleDecider.Evolve(state, e.Data);
            version = e.StreamVersion;
        }
        return (state, version);
    }

    public static async Task<long> CountAsync(EventStore.EventStore store)
    {
        await using var command = store.DataSource.CreateCommand($"select count(*) from {store.Schema}.events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
