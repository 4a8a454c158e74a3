namespace Claims.EventStore.Daemon;

public sealed class DaemonOptions
{
    /// <summary>Events applied per transaction.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How often a daemon that owns nothing tries to take over a projection: the failover time.</summary>
    public TimeSpan OwnershipRetry { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Called when a projection loop fails (it retries); wire it to your logger.</summary>
    public Action<string, Exception>? OnError { get; init; }
}
