using Claims.EventStore.Events;
using Claims.EventStore.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Claims.EventStore.Appending;

/// <summary>Serialises a batch up front (so a bad event fails before anything is sent) and calls append_events once.</summary>
internal sealed class Appender(string schema, EventTypeRegistry types)
{
    private readonly string _sql = $"select * from {schema}.append_events($1, $2, $3, $4, $5, $6, $7, $8)";

    public sealed record Serialized(Guid[] Ids, string[] Types, int[] SchemaVersions, string[] Data, string[] Metadata, object[] Originals, EventMetadata[] OriginalMetadata);

    public Serialized Serialize(string streamId, IReadOnlyList<NewEvent> events)
    {
        var count = events.Count;
        var batch = new Serialized(new Guid[count], new string[count], new int[count], new string[count], new string[count], new object[count], new EventMetadata[count]);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Event #{i} of the batch for stream '{streamId}' is null.", nameof(events));
            if (e.Data is null) throw new ArgumentException($"Event #{i} of the batch for stream '{streamId}' has no data.", nameof(events));
            var (type, json) = types.Serialize(e.Data);
            batch.Ids[i] = e.EventId ?? Guid.CreateVersion7();
            if (!seen.Add(batch.Ids[i]))
                throw new AppendRejectedException(streamId, $"event id {batch.Ids[i]} appears twice in one batch");
            batch.Types[i] = type.Name;
            batch.SchemaVersions[i] = type.SchemaVersion;
            batch.Data[i] = json;
            batch.OriginalMetadata[i] = e.Metadata ?? EventMetadata.None;
            batch.Metadata[i] = MetadataJson.Serialize(e.Metadata);
            batch.Originals[i] = e.Data;
        }
        return batch;
    }

    /// <summary>Stored-form events: the JSON must parse, and it is read back through the registry (upcasters included) for inline projections.</summary>
    public Serialized SerializeRaw(string streamId, IReadOnlyList<RawEvent> events)
    {
        var count = events.Count;
        var batch = new Serialized(new Guid[count], new string[count], new int[count], new string[count], new string[count], new object[count], new EventMetadata[count]);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < count; i++)
        {
            var e = events[i];
            ArgumentException.ThrowIfNullOrWhiteSpace(e.Type);
            object data;
            try
            {
                data = types.Deserialize(e.Type, e.SchemaVersion, e.Json);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or EventSerializationException)
            {
                throw new EventSerializationException($"Event #{i} ({e.Type} v{e.SchemaVersion}) for stream '{streamId}' is not valid: {ex.Message}", ex);
            }
            batch.Ids[i] = e.EventId ?? Guid.CreateVersion7();
            if (!seen.Add(batch.Ids[i]))
                throw new AppendRejectedException(streamId, $"event id {batch.Ids[i]} appears twice in one batch");
            batch.Types[i] = e.Type;
            batch.SchemaVersions[i] = e.SchemaVersion;
            batch.Data[i] = e.Json;
            batch.OriginalMetadata[i] = e.Metadata ?? EventMetadata.None;
            batch.Metadata[i] = MetadataJson.Serialize(e.Metadata);
            batch.Originals[i] = data;
        }
        return batch;
    }

    public async Task<AppendResult> AppendAsync(
        NpgsqlConnection connection, string streamId, string streamType, ExpectedVersion expected, Serialized batch, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(_sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = streamType, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = expected.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.SchemaVersions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });

        var stored = new List<StoredEvent>(batch.Ids.Length);
        var duplicate = false;
        var indexOf = new Dictionary<Guid, int>(batch.Ids.Length);
        for (var i = 0; i < batch.Ids.Length; i++) indexOf[batch.Ids[i]] = i;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var position = reader.GetInt64(0);
                var version = reader.GetInt64(1);
                duplicate = reader.GetBoolean(4);
                var index = indexOf[reader.GetGuid(5)];
                stored.Add(new StoredEvent(
                    position, reader.GetFieldValue<ulong>(2), streamId, version, batch.Ids[index], batch.Types[index],
                    batch.SchemaVersions[index], batch.Originals[index], batch.OriginalMetadata[index], reader.GetFieldValue<DateTimeOffset>(3)));
            }
        }
        catch (PostgresException e) when (e.SqlState == "CL001")
        {
            throw new WrongExpectedVersionException(streamId, expected, long.Parse(e.Detail!));
        }
        catch (PostgresException e) when (e.SqlState is "CL002" or "CL003")
        {
            throw new AppendRejectedException(streamId, e.MessageText, e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "events_event_id_key")
        {
            throw new AppendRejectedException(streamId, "an event id of the batch is already stored in another stream", e);
        }

        stored.Sort((a, b) => a.StreamVersion.CompareTo(b.StreamVersion));
        return new AppendResult(streamId, stored[^1].StreamVersion, stored, duplicate);
    }
}
