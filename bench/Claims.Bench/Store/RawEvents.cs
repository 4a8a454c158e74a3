using Claims.Domain.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Bench.Store;

/// <summary>
/// The baselines' writes: the same events with no event-store logic, one multi-row INSERT (unnest) a stream into a table
/// created `like mt_events` (same columns, defaults and indexes, seq_id from Marten's own sequence; no streams table, no
/// version check, no function). The JSON comes from Marten's serializer inside the caller's clock, as any writer's must.
/// </summary>
public sealed class RawEvents(NpgsqlDataSource dataSource, ISerializer serializer, string storeSchema, string table)
{
    /// <summary>Creates <paramref name="table"/> (schema-qualified, its schema made if missing) like the store's mt_events.</summary>
    public static async Task<RawEvents> CreateAsync(NpgsqlDataSource dataSource, IDocumentStore store, string table)
    {
        var storeSchema = store.Options.Events.DatabaseSchemaName;
        await using var command = dataSource.CreateCommand($"""
            create schema if not exists {table.Split('.')[0]};
            drop table if exists {table};
            create table {table} (like {storeSchema}.mt_events including defaults including identity including indexes including constraints);
            """);
        await command.ExecuteNonQueryAsync();
        return new RawEvents(dataSource, store.Options.Serializer(), storeSchema, table);
    }

    public async Task InsertAsync(string streamId, IReadOnlyList<object> events)
    {
        var types = new string[events.Count];
        var dotnetTypes = new string[events.Count];
        var data = new string[events.Count];
        var ids = new Guid[events.Count];
        for (var k = 0; k < events.Count; k++)
        {
            var type = events[k].GetType();
            types[k] = ClaimsEventTypes.NameOf(type)!;
            dotnetTypes[k] = $"{type.FullName}, {type.Assembly.GetName().Name}";
            data[k] = serializer.ToJson(events[k]);
            ids[k] = Guid.CreateVersion7();
        }
        await using var command = dataSource.CreateCommand($"""
            insert into {table} (seq_id, id, stream_id, version, data, type, mt_dotnet_type, correlation_id, causation_id, user_name)
            select nextval('{storeSchema}.mt_events_sequence'), b.id, $1, b.ord, b.data, b.type, b.dotnet_type, $5, $5, 'bench'
              from unnest($2::uuid[], $3::jsonb[], $4::text[], $6::text[]) with ordinality as b (id, data, type, dotnet_type, ord)
            """);
        command.Parameters.Add(new() { Value = streamId });
        command.Parameters.Add(new() { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new() { Value = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        command.Parameters.Add(new() { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = Guid.NewGuid().ToString() });
        command.Parameters.Add(new() { Value = dotnetTypes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }
}
