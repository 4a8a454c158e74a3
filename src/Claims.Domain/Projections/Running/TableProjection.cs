using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Npgsql;

namespace Claims.Domain.Projections.Running;

/// <summary>
/// Runs an <see cref="ITableProjection"/> as a Marten projection. Marten hands <see cref="ApplyAsync"/> a page of events and
/// writes what the session queued, then Marten's progress row, in one transaction. Our SQL both reads and writes its own
/// tables, and reads made through the session would use another connection that cannot see the batch's own writes; so
/// the events are handed to an <see cref="ITransactionParticipant"/>, which Marten runs on the batch's connection and
/// transaction just before commit. A failure there rolls back the batch, progress included, and Marten retries it.
/// </summary>
public sealed class TableProjection(ITableProjection projection, string schema) : IProjection
{
    public ITableProjection Projection { get; } = projection;

    /// <summary>The schema this version of the projection writes and readers of this version read.</summary>
    public string Schema { get; } = schema;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return Task.CompletedTask;
        if (operations is not ITransactionParticipantRegistrar registrar)
            throw new InvalidOperationException($"Projection '{Projection.Name}' runs only as an async projection (its SQL needs the daemon's batch transaction).");
        registrar.AddTransactionParticipant(new Batch(this, events));
        return Task.CompletedTask;
    }

    private sealed class Batch(TableProjection owner, IReadOnlyList<IEvent> events) : ITransactionParticipant
    {
        public Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token) =>
            owner.Projection.ApplyAsync(events, new ProjectionContext(connection, transaction, owner.Schema), token);
    }

    /// <summary>The schema of one version of a projection: "&lt;store schema&gt;_&lt;name&gt;_v&lt;version&gt;".</summary>
    public static string SchemaFor(string storeSchema, ITableProjection projection) => $"{storeSchema}_{projection.Name}_v{projection.Version}";

    /// <summary>Registers the projection as an async Marten projection under its name and version, loading only its event
    /// types, with its tables emptied when Marten rebuilds it.</summary>
    public static TableProjection Register(StoreOptions options, ITableProjection projection)
    {
        var adapter = new TableProjection(projection, SchemaFor(options.DatabaseSchemaName, projection));
        var wrapper = new ProjectionWrapper<IDocumentOperations, IQuerySession>(adapter, ProjectionLifecycle.Async)
        {
            Name = projection.Name,
            Version = (uint)projection.Version,
        };
        foreach (var type in projection.EventTypes) wrapper.IncludeType(type);
        options.Projections.Add(wrapper, ProjectionLifecycle.Async, o =>
        {
            foreach (var table in projection.Tables) o.DeleteDataInTableOnTeardown($"{adapter.Schema}.{table}");
        });
        return adapter;
    }
}
