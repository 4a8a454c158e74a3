using System.Text.Json;
using Claims.Domain.Application;
using Claims.Feed.Envelope;
using Claims.Feed.RabbitMq;
using Claims.Feed.Tests.Support;
using Claims.TestKit;
using Claims.TestKit.Corpus;
using Claims.TestKit.RabbitMq;
using RabbitMQ.Client;

namespace Claims.Feed.Tests.Relay;

/// <summary>The relay (Wolverine's RabbitMQ transport fed by a Marten subscription) against a real RabbitMQ node: a
/// throwaway one from rabbitmq-server, Testcontainers, or CLAIMS_TEST_RABBITMQ.</summary>
public sealed class RabbitMqRelayTests(PostgresDatabase database, TestRabbitMq rabbit) : IClassFixture<PostgresDatabase>, IClassFixture<TestRabbitMq>
{
    [Fact]
    public async Task Every_event_of_a_concurrent_ingest_reaches_a_bound_queue_once_in_log_order_routed_by_type_with_its_id_and_the_feeds_bytes()
    {
        var options = RelayOptions();
        await using var consumer = await QueueConsumer.StartAsync(rabbit.AmqpUri, options.Exchange, ("all", "#"), ("statements", "StatementMade"));
        await using var log = await TestLog.StartAsync(database, b => b.AddRabbitMqRelay(options));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
                await log.AppendAsync($"article-{w}-{i % 3}", TestEvents.Numbered($"article-{w}-{i % 3}", i), TestEvents.Statement($"article-{w}-{i % 3}", "s", $"q{w}/{i}", $"s{i}"));
        })));
        var expected = await log.AllAsync();
        Assert.Equal(80, expected.Count);

        var all = await consumer.DrainAsync("all", expected.Count);
        Assert.Equal(expected.Select(e => e.EventId.ToString()), all.Select(m => m.MessageId)); // once each, in sequence order
        Assert.Equal(expected.Select(e => e.EventType), all.Select(m => m.RoutingKey));
        Assert.Equal(expected.Select(e => e.Position), all.Select(m => m.Position));
        Assert.Equal(expected.Select(e => (e.StreamId, e.StreamVersion)), all.Select(m => (m.Stream, m.StreamVersion)));
        Assert.All(all, m => Assert.True(m.Persistent));
        // The body is the feed's envelope, byte for byte.
        var page = await log.EventLog.ReadAsync(0, 1000);
        var envelopes = new CloudEventWriter(options.Source);
        Assert.Equal(page.Events.Select(e => System.Text.Encoding.UTF8.GetString(envelopes.ToUtf8Bytes(e))), all.Select(m => m.Body));
        Assert.All(all, m => Assert.Equal(m.MessageId, JsonDocument.Parse(m.Body).RootElement.GetProperty("id").GetString()));
        var statements = await consumer.DrainAsync("statements", expected.Count(e => e.EventType == "StatementMade"));
        Assert.All(statements, m => Assert.Equal("StatementMade", m.RoutingKey));

        // Its progress passes the head only after the broker confirmed everything; nothing is published twice.
        await Wait.UntilAsync(async () => await ProgressAsync(log, options) == expected[^1].Position, "the relay's progress to reach the head");
        Assert.Empty(await consumer.DrainAllAsync("all"));
        // The replay stream queue exists, as a stream queue bound to everything (declared by Wolverine).
        await using var check = await QueueConsumer.StartAsync(rabbit.AmqpUri, options.Exchange);
        await check.Channel.QueueDeclareAsync(options.StreamQueue!, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "stream" }); // a declare that differed would fail
        Assert.Equal(expected.Select(e => e.EventId.ToString()), await check.ReadStreamAsync(options.StreamQueue!, expected.Count));
    }

    [Fact]
    public async Task Events_written_before_the_relay_started_go_out_first_then_the_live_ones()
    {
        var options = RelayOptions();
        await using var consumer = await QueueConsumer.StartAsync(rabbit.AmqpUri, options.Exchange, ("all", "#"));
        var schema = "f_" + Guid.NewGuid().ToString("N")[..12];
        await using (var before = await ClaimsRuntime.StartAsync(database.ConnectionString, new ClaimsRuntimeOptions { Schema = schema, Daemon = JasperFx.Events.Daemon.DaemonMode.Solo }))
        {
            await using var session = before.Store.LightweightSession();
            for (var i = 0; i < 10; i++) session.Events.Append($"article-{i % 2}", TestEvents.Numbered($"article-{i % 2}", i));
            await session.SaveChangesAsync();
        }
        await using var relay = await ClaimsRuntime.StartAsync(database.ConnectionString,
            new ClaimsRuntimeOptions { Schema = schema, Daemon = JasperFx.Events.Daemon.DaemonMode.Solo }, b => b.AddRabbitMqRelay(options));
        await using (var session = relay.Store.LightweightSession())
        {
            for (var i = 10; i < 20; i++) session.Events.Append($"article-{i % 2}", TestEvents.Numbered($"article-{i % 2}", i));
            await session.SaveChangesAsync();
        }
        var expected = await ReadLogAsync(relay, schema);
        Assert.Equal(20, expected.Count);
        var received = await consumer.DrainAsync("all", expected.Count);
        Assert.Equal(expected, received.Select(m => m.MessageId));
    }

    [Fact]
    public async Task The_broker_stopped_for_20_s_during_an_ingest_of_20_articles_loses_nothing_and_keeps_per_stream_order()
    {
        var node = rabbit.RestartableNode;
        var options = RelayOptions();
        await using (await QueueConsumer.StartAsync(rabbit.AmqpUri, options.Exchange, ("survivor", "#"))) { }
        await using var log = await TestLog.StartAsync(database, b => b.AddRabbitMqRelay(options));
        var articles = SyntheticCorpus.Generate(20, seed: 14).ToList();
        async Task IngestAsync(IEnumerable<SyntheticArticle> some)
        {
            foreach (var a in some)
                Assert.True((await log.Runtime.Application.IngestAsync(
                    new IngestArticleRequest(Text: a.Text, Url: a.Url, Outlet: a.Outlet, Title: a.Title, PublishedOn: a.PublishedOn), "relay-test")).Created);
        }

        await IngestAsync(articles.Take(5));
        await Wait.UntilAsync(async () => await ProgressAsync(log, options) > 0, "the relay to publish the first events");
        await node.StopAsync();
        var down = Task.Delay(TimeSpan.FromSeconds(20)); // the outage: an adversary's window, not an assertion
        await IngestAsync(articles.Skip(5).Take(10)); // Claims keeps taking articles while the broker is down
        await down;
        await node.StartAsync();
        await IngestAsync(articles.Skip(15));

        var expected = await log.AllAsync();
        await using var consumer = await QueueConsumer.StartAsync(rabbit.AmqpUri, options.Exchange, ("survivor", "#"));
        var received = await consumer.DrainUntilAllAsync("survivor", expected.Select(e => e.EventId.ToString()).ToList(), seconds: 120);
        var firstSeen = received.DistinctBy(m => m.MessageId).ToList();
        Assert.Equal(expected.Select(e => e.EventId.ToString()).Order(), firstSeen.Select(m => m.MessageId).Order()); // every event, nothing else
        foreach (var duplicate in received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1))
            Assert.Single(duplicate.Select(m => m.Body).Distinct()); // a redelivery is the same message, same id
        foreach (var stream in firstSeen.GroupBy(m => m.Stream))
            Assert.Equal(Enumerable.Range(1, stream.Count()).Select(v => (long)v), stream.Select(m => m.StreamVersion)); // per-stream order
        Assert.Equal(20, firstSeen.Count(m => m.RoutingKey == "ArticleIngested"));
    }

    [Fact]
    public async Task Claims_starts_and_takes_events_while_the_broker_is_unreachable_and_the_relay_stays_at_the_first_unpublished_event()
    {
        var options = RelayOptions() with { Uri = new Uri($"amqp://guest:guest@127.0.0.1:{Claims.LocalPostgres.FreePort.Pick()}/") };
        await using var log = await TestLog.StartAsync(database, b => b.AddRabbitMqRelay(options));
        for (var i = 0; i < 5; i++) await log.AppendAsync($"article-{i}", TestEvents.Numbered($"article-{i}", i));
        Assert.Equal(5, (await log.AllAsync()).Count); // the high-water mark moves: the daemon and the API are not held up
        await log.OutlastGapSkippingAsync();
        Assert.Null(await ProgressAsync(log, options));
    }

    [Fact]
    public async Task The_relay_publishes_nothing_past_an_open_transaction_and_everything_once_in_order_after_it_commits()
    {
        var options = RelayOptions();
        await using var consumer = await QueueConsumer.StartAsync(rabbit.AmqpUri, options.Exchange, ("all", "#"));
        await using var log = await TestLog.StartAsync(database, b => b.AddRabbitMqRelay(options));
        await log.AppendAsync("article-early", TestEvents.Numbered("article-early", 1));
        var early = await log.AllAsync();
        Assert.Equal(early.Select(e => e.EventId.ToString()), (await consumer.DrainAsync("all", early.Count)).Select(m => m.MessageId));

        await using var held = await HeldAppend.StartAsync(log.Runtime, "article-held", TestEvents.Numbered("article-held", 2));
        for (var i = 0; i < 10; i++) await log.AppendAsync($"article-late-{i % 3}", TestEvents.Numbered($"article-late-{i % 3}", 10 + i));
        await log.OutlastGapSkippingAsync();
        Assert.Empty(await consumer.DrainAllAsync("all"));
        Assert.Equal(early[^1].Position, await ProgressAsync(log, options));

        await held.CommitAsync();
        var rest = await log.AllAsync(after: early[^1].Position);
        Assert.Equal(11, rest.Count);
        var received = await consumer.DrainAsync("all", rest.Count);
        Assert.Equal(rest.Select(e => e.EventId.ToString()), received.Select(m => m.MessageId)); // once each, in sequence order
    }

    [Fact]
    public async Task Pages_the_live_stream_and_the_queue_carry_the_same_events_of_a_concurrent_ingest_in_the_same_order()
    {
        var options = RelayOptions();
        await using var consumer = await QueueConsumer.StartAsync(rabbit.AmqpUri, options.Exchange, ("all", "#"));
        await using var host = await FeedHost.StartAsync(database, configure: b => b.AddRabbitMqRelay(options));
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

    /// <summary>The relay subscription's row in Marten's progress table.</summary>
    private static async Task<long?> ProgressAsync(TestLog log, RabbitMqRelayOptions options)
    {
        await using var command = log.Runtime.DataSource.CreateCommand($"select last_seq_id from {log.EventLog.Schema}.mt_event_progression where name = $1");
        command.Parameters.Add(new() { Value = options.SubscriptionName + ":All" });
        return (long?)await command.ExecuteScalarAsync();
    }

    private static async Task<List<string>> ReadLogAsync(ClaimsRuntime runtime, string schema)
    {
        await Wait.UntilAsync(async () => await runtime.Progress.HighWaterMarkAsync() >= await runtime.Progress.HeadAsync(), "the high-water mark to reach the head");
        await using var command = runtime.DataSource.CreateCommand($"select id from {schema}.mt_events order by seq_id");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0).ToString());
        return ids;
    }

    /// <summary>An exchange and stream queue of the test's own, so tests sharing the broker do not see each other's events.</summary>
    private RabbitMqRelayOptions RelayOptions()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return new RabbitMqRelayOptions
        {
            Enabled = true,
            Uri = rabbit.AmqpUri,
            Exchange = $"claims.events.{id}",
            StreamQueue = $"claims.events.stream.{id}",
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(1),
            ConfirmTimeout = TimeSpan.FromSeconds(5),
        };
    }
}
