namespace Claims.EventStore.Events;

/// <summary>An event given as its stored form (type name, schema version, JSON): for replaying recorded streams and for old versions.</summary>
public sealed record RawEvent(string Type, int SchemaVersion, string Json, Guid? EventId = null, EventMetadata? Metadata = null);
