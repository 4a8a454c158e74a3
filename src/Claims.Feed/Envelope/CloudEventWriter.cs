using System.Globalization;
using System.Text.Json;
using Claims.EventStore.Events;
using Claims.EventStore.Serialization;

namespace Claims.Feed.Envelope;

/// <summary>
/// Writes a stored event as a CloudEvents 1.0 structured JSON envelope (the feed, the SSE stream and the RabbitMQ
/// relay all use this one writer, so every transport carries the same bytes). See FEED.md for the field list.
/// </summary>
public sealed class CloudEventWriter(EventTypeRegistry types, string source)
{
    public const string SpecVersion = "1.0";
    public const string DataContentType = "application/json";

    /// <summary>The content type of a whole envelope (CloudEvents structured mode).</summary>
    public const string EnvelopeContentType = "application/cloudevents+json";

    public string Source { get; } = source;

    public void Write(Utf8JsonWriter writer, StoredEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("specversion", SpecVersion);
        writer.WriteString("id", e.EventId.ToString("D"));
        writer.WriteString("source", Source);
        writer.WriteString("type", e.EventType);
        writer.WriteString("time", Rfc3339(e.Timestamp));
        writer.WriteString("subject", e.StreamId);
        writer.WriteString("datacontenttype", DataContentType);
        // Strings, not numbers: the CloudEvents type system's Integer is 32-bit and a position is a bigint; the
        // spec's own "sequence" extension is a string for the same reason.
        writer.WriteString("position", e.Position.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("streamversion", e.StreamVersion.ToString(CultureInfo.InvariantCulture));
        writer.WritePropertyName("data");
        WriteData(writer, e);
        writer.WriteEndObject();
    }

    public byte[] ToUtf8Bytes(StoredEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, e);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The data at the event type's current schema version (upcast on read), so it always matches the schema served at
    /// /events/schemas/{type}.json. An event type this process does not know goes out as stored.
    /// </summary>
    private void WriteData(Utf8JsonWriter writer, StoredEvent e)
    {
        if (e.Data is UnknownEvent unknown)
            writer.WriteRawValue(unknown.Json);
        else if (types.TryGetByName(e.EventType, out var type))
            JsonSerializer.Serialize(writer, e.Data, type.TypeInfo);
        else
            throw new InvalidOperationException($"Event {e.EventId} at position {e.Position} has type {e.EventType}, which is not registered.");
    }

    /// <summary>UTC with a Z and only the fraction digits there are: RFC 3339, as CloudEvents requires for <c>time</c>.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
