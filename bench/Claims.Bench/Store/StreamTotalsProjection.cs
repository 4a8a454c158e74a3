using Claims.Bench.Append;
using Claims.EventStore.Events;
using Claims.EventStore.Projections;
using NpgsqlTypes;

namespace Claims.Bench.Store;

/// <summary>
/// Real but cheap projection work: per stream, how many statements and how many characters they span. A batch is
/// folded in memory first (one row per stream: ON CONFLICT may touch a row only once per statement), then written
/// with one multi-row upsert — the shape a sensible read model has.
/// </summary>
public sealed class StreamTotalsProjection : IProjection
{
    public string Name => "bench_totals";

    public async Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct) =>
        await context.ExecuteAsync($"create table {context.Schema}.totals (stream_id text primary key, statements int not null, characters bigint not null)", ct);

    public async Task ApplyAsync(IReadOnlyList<StoredEvent> events, ProjectionContext context, CancellationToken ct)
    {
        var totals = new Dictionary<string, (int Statements, long Characters)>();
        foreach (var e in events)
        {
            var statement = (BenchStatement)e.Data;
            var (statements, characters) = totals.GetValueOrDefault(e.StreamId);
            totals[e.StreamId] = (statements + 1, characters + statement.End - statement.Start);
        }
        await using var command = context.Command($"""
            insert into {context.Schema}.totals (stream_id, statements, characters)
            select * from unnest($1::text[], $2::int[], $3::bigint[])
            on conflict (stream_id) do update
               set statements = totals.statements + excluded.statements, characters = totals.characters + excluded.characters
            """);
        command.Parameters.Add(new() { Value = totals.Keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = totals.Values.Select(t => t.Statements).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new() { Value = totals.Values.Select(t => t.Characters).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        await command.ExecuteNonQueryAsync(ct);
    }
}
