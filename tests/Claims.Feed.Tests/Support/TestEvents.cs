using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.EventStore.Serialization;

namespace Claims.Feed.Tests.Support;

public sealed record ArticleNoted(string Title, int Number);
public sealed record StatementHeard(string Speaker, string Quote, string? Place);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArticleNoted))]
[JsonSerializable(typeof(StatementHeard))]
internal sealed partial class FeedTestJson : JsonSerializerContext;

public static class FeedTestEvents
{
    public static EventTypeRegistry Create() => new EventTypeRegistry()
        .Register("ArticleNoted", FeedTestJson.Default.ArticleNoted)
        .Register("StatementHeard", FeedTestJson.Default.StatementHeard);
}
