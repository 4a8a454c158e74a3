using Claims.Domain.Application;
using Claims.Domain.Events;
using Claims.Domain.Projections;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine;
using Wolverine.Runtime;

namespace Claims.Domain.Contradictions.Reopening;

/// <summary>
/// Turns the reopenings the contradictions read model found into ContradictionReopened events on the contradictions' streams.
/// Only that read model knows when records join a contradiction (the finder runs there, over every article), and a
/// projection must not append events: its batch can be replayed by a rebuild, and it runs inside Marten's daemon
/// transaction. So the projection writes each reopening to its <c>reopenings</c> table in the same transaction as the status
/// (an outbox: a reopening is never lost, never seen before it commits), and this relay sends each one as a
/// <see cref="ReopenContradiction"/> command through Wolverine, deleting the row after. The decider makes that idempotent
/// — a reopening already told, or about a verdict that a newer one replaced, decides nothing — so a crash between the
/// command and the delete, a rebuild that writes the rows again, and several servers relaying at once all end with one
/// event per reopening.
/// </summary>
internal sealed class ReopeningRelay(NpgsqlDataSource dataSource, ReadModels read, IWolverineRuntime wolverine, TimeProvider clock, ILogger<ReopeningRelay> log)
    : BackgroundService
{
    /// <summary>Who the events are recorded as written by (mt_events.user_name).</summary>
    public const string Identity = "claims";

    /// <summary>How often the outbox is looked at: a reopening shows in the read model at once, its event follows within this.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!read.Runs(ContradictionsProjection.ProjectionName)) return; // no read model to find reopenings
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RelayAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The rows stay; the next tick tries again.
                log.LogWarning(e, "Relaying contradiction reopenings failed; retrying");
            }
        }
    }

    /// <summary>Sends every pending reopening; returns how many were sent.</summary>
    public async Task<int> RelayAsync(CancellationToken ct)
    {
        var schema = read.SchemaOf(ContradictionsProjection.ProjectionName);
        var pending = new List<ReopenContradiction>();
        await using (var command = dataSource.CreateCommand($"select contradiction_id, verdict_count, article_ids, record_ids from {schema}.reopenings order by contradiction_id limit 100"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var articles = reader.GetFieldValue<string[]>(2);
                var records = reader.GetFieldValue<string[]>(3);
                pending.Add(new ReopenContradiction(reader.GetString(0), reader.GetInt32(1),
                    articles.Zip(records, (a, r) => new RecordRef(a, r)).ToList(), clock.GetUtcNow()));
            }
        foreach (var reopen in pending)
        {
            await new MessageBus(wolverine).InvokeAsync<ContradictionReviewState>(reopen, ct);
            await using var delete = dataSource.CreateCommand($"delete from {schema}.reopenings where contradiction_id = $1 and verdict_count = $2");
            delete.Parameters.Add(new() { Value = reopen.ContradictionId });
            delete.Parameters.Add(new() { Value = reopen.VerdictCount });
            await delete.ExecuteNonQueryAsync(ct);
        }
        return pending.Count;
    }
}
