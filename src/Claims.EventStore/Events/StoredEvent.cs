namespace Claims.EventStore.Events;

/// <summary>An event as it stands in the log.</summary>
/// <param name="Position">Global position, unique and increasing in insertion order (not commit order).</param>
/// <param name="TransactionId">The writing transaction; with the position it gives the delivery order.</param>
/// <param name="StreamVersion">1 for the first event of a stream.</param>
/// <param name="EventType">The stable type name, independent of CLR names.</param>
/// <param name="Data">The deserialised event, upcast to the current schema version; an <see cref="UnknownEvent"/> when its type is not registered.</param>
public sealed record StoredEvent(
    long Position,
    ulong TransactionId,
    string StreamId,
    long StreamVersion,
    Guid EventId,
    string EventType,
    int SchemaVersion,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset Timestamp)
{
    public LogPosition LogPosition => new(TransactionId, Position);
}

/// <summary>An event whose type this process does not know: kept as raw JSON, so readers skip it rather than fail.</summary>
public sealed record UnknownEvent(string Json);
