using Npgsql;

namespace Claims.Domain.Projections.Running;

/// <summary>
/// Fresh planner statistics on Marten's event tables before a read model replays the log from its start. Marten's daemon
/// pages the log with one query (events after the shard's floor up to the high-water mark, ordered by seq_id, LIMIT a
/// page). With statistics older than the log — a log imported or written faster than autovacuum analyzes it — the planner
/// takes the remaining range for a few hundred rows, fetches all of it with a bitmap scan and sorts it on disk to keep one
/// page: each page then costs a read and sort of everything after it, and a replay grows with the square of the log.
/// Measured in the rebuild benchmark (100 281 events written just before): 200 ms a page on average, 850 ms at most, an
/// 80 MB sort each, against 5–25 ms once analyzed, when the plan walks the seq_id index and stops after one page.
/// Analyze samples a fixed number of rows, so it costs the same on any log size.
/// </summary>
public static class EventLogStatistics
{
    public static async Task RefreshAsync(NpgsqlDataSource dataSource, string storeSchema, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"analyze {storeSchema}.mt_events, {storeSchema}.mt_streams");
        await command.ExecuteNonQueryAsync(ct);
    }
}
