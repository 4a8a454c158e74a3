using Claims.EventStore.Events;
using Claims.EventStore.Serialization;
using Npgsql;

namespace Claims.EventStore.Reading;

/// <summary>The one place that knows the column list of an event row and how it becomes a <see cref="StoredEvent"/>.</summary>
internal static class EventRows
{
    public const string Columns =
        "position, tx_id, stream_id, stream_version, event_id, type, schema_version, data::text, metadata::text, timestamp";

    public static StoredEvent Read(NpgsqlDataReader row, EventTypeRegistry types)
    {
        var type = row.GetString(5);
        var schemaVersion = row.GetInt32(6);
        var position = row.GetInt64(0);
        object data;
        try
        {
            data = types.Deserialize(type, schemaVersion, row.GetString(7));
        }
        catch (Exception e) when (e is not EventSerializationException)
        {
            throw new EventSerializationException($"Event {type} v{schemaVersion} at position {position} cannot be read: {e.Message}", e);
        }
        return new StoredEvent(
            position,
            row.GetFieldValue<ulong>(1),
            row.GetString(2),
            row.GetInt64(3),
            row.GetGuid(4),
            type,
            schemaVersion,
            data,
            MetadataJson.Deserialize(row.GetString(8)),
            row.GetFieldValue<DateTimeOffset>(9));
    }

    public static async Task<List<StoredEvent>> ReadAllRows(NpgsqlCommand command, EventTypeRegistry types, CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) events.Add(Read(reader, types));
        return events;
    }
}
