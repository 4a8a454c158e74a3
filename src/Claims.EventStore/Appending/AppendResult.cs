using Claims.EventStore.Events;

namespace Claims.EventStore.Appending;

/// <param name="StreamVersion">The stream's version after the append: pass it as the next expected version.</param>
/// <param name="Events">What was appended, or for a retried batch what had been appended the first time.</param>
/// <param name="WasAlreadyStored">True when every event id was already in the stream: nothing new was written.</param>
public sealed record AppendResult(string StreamId, long StreamVersion, IReadOnlyList<StoredEvent> Events, bool WasAlreadyStored)
{
    public IEnumerable<long> Positions => Events.Select(e => e.Position);
}
