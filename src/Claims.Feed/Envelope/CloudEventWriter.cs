using System.Globalization;
using System.Text.Json;
using Claims.Feed.Log;

namespace Claims.Feed.Envelope;

/// <summary>
/// Writes an event of the log as a CloudEvents 1.0 structured JSON envelope (the feed, the SSE stream and the RabbitMQ
/// relay all use this one writer, so every transport carries the same bytes). See FEED.md for the field list.
/// </summary>
public sealed class CloudEventWriter(string source)
{
    public const string SpecVersion = "1.0";
    public const string DataContentType = "application/json";

    /// <summary>The content type of a whole envelope (CloudEvents structured mode).</summary>
    public const string EnvelopeContentType = "application/cloudevents+json";

    public string Source { get; } = source;

    public void Write(Utf8JsonWriter writer, FeedEvent e)
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
        // As Marten stored it, written with the event catalogue's serializer settings (camelCase, nulls left out): the
        // schema at /events/schemas/{type}.json describes these bytes. PostgreSQL's jsonb text has no raw line breaks,
        // so the envelope stays one line (one SSE data: line).
        writer.WritePropertyName("data");
        // The data comes from a jsonb column, valid JSON by construction: no need to parse it again to check.
        writer.WriteRawValue(e.Data, skipInputValidation: true);
        writer.WriteEndObject();
    }

    public byte[] ToUtf8Bytes(FeedEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, e);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>UTC with a Z and only the fraction digits there are: RFC 3339, as CloudEvents requires for <c>time</c>.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
