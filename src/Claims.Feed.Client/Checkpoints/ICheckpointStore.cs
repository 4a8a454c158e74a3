namespace Claims.Feed.Client.Checkpoints;

/// <summary>
/// Where a subscriber keeps the position of the last event it has handled. Saved after the handler returns, so a crash
/// in between redelivers that event (at-least-once); <see cref="PostgresCheckpointStore"/> with the transactional
/// RunAsync makes it exactly-once for work done in the same database.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The last handled position, or 0 when nothing was handled yet.</summary>
    Task<long> LoadAsync(CancellationToken ct);

    Task SaveAsync(long position, CancellationToken ct);
}
