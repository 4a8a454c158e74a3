using System.Collections.Concurrent;
using System.Diagnostics;
using Claims.Bench.Harness;
using Claims.Domain.Application;
using Claims.Domain.Events;
using Claims.Feed.Envelope;
using Claims.Feed.Log;
using Claims.Feed.RabbitMq;
using Claims.TestKit.RabbitMq;
using JasperFx.Events.Daemon;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Claims.Bench.Relay;

/// <summary>
/// The RabbitMQ relay (a Marten subscription publishing through Wolverine's RabbitMQ transport with publisher confirms)
/// on a throwaway local RabbitMQ node (or CLAIMS_TEST_RABBITMQ):
/// - throughput: a log of N events published by the relay, measured at a consumer from the first message to the last,
///   against RabbitMQ.Client publishing the same envelopes with the same properties, one confirmed publish at a time
///   (the order-keeping way the relay publishes), in the same run on the same node;
/// - append-to-consumer latency while events are appended at 2 000 a second: from the append's commit to a consumer's
///   receipt, p50 and p99.
/// </summary>
public static class RelayBenchmark
{
    private static readonly DateTimeOffset At = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        await using var broker = await BrokerAsync();
        var events = quick ? 5_000 : 20_000;
        var rows = new List<BenchRow>();

        // Throughput. The log is written first, without the relay; then a process with the relay starts on it.
        var schema = "bench_relay_" + Guid.NewGuid().ToString("N")[..6];
        await using (var writer = await ClaimsRuntime.StartAsync(database.ConnectionString, new ClaimsRuntimeOptions { Schema = schema, Daemon = DaemonMode.Solo }))
        {
            for (var i = 0; i < events; i += 100)
            {
                await using var session = writer.Store.LightweightSession();
                for (var j = i; j < i + 100; j++) session.Events.Append($"article-{j % 50}", Statement(j));
                await session.SaveChangesAsync();
            }
        }
        var options = Options(broker.Uri);
        await using var relayed = await Counter.StartAsync(broker.Uri, options.Exchange);
        double relayRate;
        FeedEvent[] log;
        await using (var relay = await ClaimsRuntime.StartAsync(database.ConnectionString, new ClaimsRuntimeOptions { Schema = schema, Daemon = DaemonMode.Solo },
                         b => b.AddRabbitMqRelay(options)))
        {
            await relayed.WaitForAsync(events, TimeSpan.FromMinutes(10));
            relayRate = (events - 1) / (relayed.Last - relayed.First).TotalSeconds;
            log = (await Claims.Feed.Log.EventLog.Of(relay).ReadAsync(0, events)).Events.ToArray();
        }
        var rawRate = await RawClientRateAsync(broker.Uri, log, options.Source);
        rows.Add(new BenchRow("relay", $"{events:N0} events published, confirmed, at a consumer", relayRate, "events/s", rawRate,
            "RabbitMQ.Client, same envelopes, confirm each", "≥ 0.5"));
        Console.Error.WriteLine($"relay: throughput {relayRate:0} events/s, raw client {rawRate:0} events/s");

