namespace Claims.EventStore.Events;

/// <summary>Why an event was written and by whom: carried with every event, never part of its data.</summary>
public sealed record EventMetadata(
    string? CorrelationId = null,
    string? CausationId = null,
    string? CausedBy = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public static readonly EventMetadata None = new();
}
