using Claims.Feed.Envelope;
using RabbitMQ.Client;
using Wolverine;
using Wolverine.RabbitMQ.Internal;

namespace Claims.Feed.RabbitMq;

/// <summary>
/// The AMQP properties of a relayed event, as consumers have had them since the first relay: message id = event id (what
/// consumers de-duplicate by), persistent, type = event type, and headers position, stream and streamversion. Wolverine's
/// own headers are left out: the message is Claims' contract, not a Wolverine envelope.
/// </summary>
internal sealed class CloudEventMapper : IRabbitMqEnvelopeMapper
{
    public void MapEnvelopeToOutgoing(Wolverine.Envelope envelope, IBasicProperties outgoing)
    {
        var e = ((RelayedEvent)envelope.Message!).Event;
        outgoing.MessageId = e.EventId.ToString("D");
        outgoing.Persistent = true;
        outgoing.ContentType = CloudEventWriter.EnvelopeContentType;
        outgoing.Type = e.EventType;
        outgoing.Timestamp = new AmqpTimestamp(e.Timestamp.ToUnixTimeSeconds());
        outgoing.AppId = "claims";
        outgoing.Headers = new Dictionary<string, object?>
        {
            ["position"] = e.Position,
            ["stream"] = e.StreamId,
            ["streamversion"] = e.StreamVersion,
        };
    }

    public void MapIncomingToEnvelope(Wolverine.Envelope envelope, IReadOnlyBasicProperties incoming) =>
        throw new NotSupportedException("Claims publishes events; it does not consume them.");
}
