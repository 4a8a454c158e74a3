namespace Claims.Feed.Client;

public sealed class ClaimsFeedClientOptions
{
    /// <summary>Events per page while catching up (the feed accepts 1..1000).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Only these event types (null: all).</summary>
    public IReadOnlyCollection<string>? Types { get; init; }

    /// <summary>Only this stream (null: all).</summary>
    public string? Stream { get; init; }

    /// <summary>First wait after a failure; doubled after each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A live connection that brings nothing at all — not even a heartbeat — for this long is presumed dead and is
    /// reopened. Keep it well above the server's heartbeat interval (15 s by default).
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Told about each failure the client recovers from by reconnecting (for logging).</summary>
    public Action<Exception>? OnReconnect { get; init; }
}
