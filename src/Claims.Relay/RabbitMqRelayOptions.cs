namespace Claims.Relay;

/// <summary>Settings of the RabbitMQ relay (environment: CLAIMS_RABBITMQ_*; see the README). Off unless enabled.</summary>
public sealed class RabbitMqRelayOptions
{
    public bool Enabled { get; init; }

    /// <summary>The broker, e.g. amqp://claims:secret@rabbitmq:5672/.</summary>
    public Uri Uri { get; init; } = new("amqp://guest:guest@localhost:5672/");

    /// <summary>The topic exchange every event is published to, with its type name as routing key.</summary>
    public string Exchange { get; init; } = "claims.events";

    /// <summary>A stream queue bound to everything, for consumers that replay from any offset; null to not declare one.</summary>
    public string? StreamQueue { get; init; } = "claims.events.stream";

    /// <summary>The relay's row in Marten's progress table (mt_event_progression): the last event the broker confirmed.</summary>
    public string CheckpointName { get; init; } = "relay:rabbitmq";

    /// <summary>The CloudEvents source written into each envelope.</summary>
    public string Source { get; init; } = "urn:claims";

    /// <summary>Events read from the log at a time.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>How long the relay waits, once caught up, before looking at the log (up to the high-water mark) again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The checkpoint is written at most every this many confirmed events (and whenever the relay is caught up).</summary>
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>A publish the broker has not confirmed within this is a failure: reconnect and publish again.</summary>
    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait after a failure, doubled at each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a standby relay tries to take the lease from the active one: the failover time.</summary>
    public TimeSpan StandbyRetry { get; init; } = TimeSpan.FromSeconds(2);
}
