using Claims.Feed.Log;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.Runtime;

namespace Claims.Feed.RabbitMq;

/// <summary>
/// A Marten subscription that hands every event of the log to Wolverine's RabbitMQ transport. Marten's daemon gives it
/// the log in sequence order, never past the high-water mark, one batch at a time, and commits its progress row only
/// when this returns: so each event is published and confirmed by the broker, one after the other, before the
/// progress passes it. The log is the outbox: an event committed and not yet confirmed is published after a restart
/// (again, if the broker confirmed it just before the process died: consumers de-duplicate by message id).
/// </summary>
internal sealed class RelaySubscription : SubscriptionBase
{
    private readonly RabbitMqRelayOptions _options;
    private readonly RelayBroker _broker;
    private readonly Func<EventLog> _log;
    private readonly ILogger _logger;

    public RelaySubscription(RabbitMqRelayOptions options, RelayBroker broker, Func<EventLog> log, ILogger logger)
    {
        _options = options;
        _broker = broker;
        _log = log;
        _logger = logger;
        Name = options.SubscriptionName;
        Options.BatchSize = options.BatchSize;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // Until the relay's Wolverine has reached the broker once, the subscription waits here, at its first unpublished event.
        // A bus with no outbox enlisted: each publish goes to the broker at once and returns once confirmed (the endpoint
        // sends inline, see RelayBroker), so the order of these calls is the order on the exchange.
        var bus = new MessageBus(await _broker.RuntimeAsync(cancellationToken));
        var log = _log();
        for (var after = page.SequenceFloor; after < page.SequenceCeiling;)
        {
            // The stored JSON, not the page's deserialised events: the body must be the feed's bytes. The range is at or
            // below the high-water mark (the daemon handed it over), so the read sees all of it.
            var read = await log.ReadAsync(after, (int)Math.Min(page.SequenceCeiling - after, 1000), ct: cancellationToken);
            foreach (var e in read.Events)
            {
                if (e.Position > page.SequenceCeiling) return NullChangeListener.Instance;
                await PublishConfirmedAsync(bus, e, cancellationToken);
            }
            if (read.Events.Count == 0) break;
            after = read.Events[^1].Position;
        }
        return NullChangeListener.Instance;
    }

    /// <summary>
    /// Publishes one event and waits for the broker's confirm; while the broker is away, tries again with capped backoff,
    /// holding this subscription (and only it: the API and the projections go on) at this event, so nothing after it
    /// overtakes it. A publish given up on may still reach the broker later: a duplicate by id, never a reordering of the
    /// first copies.
    /// </summary>
    private async Task PublishConfirmedAsync(IMessageBus bus, FeedEvent e, CancellationToken ct)
    {
        var backoff = _options.InitialBackoff;
        for (var failures = 1; ; failures++)
        {
            try
            {
                await bus.PublishAsync(new RelayedEvent(e)).AsTask().WaitAsync(_options.ConfirmTimeout, ct);
                if (failures > 1) _logger.LogInformation("RabbitMQ relay: the broker is back; published event {Position} after {Failures} failures.", e.Position, failures - 1);
                return;
            }
            catch (Exception x) when (!ct.IsCancellationRequested)
            {
                _logger.LogWarning(x, "RabbitMQ relay: event {Position} not confirmed ({Failures} in a row); trying again in {Backoff}.", e.Position, failures, backoff);
                await Task.Delay(backoff, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }
}
