using System.Text.Json.Nodes;
using Claims.Domain.Application;
using Claims.Domain.Tests.Marten;
using Claims.TestKit;
using Npgsql;
using NpgsqlTypes;

namespace Claims.Domain.Tests.Importing;

/// <summary>
/// A database written by the store Claims used before Marten starts with everything it held: the events in Marten's log in
/// the old delivery order with their ids, timestamps and who caused them, the read models built from them, the old tables
/// kept as legacy_*, and no second import at the next start. The old database is made with the old schema (its migration
/// from git history) and written through its own append_events, with the events today's Claims decides for the seeds.
/// </summary>
public sealed class LegacyStoreImportTests
{
    private sealed record OldEvent(string Stream, Guid Id, string Type, string Data, string? CausedBy);

    [Fact]
    public async Task A_database_of_the_old_store_is_imported_whole_once_and_its_read_models_rebuilt()
    {
        var events = await EventsOfTheSeedsAsync();
        await using var legacy = await PostgresDatabase.CreateAsync();
        await WriteAsTheOldStoreDidAsync(legacy, events);
        var old = await ReadAsync(legacy, "select event_id, timestamp, stream_id, stream_version from claims.events order by tx_id, position");

        await using (var runtime = await MartenRuns.StartAsync(legacy.ConnectionString))
        {
            var imported = await ReadAsync(legacy, "select id, timestamp, stream_id, version from claims.mt_events order by seq_id");
            Assert.Equal(old, imported); // same ids, timestamps, streams and versions, in the old order
            await using (var users = legacy.DataSource.CreateCommand("select count(*) from claims.mt_events where user_name = 'feeder'"))
                Assert.Equal(events.Count(e => e.CausedBy == "feeder"), (long)(await users.ExecuteScalarAsync())!);

            await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
            var contradictions = await runtime.Application.ListContradictionsAsync();
            Assert.Equal(4, contradictions.Count);
            Assert.Single(contradictions, c => c.Status == "confirmed"); // the verdict came along
        }

        // Imported once: the old tables are renamed, and the next start finds nothing to import.
        await using (var again = await MartenRuns.StartAsync(legacy.ConnectionString))
        {
            Assert.Equal(old.Count, await again.Progress.HeadAsync());
            await using var tables = legacy.DataSource.CreateCommand("select to_regclass('claims.events') is null and to_regclass('claims.legacy_events') is not null");
            Assert.True((bool)(await tables.ExecuteScalarAsync())!);
        }
    }

    /// <summary>What today's Claims writes for the five seeds and one verdict, in log order.</summary>
    private static async Task<List<OldEvent>> EventsOfTheSeedsAsync()
    {
        await using var source = await PostgresDatabase.CreateAsync();
        await using var runtime = await MartenRuns.StartAsync(source.ConnectionString);
        foreach (var seed in Support.Seeds.All) await runtime.Application.IngestAsync(seed.Request, "feeder");
        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        var first = (await runtime.Application.ListContradictionsAsync())[0];
        await runtime.Application.RecordVerdictAsync(first.Id, new RecordVerdictRequest("confirmed", "checked"), "alice");
        var events = new List<OldEvent>();
        await using var command = source.DataSource.CreateCommand("select stream_id, id, type, data::text, user_name from claims.mt_events order by seq_id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            events.Add(new OldEvent(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return events;
    }

    private static async Task WriteAsTheOldStoreDidAsync(PostgresDatabase database, IReadOnlyList<OldEvent> events)
    {
        var ddl = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Importing", "legacy_0001_event_store.sql"))).Replace("{schema}", "claims");
        await using (var create = database.DataSource.CreateCommand("create schema claims"))
            await create.ExecuteNonQueryAsync();
        await using (var migrate = database.DataSource.CreateCommand(ddl))
            await migrate.ExecuteNonQueryAsync();
        await using (var marker = database.DataSource.CreateCommand("create table claims.schema_migrations (version int primary key, name text not null)"))
            await marker.ExecuteNonQueryAsync();
        // One append per run of one stream's events, as the old ingest did (one call per article or verdict).
        foreach (var run in Runs(events))
        {
            await using var append = database.DataSource.CreateCommand("select * from claims.append_events($1, $2, -1, $3, $4, $5, $6, $7)");
            append.Parameters.Add(new() { Value = run[0].Stream });
            append.Parameters.Add(new() { Value = run[0].Stream.StartsWith("contradiction-") ? "contradiction" : "article" });
            append.Parameters.Add(new() { Value = run.Select(e => e.Id).ToArray() });
            append.Parameters.Add(new() { Value = run.Select(e => e.Type).ToArray() });
            append.Parameters.Add(new() { Value = run.Select(_ => 1).ToArray() });
            append.Parameters.Add(new() { Value = run.Select(e => e.Data).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            append.Parameters.Add(new()
            {
                Value = run.Select(e => new JsonObject { ["causedBy"] = e.CausedBy }.ToJsonString()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            });
            await using var reader = await append.ExecuteReaderAsync();
            while (await reader.ReadAsync()) { }
        }
    }

    private static IEnumerable<List<OldEvent>> Runs(IReadOnlyList<OldEvent> events)
    {
        var run = new List<OldEvent>();
        foreach (var e in events)
        {
            if (run.Count > 0 && run[0].Stream != e.Stream)
            {
                yield return run;
                run = [];
            }
            run.Add(e);
        }
        if (run.Count > 0) yield return run;
    }

    private static async Task<List<(Guid, DateTimeOffset, string, long)>> ReadAsync(PostgresDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(Guid, DateTimeOffset, string, long)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetInt64(3)));
        return rows;
    }
}
