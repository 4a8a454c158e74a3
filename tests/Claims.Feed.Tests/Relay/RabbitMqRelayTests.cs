using System.Text;
using System.Text.Json;
using Claims.Feed.Tests.Support;
using Claims.Relay;
using Claims.TestKit;
using Claims.TestKit.RabbitMq;
using RabbitMQ.Client;

namespace Claims.Feed.Tests.Relay;

/// <summary>Against a real RabbitMQ node (a throwaway one from rabbitmq-server, or CLAIMS_TEST_RABBITMQ).</summary>
public sealed class RabbitMqRelayTests(PostgresDatabase database, TestRabbitMq rabbit) : IClassFixture<PostgresDatabase>, IClassFixture<TestRabbitMq>
{
    private sealed record Received(string MessageId, string RoutingKey, long Position, string Stream, long StreamVersion, string Body);

    [Fact]
    public async Task Every_event_reaches_a_bound_queue_in_order_routed_by_type_with_its_id()
    {
        await using var log = await TestLog.StartAsync(database);
        var options = RelayOptions();
        await using var consumer = await ConsumerAsync(options.Exchange, ("all", "#"), ("statements", "StatementMade"));
        for (var i = 0; i < 20; i++)
            await log.AppendAsync($"article-{i % 3}", TestEvents.Numbered($"article-{i % 3}", i), TestEvents.Statement($"article-{i % 3}", "s", $"q{i}", $"s{i}"));
        var expected = await log.AllAsync();

        await using var relay = new RabbitMqRelay(log.EventLog, options);
        await relay.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => relay.Status.ConfirmedPosition == expected[^1].Position, "the relay to publish everything");

        var all = await consumer.DrainAsync("all", expected.Count);
        Assert.Equal(expected.Select(e => e.EventId.ToString()), all.Select(m => m.MessageId));
        Assert.Equal(expected.Select(e => e.EventType), all.Select(m => m.RoutingKey));
        Assert.Equal(expected.Select(e => e.Position), all.Select(m => m.Position));
        Assert.All(all, m => Assert.Equal(m.MessageId, JsonDocument.Parse(m.Body).RootElement.GetProperty("id").GetString()));
        var statements = await consumer.DrainAsync("statements", expected.Count(e => e.EventType == "StatementMade"));
        Assert.All(statements, m => Assert.Equal("StatementMade", m.RoutingKey));

