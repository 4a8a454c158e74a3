using Claims.EventStore.Events;
using Claims.EventStore.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Claims.EventStore.Appending;

/// <summary>
/// Serialises a batch up front (so a bad event fails before anything is sent), then writes it in one prepared statement:
/// plain SQL for a new stream, append_events (version, archive and retry checks) otherwise.
/// </summary>
internal sealed class Appender(string schema, EventTypeRegistry types)
{
    private readonly string _sql = $"select * from {schema}.append_events($1, $2, $3, $4, $5, $6, $7, $8)";

    /// <summary>
    /// A new stream in one plain statement: creates the stream row at its final version and writes the events, or, when
    /// the stream already exists, writes nothing and returns no row. A new stream needs none of append_events' checks:
    /// it holds no event, so it is at version 0 (what NoStream and Any accept), is not archived, and cannot hold the
    /// batch's ids (an id stored in another stream fails on events_event_id_key). Same rows, same columns (tx_id
    /// included), same notification as append_events.
    /// </summary>
    private readonly string _newStreamSql = $"""
        with stream as (
            insert into {schema}.streams (id, type, version) values ($1, $2, cardinality($3::uuid[]))
                on conflict (id) do nothing
                returning id),
        appended as (
            insert into {schema}.events (stream_id, stream_version, event_id, type, schema_version, data, metadata)
            select stream.id, b.ord, b.event_id, b.type, b.schema_version, b.data, b.metadata
              from stream, unnest($3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[])
                   with ordinality as b (event_id, type, schema_version, data, metadata, ord)
            returning position, stream_version, tx_id, timestamp, event_id),
        notified as materialized (
            select pg_notify('{schema}_events', '') from stream)
        select a.position, a.stream_version, a.tx_id, a.timestamp, false, a.event_id from appended a, notified
        """;

    public sealed record Serialized(Guid[] Ids, string[] Types, int[] SchemaVersions, string[] Data, string[] Metadata, object[] Originals, EventMetadata[] OriginalMetadata);

    public Serialized Serialize(string streamId, IReadOnlyList<NewEvent> events)
    {
        var batch = new BatchBuilder(streamId, events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i] ?? throw new ArgumentException($"Event #{i} of the batch for stream '{streamId}' is null.", nameof(events));
            if (e.Data is null) throw new ArgumentException($"Event #{i} of the batch for stream '{streamId}' has no data.", nameof(events));
            var (type, json) = types.Serialize(e.Data);
            batch.Add(i, e.EventId, type.Name, type.SchemaVersion, json, e.Metadata, e.Data);
        }
        return batch.Result;
    }

    /// <summary>Stored-form events: the JSON must parse, and it is read back through the registry (upcasters included) for inline projections.</summary>
    public Serialized SerializeRaw(string streamId, IReadOnlyList<RawEvent> events)
    {
        var batch = new BatchBuilder(streamId, events.Count);
        for (var i = 0; i < events.Count; i++)
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
            batch.Add(i, e.EventId, e.Type, e.SchemaVersion, e.Json, e.Metadata, data);
        }
        return batch.Result;
    }

    /// <summary>Fills the parallel arrays append_events takes, refusing an event id given twice in one batch.</summary>
    private sealed class BatchBuilder(string streamId, int count)
    {
        private readonly HashSet<Guid> _seen = [];

        public Serialized Result { get; } = new(new Guid[count], new string[count], new int[count], new string[count], new string[count], new object[count], new EventMetadata[count]);

        public void Add(int i, Guid? eventId, string type, int schemaVersion, string json, EventMetadata? metadata, object data)
        {
            var id = eventId ?? Guid.CreateVersion7();
            if (!_seen.Add(id)) throw new AppendRejectedException(streamId, $"event id {id} appears twice in one batch");
            Result.Ids[i] = id;
            Result.Types[i] = type;
            Result.SchemaVersions[i] = schemaVersion;
            Result.Data[i] = json;
            Result.OriginalMetadata[i] = metadata ?? EventMetadata.None;
            Result.Metadata[i] = MetadataJson.Serialize(metadata);
            Result.Originals[i] = data;
        }
    }

    public async Task<AppendResult> AppendAsync(
        NpgsqlConnection connection, string streamId, string streamType, ExpectedVersion expected, Serialized batch, CancellationToken ct)
    {
        try
        {
            // The usual append (one article, one batch, a new stream) in plain SQL; anything else, and a stream that turns
            // out to exist already, goes through append_events, which does the version, archive and retry checks.
            if (expected == ExpectedVersion.NoStream || expected == ExpectedVersion.Any)
            {
                var created = await ExecuteAsync(connection, _newStreamSql, streamId, streamType, null, batch, ct);
                if (created is not null) return created;
            }
            return await ExecuteAsync(connection, _sql, streamId, streamType, expected.Value, batch, ct)
                ?? throw new InvalidOperationException($"append_events returned no row for stream '{streamId}'.");
        }
        catch (PostgresException e) when (e.SqlState == "CL001")
        {
            throw new WrongExpectedVersionException(streamId, expected, ActualVersion(e));
        }
        catch (PostgresException e) when (e.SqlState is "CL002" or "CL003")
        {
            throw new AppendRejectedException(streamId, e.MessageText, e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "events_event_id_key")
        {
            throw new AppendRejectedException(streamId, "an event id of the batch is already stored in another stream", e);
        }
    }

    /// <summary>
    /// append_events puts the actual version in the error's detail, which Npgsql redacts unless the connection string
    /// says Include Error Detail; the message ends with it too ("..., actual 3").
    /// </summary>
    private static long ActualVersion(PostgresException e) =>
        long.TryParse(e.Detail, out var fromDetail) ? fromDetail
        : long.TryParse(e.MessageText[(e.MessageText.LastIndexOf(' ') + 1)..], out var fromMessage) ? fromMessage
        : throw new InvalidOperationException($"Cannot read the actual version from append_events' error: {e.MessageText}", e);

    /// <summary>Runs one append statement; null when it returned no row (the new-stream statement on an existing stream).</summary>
    private static async Task<AppendResult?> ExecuteAsync(NpgsqlConnection connection, string sql, string streamId, string streamType,
        long? expected, Serialized batch, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = streamType, NpgsqlDbType = NpgsqlDbType.Text });
        if (expected is { } expectedValue) command.Parameters.Add(new NpgsqlParameter { Value = expectedValue, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.SchemaVersions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = batch.Metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });

        var stored = new List<StoredEvent>(batch.Ids.Length);
        var duplicate = false;
        var indexOf = new Dictionary<Guid, int>(batch.Ids.Length);
        for (var i = 0; i < batch.Ids.Length; i++) indexOf[batch.Ids[i]] = i;
        // Prepared once per pooled connection: besides the parse it saves, a connection holding prepared statements is
        // reset without DISCARD ALL, which would also throw away the plans cached inside append_events.
        await command.PrepareAsync(ct);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
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
        if (stored.Count == 0) return null;
        stored.Sort((a, b) => a.StreamVersion.CompareTo(b.StreamVersion));
        return new AppendResult(streamId, stored[^1].StreamVersion, stored, duplicate);
    }
}
