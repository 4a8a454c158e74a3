using System.Text;

namespace Claims.Feed.Client.Sse;

/// <summary>One dispatched SSE message.</summary>
internal sealed record ServerSentEvent(string? Id, string Event, string Data);

/// <summary>
/// A minimal text/event-stream parser (WHATWG HTML §9.2): fields id, event, data; comments (heartbeats) are skipped
/// but count as life. A message is dispatched only at its blank line, so a connection cut mid-message yields nothing
/// half-read.
/// </summary>
internal sealed class ServerSentEventReader(Stream stream, TimeSpan idleTimeout)
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next message, or null when the server ended the stream. TimeoutException when the connection goes silent.</summary>
    public async Task<ServerSentEvent?> ReadAsync(CancellationToken ct)
    {
        string? id = null;
        var type = "message";
        var data = new StringBuilder();
        var hasData = false;
        while (true)
        {
            var line = await ReadLineAsync(ct);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (hasData) return new ServerSentEvent(id, type, data.ToString());
                id = null;
                type = "message";
                continue;
            }
            if (line[0] == ':') continue;
            var colon = line.IndexOf(':');
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' ')) value = value[1..];
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data":
                    if (hasData) data.Append('\n');
                    data.Append(value);
                    hasData = true;
                    break;
            }
        }
    }

    private async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
        idle.CancelAfter(idleTimeout);
        try
        {
            return await _reader.ReadLineAsync(idle.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The live feed sent nothing, not even a heartbeat, for {idleTimeout}.");
        }
    }
}
