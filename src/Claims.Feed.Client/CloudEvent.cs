using System.Globalization;
using System.Text.Json;

namespace Claims.Feed.Client;

/// <summary>
/// One Claims event as the feed sends it: a CloudEvents 1.0 envelope. <see cref="Position"/> is the cursor to resume
/// after it; <see cref="Id"/> is what to de-duplicate by when a transport redelivers.
/// </summary>
public sealed record CloudEvent(
    string Id,
    string Source,
    string Type,
    DateTimeOffset Time,
    string Subject,
    string DataContentType,
    long Position,
    long StreamVersion,
    JsonElement Data)
{
    /// <summary>The stream (article) the event belongs to: the CloudEvents subject.</summary>
    public string StreamId => Subject;

    /// <summary>Reads an envelope; <see cref="FeedProtocolException"/> names what is missing or malformed.</summary>
    public static CloudEvent Parse(JsonElement envelope)
    {
        if (envelope.ValueKind != JsonValueKind.Object) throw new FeedProtocolException("An event envelope is not a JSON object.");
        var specVersion = Text(envelope, "specversion");
        if (specVersion != "1.0") throw new FeedProtocolException($"Unsupported CloudEvents specversion '{specVersion}'.");
        if (!envelope.TryGetProperty("data", out var data)) throw new FeedProtocolException("An event envelope has no 'data'.");
        return new CloudEvent(
            Text(envelope, "id"),
            Text(envelope, "source"),
            Text(envelope, "type"),
            DateTimeOffset.Parse(Text(envelope, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Text(envelope, "subject"),
            envelope.TryGetProperty("datacontenttype", out var contentType) ? contentType.GetString() ?? "application/json" : "application/json",
            Number(envelope, "position"),
            Number(envelope, "streamversion"),
            data.Clone());
    }

    public static CloudEvent Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    private static string Text(JsonElement envelope, string name) =>
        envelope.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FeedProtocolException($"An event envelope has no string '{name}'.");

    /// <summary>Extension attributes travel as strings (CloudEvents integers are 32-bit); a number is accepted too.</summary>
    private static long Number(JsonElement envelope, string name)
    {
        if (envelope.TryGetProperty(name, out var value))
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
            if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number)) return number;
        }
        throw new FeedProtocolException($"An event envelope has no integer '{name}'.");
    }
}

/// <summary>The feed answered with something this client cannot read.</summary>
public sealed class FeedProtocolException(string message) : Exception(message);

/// <summary>The feed refused the request (4xx): retrying the same request cannot help, e.g. a checkpoint from another database.</summary>
public sealed class FeedRequestRefusedException(int status, string body)
    : Exception($"The Claims feed refused the request ({status}): {body}")
{
    public int Status { get; } = status;
    public string Body { get; } = body;
}
