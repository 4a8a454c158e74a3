namespace Claims.EventStore.Daemon;

public sealed class DaemonOptions
{
    /// <summary>Events applied per transaction, at most. A projection that follows the head applies what has arrived
    /// (a few events); one that lags (at start, after a burst, behind a bulk load) catches up in big batches, because each
    /// batch pays for a transaction, a checkpoint and the reads around what it changes, such as the strike days of its
    /// articles. Measured by the query benchmark's load (bench/RESULTS.md): 500 → 5 000 took the strike projections'
    /// catch-up from about 1 400 to 3 200 events/s, and 20 000 took loading 1 000 000 events from 468 to 371 s.</summary>
    public int BatchSize { get; init; } = 20000;

    /// <summary>How often a daemon that owns nothing tries to take over a projection: the failover time.</summary>
    public TimeSpan OwnershipRetry { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Called when a projection loop fails (it retries); wire it to your logger.</summary>
    public Action<string, Exception>? OnError { get; init; }
}
