using System.Text.Json;
using System.Text.Json.Nodes;
using System.Globalization;
using Claims.Domain.Events;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Claims.TestKit;

/// <summary>
/// Streams recorded as files, one stream per <c>*.jsonl</c> file: the first line is
/// <c>{"stream": "...", "streamType": "..."}</c>, each further line an event
/// <c>{"type": "StatementMade", "schemaVersion": 1, "data": {...}, "eventId"?: "...", "timestamp"?: "...", "metadata"?: {"causedBy": "..."}}</c>,
/// under the events' stable names (the event catalogue), so a folder recorded from one version of Claims replays into
/// another with the same ids, times and authors.
/// </summary>
public static class RecordedStreams
{
    /// <summary>Appends every stream of <paramref name="folder"/> to <paramref name="store"/>, one transaction per
    /// stream; returns the number of events appended. A malformed line is refused (file and line named) before anything of
    /// its stream is written. A stream the store already holds is passed over, so replaying a folder again adds nothing.</summary>
    public static async Task<int> ReplayFolderAsync(IDocumentStore store, string folder, CancellationToken ct = default)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No recorded streams folder at {folder}.");
        var total = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var (streamId, events) = await ReadFileAsync(file, ct);
            await using var session = store.LightweightSession();
            if (await session.Events.FetchStreamStateAsync(streamId, ct) is not null) continue;
            session.Events.StartStream(streamId, events.ToArray());
            await session.SaveChangesAsync(ct);
            total += events.Count;
        }
        return total;
    }

    /// <summary>Writes every stream of the store into <paramref name="folder"/>, one file each.</summary>
    public static async Task<int> RecordAllAsync(IDocumentStore store, NpgsqlDataSource dataSource, string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var command = dataSource.CreateCommand(
            $"select stream_id, type, data::text, user_name, id, timestamp from {schema}.mt_events order by stream_id, version");
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
                    await writer.WriteLineAsync(new JsonObject { ["stream"] = streamId, ["streamType"] = StreamTypeOf(streamId) }.ToJsonString());
                }
                var line = new JsonObject
                {
                    ["type"] = reader.GetString(1), ["schemaVersion"] = 1, ["data"] = JsonNode.Parse(reader.GetString(2)),
                    ["eventId"] = reader.GetGuid(4).ToString(), ["timestamp"] = reader.GetFieldValue<DateTimeOffset>(5).ToString("O"),
                };
                if (!reader.IsDBNull(3)) line["metadata"] = new JsonObject { ["causedBy"] = reader.GetString(3) };
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

    private static string StreamTypeOf(string streamId) =>
        streamId.StartsWith(ClaimsEventTypes.ContradictionStream + "-", StringComparison.Ordinal) ? ClaimsEventTypes.ContradictionStream : ClaimsEventTypes.ArticleStream;

    private static async Task<(string StreamId, List<IEvent> Events)> ReadFileAsync(string file, CancellationToken ct)
    {
        var lines = (await File.ReadAllLinesAsync(file, ct)).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0) throw new FormatException($"{file}: empty; the first line must name the stream.");
        var header = Parse(file, 1, lines[0]);
        var streamId = header["stream"]?.GetValue<string>() ?? throw new FormatException($"{file}:1: the header has no \"stream\".");
        var events = new List<IEvent>();
        for (var i = 1; i < lines.Count; i++)
        {
            var at = $"{file}:{i + 1}";
            var e = Parse(file, i + 1, lines[i]);
            try
            {
                var type = e["type"]?.GetValue<string>() ?? throw new FormatException("the event has no \"type\".");
                var data = e["data"] ?? throw new FormatException("the event has no \"data\".");
                events.Add(StoredEvents.Wrap(type, e["schemaVersion"]?.GetValue<int>() ?? 1, data.ToJsonString(),
                    e["eventId"] is { } id ? Guid.Parse(id.GetValue<string>()) : null,
                    e["timestamp"] is { } time ? DateTimeOffset.Parse(time.GetValue<string>(), CultureInfo.InvariantCulture) : null,
                    e["metadata"]?["causedBy"]?.GetValue<string>()));
            }
            catch (Exception x) when (x is FormatException or InvalidOperationException)
            {
                throw new FormatException($"{at}: {x.Message}", x);
            }
        }
        return (streamId, events);
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
