namespace Claims.EventStore.Reading;

public sealed record StreamInfo(string Id, string Type, long Version, DateTimeOffset Created, bool Archived);
