namespace Claims.EventStore.Events;

/// <summary>An event about to be appended. Give a stable <paramref name="EventId"/> to make a retried append idempotent.</summary>
public sealed record NewEvent(object Data, Guid? EventId = null, EventMetadata? Metadata = null);
