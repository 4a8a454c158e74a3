using JasperFx.Events;

namespace Claims.Domain.Projections.Running;

/// <summary>
/// A read model kept in tables of its own PostgreSQL schema and updated with set-based SQL, one batch of events at a time.
/// Marten's async daemon drives it (see <see cref="TableProjection"/>): it picks the events, keeps the progress and elects
/// the process that runs it; the SQL runs inside the daemon's own batch transaction, so the read model and Marten's
/// progress row commit together and an applied batch is never applied twice.
/// </summary>
public interface ITableProjection
{
    /// <summary>A plain identifier (lower case, digits, underscores): Marten's projection name and part of the schema name.</summary>
    string Name { get; }

    /// <summary>Bump when the tables' shape or the rules change: the new version is built from the start of the log into a
    /// schema of its own while processes still on the old version keep serving the old schema.</summary>
    int Version { get; }

    /// <summary>The event types it reads; Marten loads only these.</summary>
    IReadOnlyCollection<Type> EventTypes { get; }

    /// <summary>Every table <see cref="CreateSchemaAsync"/> creates, unqualified: emptied when Marten rebuilds the projection.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>Creates the tables inside <see cref="ProjectionContext.Schema"/> (which exists and is empty).</summary>
    Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct);

    /// <summary>Applies events in sequence order, inside the transaction that also moves Marten's progress: all or nothing.
    /// It may read its own tables through the context, writes of this batch included.</summary>
    Task ApplyAsync(IReadOnlyList<IEvent> events, ProjectionContext context, CancellationToken ct);
}
