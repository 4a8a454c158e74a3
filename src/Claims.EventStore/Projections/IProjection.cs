using Claims.EventStore.Events;

namespace Claims.EventStore.Projections;

public enum ProjectionLifecycle
{
    /// <summary>Applied in the append's own transaction: the read model is never behind the log.</summary>
    Inline,

    /// <summary>Applied by the daemon, in delivery order, with the checkpoint written in the same transaction.</summary>
    Async,
}

/// <summary>
/// A projection folds events into read-model tables. It owns one PostgreSQL schema (see <see cref="ProjectionContext.Schema"/>),
/// which a rebuild recreates beside the live one and swaps in atomically, so every table name it uses must be
/// qualified with that schema.
/// </summary>
public interface IProjection
{
    /// <summary>A plain identifier (lower case, digits, underscores): names the schema and the progress row.</summary>
    string Name { get; }

    /// <summary>Bump when the read model's shape or rules change: the daemon rebuilds it while the old one keeps serving.</summary>
    int Version => 1;

    /// <summary>The event type names this projection handles, or null for all; the others are passed over (the checkpoint still moves past them).</summary>
    IReadOnlyCollection<string>? EventTypes => null;

    /// <summary>Creates the read-model tables inside <see cref="ProjectionContext.Schema"/> (which already exists and is empty).</summary>
    Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct);

    /// <summary>Applies events in delivery order. Runs inside a transaction that also moves the checkpoint: all or nothing.</summary>
    Task ApplyAsync(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct);
}
