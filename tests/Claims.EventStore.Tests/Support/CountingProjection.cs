using Claims.EventStore.Events;
using Claims.EventStore.Projections;

namespace Claims.EventStore.Tests.Support;

/// <summary>
/// Sums Counted amounts per stream and logs every application (no unique key on purpose: an event applied twice shows
/// up as two rows). An optional gate lets a test hold the projection in the middle of a batch.
/// </summary>
public sealed class CountingProjection(string name = "counting", int version = 1) : IProjection
{
    public string Name { get; } = name;
    public int Version { get; } = version;
    public IReadOnlyCollection<string>? EventTypes => ["Counted"];

    /// <summary>When set, each batch waits on it after writing its first event (in the still-open transaction).</summary>
    public Func<CancellationToken, Task>? MidBatchGate { get; set; }

    /// <summary>When set, applying a Counted with this amount throws: a poisoned event.</summary>
    public int? PoisonAmount { get; set; }

    public async Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct) =>
        await context.ExecuteAsync($"""
            create table {context.Schema}.totals (stream_id text primary key, total bigint not null, events int not null);
            create table {context.Schema}.applied (event_id uuid not null, position bigint not null);
            """, ct);

    public async Task ApplyAsync(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var first = true;
        foreach (var e in events)
        {
            var counted = (Counted)e.Data;
            if (counted.Amount == PoisonAmount) throw new InvalidOperationException($"poisoned amount {counted.Amount}");
            await context.ExecuteAsync($"""
                insert into {context.Schema}.totals (stream_id, total, events) values ($1, $2, 1)
                on conflict (stream_id) do update set total = totals.total + excluded.total, events = totals.events + 1
                """, ct, e.StreamId, (long)counted.Amount);
            await context.ExecuteAsync($"insert into {context.Schema}.applied (event_id, position) values ($1, $2)", ct, e.EventId, e.Position);
            if (first && MidBatchGate is { } gate) await gate(ct);
            first = false;
        }
    }

    public static async Task<List<(string Stream, long Total, int Events)>> TotalsAsync(EventStore store, string name = "counting")
    {
        await using var command = store.DataSource.CreateCommand($"select stream_id, total, events from {store.ProjectionSchema(name)}.totals order by stream_id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long, int)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2)));
        return rows;
    }

    public static async Task<(long Rows, long Distinct)> AppliedAsync(EventStore store, string name = "counting")
    {
        await using var command = store.DataSource.CreateCommand($"select count(*), count(distinct event_id) from {store.ProjectionSchema(name)}.applied");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