        Assert.Equal(expected[^1].Position, await CheckpointAsync(log, options.CheckpointName));
        // The replay stream queue exists and is bound (passive declare fails otherwise).
        await consumer.Channel.QueueDeclarePassiveAsync(options.StreamQueue!);
    }

    [Fact]
    public async Task Two_relays_on_one_database_publish_each_event_once_and_the_standby_takes_over_when_the_active_one_stops()
    {
        await using var log = await TestLog.StartAsync(database);
        var options = RelayOptions();
        await using var consumer = await ConsumerAsync(options.Exchange, ("all", "#"));
        async Task WriteAsync(int from, int count)
        {
            for (var i = from; i < from + count; i++)
                await log.AppendAsync($"article-{i % 2}", TestEvents.Numbered($"article-{i % 2}", i));
        }

        await WriteAsync(0, 10);
        await using var first = new RabbitMqRelay(log.EventLog, options);
        await using var second = new RabbitMqRelay(log.EventLog, options);
        await first.StartAsync(CancellationToken.None);
        await second.StartAsync(CancellationToken.None);
        var head = (await log.AllAsync())[^1];
        await Wait.UntilAsync(() => Math.Max(first.Status.ConfirmedPosition, second.Status.ConfirmedPosition) == head.Position, "one relay to publish everything");
        Assert.True(first.Status.Connected ^ second.Status.Connected, "exactly one relay is connected");
        var active = first.Status.Connected ? first : second;
        var standby = ReferenceEquals(active, first) ? second : first;

        await active.StopAsync(CancellationToken.None);
        await WriteAsync(10, 10);
        var all = await log.AllAsync();
        await Wait.UntilAsync(() => standby.Status.ConfirmedPosition == all[^1].Position, "the standby to take over and publish the rest");

        var received = await consumer.DrainAsync("all", all.Count);
        Assert.Equal(all.Select(e => e.EventId.ToString()), received.Select(m => m.MessageId)); // once each, in order
    }

    [Fact]
    public async Task The_broker_stopped_mid_stream_and_started_again_loses_nothing_and_keeps_per_stream_order()
    {
        var node = rabbit.RestartableNode;
        await using var log = await TestLog.StartAsync(database);
        var options = RelayOptions();
        await using (var setup = await ConsumerAsync(options.Exchange, ("survivor", "#"))) { }

        await using var relay = new RabbitMqRelay(log.EventLog, options);
        await relay.StartAsync(CancellationToken.None);
        var written = 0;
        async Task WriteAsync(int count)
        {
            for (var i = 0; i < count; i++, written++)
                await log.AppendAsync($"article-{written % 4}", TestEvents.Numbered($"article-{written % 4}", written));
        }

        await WriteAsync(60);
        await Wait.UntilAsync(() => relay.Status.ConfirmedPosition > 0, "the relay to publish the first events");
        await node.StopAsync();
        await WriteAsync(60); // Claims keeps taking events while the broker is down
        await Wait.UntilAsync(() => relay.Status.ConsecutiveFailures > 0, "the relay to notice the broker is down");
        await node.StartAsync();
        await WriteAsync(60);

        var expected = await log.AllAsync();
        try
        {
            await Wait.UntilAsync(() => relay.Status.ConfirmedPosition == expected[^1].Position, "the relay to catch up after the broker returns", seconds: 90);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; relay: {relay.Status}; head {expected[^1].Position}; node running {node.IsRunning}", e);
        }

        await using var consumer = await ConsumerAsync(options.Exchange, ("survivor", "#"));
        var received = await consumer.DrainAllAsync("survivor");
        var firstSeen = received.DistinctBy(m => m.MessageId).ToList();
        Assert.Equal(expected.Select(e => e.EventId.ToString()).Order(), firstSeen.Select(m => m.MessageId).Order()); // every event
        foreach (var duplicate in received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1))
            Assert.Single(duplicate.Select(m => m.Body).Distinct()); // a redelivery is the same message, same id
        foreach (var stream in firstSeen.GroupBy(m => m.Stream))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(m => m.StreamVersion)); // per-stream order
    }

    [Fact]
    public async Task The_relay_publishes_nothing_past_an_open_transaction_and_everything_once_in_order_after_it_commits()
    {
        await using var log = await TestLog.StartAsync(database);
        var options = RelayOptions();
        await using var consumer = await ConsumerAsync(options.Exchange, ("all", "#"));
        await using var relay = new RabbitMqRelay(log.EventLog, options);
        await relay.StartAsync(CancellationToken.None);
        await log.AppendAsync("article-early", TestEvents.Numbered("article-early", 1));
        var early = await log.AllAsync();
        await Wait.UntilAsync(() => relay.Status.ConfirmedPosition == early[^1].Position, "the relay to publish the early event");

        await using var held = await HeldAppend.StartAsync(log.Runtime, "article-held", TestEvents.Numbered("article-held", 2));
        for (var i = 0; i < 10; i++) await log.AppendAsync($"article-late-{i % 3}", TestEvents.Numbered($"article-late-{i % 3}", 10 + i));
        await log.OutlastGapSkippingAsync();
        Assert.Equal(early[^1].Position, relay.Status.ConfirmedPosition);
        Assert.Equal(early.Select(e => e.EventId.ToString()), (await consumer.DrainAllAsync("all")).Select(m => m.MessageId));

        await held.CommitAsync();
        var rest = await log.AllAsync(after: early[^1].Position);
        Assert.Equal(11, rest.Count);
        await Wait.UntilAsync(() => relay.Status.ConfirmedPosition == rest[^1].Position, "the relay to publish the held event and those after it");
        var received = await consumer.DrainAsync("all", rest.Count);
        Assert.Equal(rest.Select(e => e.EventId.ToString()), received.Select(m => m.MessageId)); // once each, in sequence order
    }

    [Fact]
    public async Task Pages_the_live_stream_and_the_queue_carry_the_same_events_of_a_concurrent_ingest_in_the_same_order()
    {
        await using var host = await FeedHost.StartAsync(database);
        var options = RelayOptions();
        await using var consumer = await ConsumerAsync(options.Exchange, ("all", "#"));
        await using var relay = new RabbitMqRelay(host.Log.EventLog, options);
        await relay.StartAsync(CancellationToken.None);
        using var http = host.NewClient();
        await using var pages = FeedRecorder.Pages(http);
        await using var live = FeedRecorder.Live(http);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
                await host.AppendAsync($"article-{w}-{i % 2}", TestEvents.Numbered($"article-{w}-{i % 2}", i), TestEvents.Statement($"article-{w}-{i % 2}", "s", $"q{w}/{i}", $"s{i}"));
        })));
        var all = await host.Log.AllAsync();
        Assert.Equal(80, all.Count);

        var queued = await consumer.DrainAsync("all", all.Count);
        await Wait.UntilAsync(() => pages.Received.Count >= all.Count && live.Received.Count >= all.Count, "both feed readers to receive every event");
        var expected = all.Select(e => (e.Position, e.EventId.ToString())).ToList();
        Assert.Equal(expected, pages.Received);
        Assert.Equal(expected, live.Received);
        Assert.Equal(expected, queued.Select(m => (m.Position, m.MessageId)));
    }

    /// <summary>The relay's row in Marten's progress table.</summary>
    private static async Task<long?> CheckpointAsync(TestLog log, string name)
    {
        await using var command = log.Runtime.DataSource.CreateCommand($"select last_seq_id from {log.EventLog.Schema}.mt_event_progression where name = $1");
        command.Parameters.Add(new() { Value = name });
        return (long?)await command.ExecuteScalarAsync();
    }

    private RabbitMqRelayOptions RelayOptions()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return new RabbitMqRelayOptions
        {
            Enabled = true,
            Uri = rabbit.AmqpUri,
            Exchange = $"claims.events.{id}",
            StreamQueue = $"claims.events.stream.{id}",
            CheckpointEvery = 10,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(1),
            StandbyRetry = TimeSpan.FromMilliseconds(100),
            ConfirmTimeout = TimeSpan.FromSeconds(10),
            PollInterval = TimeSpan.FromMilliseconds(50),
        };
    }

    private async Task<Consumer> ConsumerAsync(string exchange, params (string Queue, string Binding)[] queues)
    {
        var factory = new ConnectionFactory { Uri = rabbit.AmqpUri, AutomaticRecoveryEnabled = false };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        foreach (var (queue, binding) in queues)
        {
            await channel.QueueDeclareAsync($"{exchange}.{queue}", durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync($"{exchange}.{queue}", exchange, binding);
        }
        return new Consumer(connection, channel, exchange);
    }

    private sealed class Consumer(IConnection connection, IChannel channel, string exchange) : IAsyncDisposable
    {
        public IChannel Channel => channel;

        public async Task<List<Received>> DrainAsync(string queue, int expected)
        {
            var messages = new List<Received>();
            await Wait.UntilAsync(async () =>
            {
                messages.AddRange(await DrainAllAsync(queue));
                return messages.Count >= expected;
            }, $"{expected} messages in {queue}");
            Assert.Equal(expected, messages.Count);
            return messages;
        }

        public async Task<List<Received>> DrainAllAsync(string queue)
        {
            var messages = new List<Received>();
            while (await channel.BasicGetAsync($"{exchange}.{queue}", autoAck: true) is { } message)
            {
                var headers = message.BasicProperties.Headers!;
                messages.Add(new Received(message.BasicProperties.MessageId!, message.RoutingKey, (long)headers["position"]!,
                    Encoding.UTF8.GetString((byte[])headers["stream"]!), (long)headers["streamversion"]!, Encoding.UTF8.GetString(message.Body.Span)));
            }
            return messages;
        }

        public async ValueTask DisposeAsync()
        {
            await channel.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
