using System.Text.Json;
using System.Text.Json.Nodes;
using Claims.EventStore.Appending;
using Claims.EventStore.Events;

namespace Claims.TestKit;

/// <summary>
/// Streams recorded as files, one stream per <c>*.jsonl</c> file: the first line is
/// <c>{"stream": "...", "streamType": "..."}</c>, each further line an event
/// <c>{"type": "StatementMade", "schemaVersion": 1, "data": {...}, "eventId"?: "...", "metadata"?: {...}}</c>.
/// Recorded in stored form, so a folder made years ago replays through today's upcasters.
/// </summary>
public static class RecordedStreams
{
    /// <summary>Appends every stream of <paramref name="folder"/> into <paramref name="store"/>; returns the number of events.</summary>
    public static async Task<int> ReplayFolderAsync(EventStore.EventStore store, string folder, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No recorded streams folder at {folder}.");
        var total = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var (streamId, streamType, events) = await ReadFileAsync(file, ct);
            await store.AppendRawAsync(streamId, streamType, ExpectedVersion.Any, events, ct);
            total += events.Count;
        }
        return total;
    }

    /// <summary>Writes every stream of the store into <paramref name="folder"/>, one file each.</summary>
    public static async Task<int> RecordAllAsync(EventStore.EventStore store, string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        await using var command = store.DataSource.CreateCommand(
            $"select s.id, s.type, e.type, e.schema_version, e.data::text, e.event_id, e.metadata::text from {store.Schema}.streams s join {store.Schema}.events e on e.stream_id = s.id order by s.id, e.stream_version");
        await using var reader = await command.ExecuteReaderAsync(ct);
        StreamWriter? writer = null;
        string? current = null;
        var count = 0;
        try
        {
            while (await reader.ReadAsync(ct))
            {
                var streamId = reader.GetString(0);
                if (streamId != current)
                {
                    if (writer is not null) await writer.DisposeAsync();
                    current = streamId;
                    writer = new StreamWriter(Path.Combine(folder, SafeFileName(streamId) + ".jsonl"));
                    await writer.WriteLineAsync(new JsonObject { ["stream"] = streamId, ["streamType"] = reader.GetString(1) }.ToJsonString());
                }
                var line = new JsonObject
                {
                    ["type"] = reader.GetString(2),
                    ["schemaVersion"] = reader.GetInt32(3),
                    ["data"] = JsonNode.Parse(reader.GetString(4)),
                    ["eventId"] = reader.GetGuid(5).ToString(),
                    ["metadata"] = JsonNode.Parse(reader.GetString(6)),
                };
                await writer!.WriteLineAsync(line.ToJsonString());
                count++;
            }
        }
        finally
        {
            if (writer is not null) await writer.DisposeAsync();
        }
        return count;
    }

    private static async Task<(string StreamId, string StreamType, List<RawEvent> Events)> ReadFileAsync(string file, CancellationToken ct)
    {
        var lines = (await File.ReadAllLinesAsync(file, ct)).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) throw new FormatException($"{file}: empty; the first line must name the stream.");
        var header = Parse(file, 1, lines[0]);
        var streamId = header["stream"]?.GetValue<string>() ?? throw new FormatException($"{file}:1: the header has no \"stream\".");
        var streamType = header["streamType"]?.GetValue<string>() ?? throw new FormatException($"{file}:1: the header has no \"streamType\".");
        var events = new List<RawEvent>();
        for (var i = 1; i < lines.Count; i++)
        {
            var e = Parse(file, i + 1, lines[i]);
            var type = e["type"]?.GetValue<string>() ?? throw new FormatException($"{file}:{i + 1}: the event has no \"type\".");
            var data = e["data"] ?? throw new FormatException($"{file}:{i + 1}: the event has no \"data\".");
            var metadata = e["metadata"]?.Deserialize<EventMetadata>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
            events.Add(new RawEvent(type, e["schemaVersion"]?.GetValue<int>() ?? 1, data.ToJsonString(),
                e["eventId"] is { } id ? Guid.Parse(id.GetValue<string>()) : null, metadata));
        }
        return (streamId, streamType, events);
    }

    private static JsonObject Parse(string file, int line, string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new FormatException($"{file}:{line}: not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{file}:{line}: {e.Message}", e);
        }
    }

    private static string SafeFileName(string streamId) =>
        string.Concat(streamId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
