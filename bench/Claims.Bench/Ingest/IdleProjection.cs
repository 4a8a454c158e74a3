using Claims.Domain.Events;
using Claims.Domain.Projections.Running;
using JasperFx.Events;

namespace Claims.Bench.Ingest;

/// <summary>A read model that reads its events and writes nothing: run on Marten's daemon, what the daemon (high-water mark,
/// loading and deserialising the events, its progress row, its transaction) and the read-your-writes wait cost an ingest by
/// themselves, whatever the real read models are made to cost. <see cref="Standing"/> stands in for one of the product's read
/// models: its events, none of its work.</summary>
internal sealed class IdleProjection(string name, IReadOnlyCollection<Type> eventTypes) : ITableProjection
{
    public IdleProjection() : this("idle", ClaimsEventTypes.ArticleEvents) { }

    /// <summary>One that loads what <paramref name="real"/> loads (its event types, in a shard of its own) and applies nothing.</summary>
    public static IdleProjection Standing(ITableProjection real) => new("idle_" + real.Name, real.EventTypes);

    public string Name => name;
    public int Version => 1;
    public IReadOnlyCollection<Type> EventTypes => eventTypes;
    public IReadOnlyList<string> Tables => [];
    public Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    public Task ApplyAsync(IReadOnlyList<IEvent> events, ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}
