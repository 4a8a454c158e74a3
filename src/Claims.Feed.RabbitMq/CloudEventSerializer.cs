using Claims.Feed.Envelope;
using Wolverine;
using Wolverine.Runtime.Serialization;

namespace Claims.Feed.RabbitMq;

/// <summary>
/// The message body is the feed's CloudEvents envelope, from the same writer as /events and /events/live, so a queue
/// carries the same bytes as the HTTP feed. Claims only publishes these; it never reads them back.
/// </summary>
internal sealed class CloudEventSerializer(CloudEventWriter envelopes) : IMessageSerializer
{
    public string ContentType => CloudEventWriter.EnvelopeContentType;

    public byte[] Write(Wolverine.Envelope envelope) => WriteMessage(envelope.Message!);

    public byte[] WriteMessage(object message) => envelopes.ToUtf8Bytes(((RelayedEvent)message).Event);

    public object ReadFromData(Type messageType, Wolverine.Envelope envelope) => throw new NotSupportedException("Claims publishes events; it does not consume them.");

    public object ReadFromData(byte[] data) => throw new NotSupportedException("Claims publishes events; it does not consume them.");
}
