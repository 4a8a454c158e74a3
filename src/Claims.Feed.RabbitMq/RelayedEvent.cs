using Claims.Feed.Log;

namespace Claims.Feed.RabbitMq;

/// <summary>The Wolverine message the relay publishes: one event of Marten's log, written as its CloudEvents envelope.</summary>
public sealed record RelayedEvent(FeedEvent Event);
