using Claims.EventStore.Events;

namespace Claims.EventStore.Projections;

public sealed record ProjectionStatus(string Name, LogPosition Checkpoint, int Version, DateTimeOffset Updated);

/// <summary>Reads projection checkpoints from the database, so any process (a test, /health) can see any daemon's progress.</summary>
public static class ProjectionProgress
{
    public static async Task<IReadOnlyList<ProjectionStatus>> ReadAsync(EventStore store, CancellationToken ct = default)
    {
        await using var command = store.DataSource.CreateCommand($"select name, tx_id, position, version, updated from {store.Schema}.progress order by name");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var all = new List<ProjectionStatus>();
        while (await reader.ReadAsync(ct))
            all.Add(new ProjectionStatus(reader.GetString(0), new LogPosition(reader.GetFieldValue<ulong>(1), reader.GetInt64(2)),
                reader.GetInt32(3), reader.GetFieldValue<DateTimeOffset>(4)));
        return all;
    }

    /// <summary>Waits until each named projection's checkpoint has reached the head of the log as it is at the call, by polling the
    /// progress table: for a process that runs no daemon of its own (an in-process daemon offers WaitForNonStaleAsync, woken by commits).</summary>
    public static async Task WaitForCatchUpAsync(EventStore store, IReadOnlyCollection<string> names, TimeSpan timeout, CancellationToken ct = default)
    {
        var head = await store.HeadAsync(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var statuses = (await ReadAsync(store, ct)).ToDictionary(s => s.Name);
            var behind = names.Where(n => !statuses.TryGetValue(n, out var s) || s.Checkpoint < head).ToList();
            if (behind.Count == 0) return;
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"Projections not caught up with position {head} after {timeout}: {string.Join(", ", behind)}.");
            }
        }
    }
}