        // Latency at 2 000 events/s: 20 events (over 20 streams) committed every 10 ms.
        var latencyOptions = Options(broker.Uri);
        await using var timed = await Counter.StartAsync(broker.Uri, latencyOptions.Exchange);
        await using (var relay = await ClaimsRuntime.StartAsync(database.ConnectionString,
                         new ClaimsRuntimeOptions { Schema = "bench_relay_" + Guid.NewGuid().ToString("N")[..6], Daemon = DaemonMode.Solo },
                         b => b.AddRabbitMqRelay(latencyOptions)))
        {
            // Warm up: the relay's Wolverine connects, the exchange is declared.
            await AppendAsync(relay, 0, 20, new ConcurrentDictionary<string, long>());
            await timed.WaitForAsync(20, TimeSpan.FromMinutes(1));
            var committed = new ConcurrentDictionary<string, long>();
            var seconds = quick ? 5 : 20;
            var clock = Stopwatch.StartNew();
            for (var tick = 1; tick <= seconds * 100; tick++)
            {
                await AppendAsync(relay, tick * 20, 20, committed);
                var due = TimeSpan.FromMilliseconds(tick * 10) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due);
            }
            var offered = committed.Count / clock.Elapsed.TotalSeconds;
            await timed.WaitForAsync(20 + committed.Count, TimeSpan.FromMinutes(5));
            var latencies = committed.Select(c => Stopwatch.GetElapsedTime(c.Value, timed.ReceivedAt[c.Key]).TotalMilliseconds).ToList();
            rows.Add(new BenchRow("relay", $"append → consumer p50 at {offered:0} events/s", BenchPercentiles.Percentile(latencies, 50), "ms", null, null));
            rows.Add(new BenchRow("relay", $"append → consumer p99 at {offered:0} events/s", BenchPercentiles.Percentile(latencies, 99), "ms", null, null, "< 200 ms"));
        }
        return rows;
    }

    private static StatementMade Statement(int i) =>
        new($"article-{i % 50}", $"s{i}", new ActorData("actor-bench", "Bench Speaker"), [], $"Statement number {i} as an article would quote it.", "direct", 0, 40, null, "bench");

    private static async Task AppendAsync(ClaimsRuntime runtime, int from, int count, ConcurrentDictionary<string, long> committed)
    {
        await using var session = runtime.Store.LightweightSession();
        var ids = new List<Guid>();
        for (var i = from; i < from + count; i++)
        {
            var e = Statement(i);
            var action = session.Events.Append($"latency-{i % 20}", e);
            ids.Add(action.Events[^1].Id);
        }
        await session.SaveChangesAsync();
        var now = Stopwatch.GetTimestamp();
        foreach (var id in ids) committed[id.ToString("D")] = now;
    }

    /// <summary>The baseline: the same envelopes, properties and routing keys, one publish at a time, each awaited until confirmed.</summary>
    private static async Task<double> RawClientRateAsync(Uri broker, IReadOnlyList<FeedEvent> log, string source)
    {
        var exchange = "bench.raw." + Guid.NewGuid().ToString("N")[..6];
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true);
        await using var counter = await Counter.StartAsync(broker, exchange);
        var writer = new CloudEventWriter(source);
        var clock = Stopwatch.StartNew();
        foreach (var e in log)
        {
            var properties = new BasicProperties
            {
                MessageId = e.EventId.ToString("D"), Persistent = true, ContentType = CloudEventWriter.EnvelopeContentType, Type = e.EventType,
                Timestamp = new AmqpTimestamp(e.Timestamp.ToUnixTimeSeconds()), AppId = "claims",
                Headers = new Dictionary<string, object?> { ["position"] = e.Position, ["stream"] = e.StreamId, ["streamversion"] = e.StreamVersion },
            };
            await channel.BasicPublishAsync(exchange, e.EventType, mandatory: false, properties, writer.ToUtf8Bytes(e));
        }
        await counter.WaitForAsync(log.Count, TimeSpan.FromMinutes(10));
        return (log.Count - 1) / (counter.Last - counter.First).TotalSeconds;
    }

    private static RabbitMqRelayOptions Options(Uri broker) => new()
    {
        Enabled = true,
        Uri = broker,
        Exchange = "bench.relay." + Guid.NewGuid().ToString("N")[..6],
        StreamQueue = null,
    };

    private static async Task<Broker> BrokerAsync()
    {
        if (Environment.GetEnvironmentVariable(TestRabbitMq.Variable) is { Length: > 0 } configured) return new Broker(new Uri(configured), null);
        var node = await RabbitMqNode.StartThrowawayAsync();
        return new Broker(node.AmqpUri, node);
    }

    private sealed record Broker(Uri Uri, RabbitMqNode? Node) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (Node is not null) await Node.DisposeAsync();
        }
    }

    /// <summary>A consumer on an exclusive queue bound to everything: when each message arrived, the first and the last.</summary>
    private sealed class Counter : IAsyncDisposable
    {
        private readonly IConnection _connection;
        private readonly IChannel _channel;
        private int _count;

        private Counter(IConnection connection, IChannel channel)
        {
            _connection = connection;
            _channel = channel;
        }

        public ConcurrentDictionary<string, long> ReceivedAt { get; } = new();
        public DateTime First { get; private set; }
        public DateTime Last { get; private set; }

        public static async Task<Counter> StartAsync(Uri broker, string exchange)
        {
            var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
            var channel = await connection.CreateChannelAsync();
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true);
            var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
            await channel.QueueBindAsync(queue, exchange, "#");
            var counter = new Counter(connection, channel);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, message) =>
            {
                var now = DateTime.UtcNow;
                counter.ReceivedAt[message.BasicProperties.MessageId!] = Stopwatch.GetTimestamp();
                if (Interlocked.Increment(ref counter._count) == 1) counter.First = now;
                counter.Last = now;
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
            return counter;
        }

        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (Volatile.Read(ref _count) < count)
            {
                if (deadline.Elapsed > timeout) throw new TimeoutException($"{Volatile.Read(ref _count)} of {count} messages arrived within {timeout}.");
                await Task.Delay(5);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
