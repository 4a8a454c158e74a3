namespace Claims.Feed;

/// <summary>How the HTTP event feed behaves. The defaults suit production; tests shorten the timings.</summary>
public sealed class FeedOptions
{
    /// <summary>The CloudEvents <c>source</c> of every event: which system produced it.</summary>
    public string Source { get; init; } = "urn:claims";

    /// <summary>Page size of <c>GET /events</c> when <c>limit</c> is not given.</summary>
    public int DefaultLimit { get; init; } = 100;

    /// <summary>Largest <c>limit</c> accepted; above it the request is refused with 400 rather than silently capped.</summary>
    public int MaxLimit { get; init; } = 1000;

    /// <summary>How often an idle live connection gets an SSE comment, so proxies and clients do not time it out.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Events held for one live client between the log reader and the response writer.</summary>
    public int LiveBufferSize { get; init; } = 512;

    /// <summary>
    /// A live client whose buffer stays full this long, or whose socket takes this long to accept a write, is
    /// disconnected: it would otherwise hold a reader and memory for nothing. It resumes with Last-Event-ID.
    /// </summary>
    public TimeSpan SlowClientTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many events a live connection reads from the log at a time; after a full batch it reads again at once.</summary>
    public int LiveReadBatchSize { get; init; } = 500;

    /// <summary>
    /// How often the high-water mark is read while live connections are caught up: one read a period serves all of them
    /// (<see cref="Log.EventLog.WaitPastAsync"/>), and each reads the log only once the mark has moved. The mark moves with
    /// the daemon's own polling, so a shorter period gains little.
    /// </summary>
    public TimeSpan LivePollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Delay an EventSource should wait before reconnecting (the SSE <c>retry</c> field).</summary>
    public TimeSpan ClientRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Counters of this feed (open live connections, slow clients dropped), e.g. for /health.</summary>
    public FeedCounters Counters { get; init; } = new();

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Source)) throw new ArgumentException("FeedOptions.Source must not be empty (CloudEvents requires a source).");
        if (DefaultLimit < 1 || DefaultLimit > MaxLimit) throw new ArgumentException($"FeedOptions.DefaultLimit must be within 1..{MaxLimit}.");
        if (LiveBufferSize < 1 || LiveReadBatchSize < 1) throw new ArgumentException("FeedOptions.LiveBufferSize and LiveReadBatchSize must be at least 1.");
        if (HeartbeatInterval <= TimeSpan.Zero || SlowClientTimeout <= TimeSpan.Zero || LivePollInterval <= TimeSpan.Zero)
            throw new ArgumentException("FeedOptions.HeartbeatInterval, SlowClientTimeout and LivePollInterval must be positive.");
    }
}

/// <summary>Live counters of a feed; read them from any thread.</summary>
public sealed class FeedCounters
{
    private long _openLiveConnections;
    private long _slowClientsDisconnected;

    public long OpenLiveConnections => Interlocked.Read(ref _openLiveConnections);
    public long SlowClientsDisconnected => Interlocked.Read(ref _slowClientsDisconnected);

    internal void LiveOpened() => Interlocked.Increment(ref _openLiveConnections);
    internal void LiveClosed() => Interlocked.Decrement(ref _openLiveConnections);
    internal void SlowClientDisconnected() => Interlocked.Increment(ref _slowClientsDisconnected);
}
