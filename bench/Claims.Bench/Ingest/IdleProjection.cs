using Claims.Domain.Events;
using Claims.Domain.Projections.Running;
using JasperFx.Events;

namespace Claims.Bench.Ingest;

/// <summary>A read model that reads every article event and writes nothing: run alone on Marten's daemon, what the daemon
/// (high-water mark, loading and deserialising the events, its progress row, its transaction) and the read-your-writes wait
/// cost an ingest by themselves, whatever the real read models are made to cost.</summary>
internal sealed class IdleProjection : ITableProjection
{
    public string Name => "idle";
    public int Version => 1;
    public IReadOnlyCollection<Type> EventTypes => ClaimsEventTypes.ArticleEvents;
    public IReadOnlyList<string> Tables => [];
    public Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
    public Task ApplyAsync(IReadOnlyList<IEvent> events, ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}
