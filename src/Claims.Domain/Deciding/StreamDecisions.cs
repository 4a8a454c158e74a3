using Claims.Domain.Application;
using Marten;

namespace Claims.Domain.Deciding;

/// <summary>
/// What every command handler does around its pure decision: Marten loads the stream for writing (FetchForWriting: the
/// version read is the version expected at commit), an If-Match the caller sent is checked, the decider decides, its events
/// go on the stream under the name of who caused them. Wolverine's transactional middleware commits. Not the
/// [WriteAggregate] workflow: there every value a handler returns is an event to append, and these commands answer with a
/// result.
/// </summary>
public static class StreamDecisions
{
    public sealed record Outcome<TEvent, TState>(TState Before, IReadOnlyList<TEvent> Decided, TState After);

    public static async Task<Outcome<TEvent, TState>> DecideAsync<TCommand, TEvent, TState>(
        IDocumentSession session, Decider<TCommand, TEvent, TState> decider, string streamId, TCommand command, string causedBy,
        CancellationToken ct, long? expectedVersion = null, string? what = null) where TState : class where TEvent : notnull
    {
        var stream = await session.Events.FetchForWriting<TState>(streamId, ct);
        var actual = stream.CurrentVersion ?? 0;
        if (expectedVersion is { } expected && expected != actual) throw new StaleVersionException(what ?? $"Stream '{streamId}'", expected, actual);
        var before = stream.Aggregate ?? decider.Initial;
        var decided = decider.Decide(command, before);
        stream.AppendMany(decided.Cast<object>());
        session.LastModifiedBy = causedBy;
        return new(before, decided, decided.Aggregate(before, decider.Evolve));
    }
}
