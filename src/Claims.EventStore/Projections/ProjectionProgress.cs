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
}
