using Claims.EventStore.Projections;
using Claims.EventStore.Serialization;

namespace Claims.EventStore;

/// <summary>Everything an <see cref="EventStore"/> needs to know: where, under which schema, which event types and inline projections.</summary>
public sealed class EventStoreOptions
{
    public required string ConnectionString { get; init; }

    /// <summary>The PostgreSQL schema that holds the log; read models live in schemas prefixed with it.</summary>
    public string Schema { get; init; } = "claims";

    public EventTypeRegistry EventTypes { get; init; } = new();

    /// <summary>Projections applied inside the append's transaction: their read models are never behind the log.</summary>
    public IReadOnlyList<IProjection> InlineProjections { get; init; } = [];

    /// <summary>How long a live reader waits for a notification before polling the log anyway.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);
}
