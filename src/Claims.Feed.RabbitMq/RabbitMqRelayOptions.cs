namespace Claims.Feed.RabbitMq;

/// <summary>Settings of the RabbitMQ relay (environment: CLAIMS_RABBITMQ_*; see the README). Off unless enabled.</summary>
public sealed record RabbitMqRelayOptions
{
    public bool Enabled { get; init; }

    /// <summary>The broker, e.g. amqp://claims:secret@rabbitmq:5672/.</summary>
    public Uri Uri { get; init; } = new("amqp://guest:guest@localhost:5672/");

    /// <summary>The topic exchange every event is published to, with its type name as routing key.</summary>
    public string Exchange { get; init; } = "claims.events";

    /// <summary>A stream queue bound to everything, for consumers that replay from any offset; null to not declare one.</summary>
    public string? StreamQueue { get; init; } = "claims.events.stream";

    /// <summary>The relay's Marten subscription: its progress is row <c>&lt;name&gt;:All</c> of <c>mt_event_progression</c>.</summary>
    public string SubscriptionName { get; init; } = "RabbitMqRelay";

    /// <summary>The CloudEvents source written into each envelope.</summary>
    public string Source { get; init; } = "urn:claims";

    /// <summary>Events the daemon hands the relay at a time; its progress is committed once per batch, after the broker confirmed all of it.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>A publish the broker has not confirmed within this is a failure: publish it again.</summary>
    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait after a failed publish, doubled at each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
