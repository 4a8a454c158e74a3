namespace Claims.Feed.Tests.Support;

/// <summary>Reads a raw text/event-stream into (id, event, data) messages and comments, as a test sees the wire.</summary>
public sealed class SseLines(Stream body)
{
    private readonly StreamReader _reader = new(body);

    public sealed record Message(string? Id, string? Event, string? Data, string? Comment);

    /// <summary>The next message or comment; null at the end of the stream.</summary>
    public async Task<Message?> NextAsync(CancellationToken ct)
    {
        string? id = null, type = null, data = null;
        while (await _reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith(':')) return new Message(null, null, null, line[1..].Trim());
            if (line.Length == 0)
            {
                if (data is not null) return new Message(id, type, data, null);
                continue;
            }
            var colon = line.IndexOf(':');
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data = value; break;
            }
        }
        return null;
    }
}
