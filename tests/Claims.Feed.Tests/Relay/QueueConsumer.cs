using System.Text;
using Claims.TestKit;
using RabbitMQ.Client;

namespace Claims.Feed.Tests.Relay;

/// <summary>A message as a consumer sees it: AMQP properties, the headers the relay sets, and the body.</summary>
public sealed record Received(string MessageId, string RoutingKey, bool Persistent, long Position, string Stream, long StreamVersion, string Body);

/// <summary>A plain RabbitMQ.Client consumer (not Wolverine): durable queues bound to the relay's exchange, read with basic.get.</summary>
public sealed class QueueConsumer : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly string _exchange;

    private QueueConsumer(IConnection connection, IChannel channel, string exchange)
    {
        _connection = connection;
        Channel = channel;
        _exchange = exchange;
    }

    public IChannel Channel { get; }

    /// <summary>Declares the exchange (as the relay does) and the queues with their bindings, before anything is published.</summary>
    public static async Task<QueueConsumer> StartAsync(Uri broker, string exchange, params (string Queue, string Binding)[] queues)
    {
        var connection = await new ConnectionFactory { Uri = broker, AutomaticRecoveryEnabled = false }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        foreach (var (queue, binding) in queues)
        {
            await channel.QueueDeclareAsync($"{exchange}.{queue}", durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync($"{exchange}.{queue}", exchange, binding);
        }
        return new QueueConsumer(connection, channel, exchange);
    }

    /// <summary>Reads until at least <paramref name="expected"/> messages came (bounded wait), and asserts no more than that.</summary>
    public async Task<List<Received>> DrainAsync(string queue, int expected, int seconds = 60)
    {
        var messages = new List<Received>();
        await Wait.UntilAsync(async () =>
        {
            messages.AddRange(await DrainAllAsync(queue));
            return messages.Count >= expected;
        }, $"{expected} messages in {queue}", seconds);
        Assert.Equal(expected, messages.Count);
        return messages;
    }

    /// <summary>Reads until every id in <paramref name="ids"/> has come at least once (bounded wait); returns all, duplicates included.</summary>
    public async Task<List<Received>> DrainUntilAllAsync(string queue, IReadOnlyCollection<string> ids, int seconds = 90)
    {
        var messages = new List<Received>();
        await Wait.UntilAsync(async () =>
        {
            messages.AddRange(await DrainAllAsync(queue));
            return messages.Select(m => m.MessageId).ToHashSet().IsSupersetOf(ids);
        }, $"{ids.Count} events in {queue}", seconds);
        return messages;
    }

    public async Task<List<Received>> DrainAllAsync(string queue)
    {
        var messages = new List<Received>();
        while (await Channel.BasicGetAsync($"{_exchange}.{queue}", autoAck: true) is { } message)
        {
            var headers = message.BasicProperties.Headers!;
            messages.Add(new Received(message.BasicProperties.MessageId!, message.RoutingKey, message.BasicProperties.Persistent,
                (long)headers["position"]!, Encoding.UTF8.GetString((byte[])headers["stream"]!), (long)headers["streamversion"]!,
                Encoding.UTF8.GetString(message.Body.Span)));
        }
        return messages;
    }

    /// <summary>Reads a stream queue from its first offset until <paramref name="expected"/> messages came (bounded wait):
    /// the message ids in stream order. (A stream queue reports no message count; it has to be read.)</summary>
    public async Task<List<string>> ReadStreamAsync(string streamQueue, int expected)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.BasicQosAsync(0, 500, global: false); // streams require a prefetch and manual acks
        var ids = new List<string>();
        var consumer = new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, message) =>
        {
            lock (ids) ids.Add(message.BasicProperties.MessageId!);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(streamQueue, autoAck: false, consumerTag: "", noLocal: false, exclusive: false,
            arguments: new Dictionary<string, object?> { ["x-stream-offset"] = "first" }, consumer);
        await Wait.UntilAsync(() => { lock (ids) return ids.Count >= expected; }, $"{expected} messages in stream {streamQueue}");
        lock (ids) return ids.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
