using Claims.TestKit;
using Claims.TestKit.Corpus;
using Claims.TestKit.RabbitMq;

namespace Claims.Feed.Tests.Relay;

/// <summary>Events of the articles' streams in the log, in sequence order (the relay's `claims` schema).</summary>
internal static class ServedLog
{
    public static async Task<List<(string Id, string Stream, long Version)>> EventsOfAsync(PostgresDatabase database, IReadOnlyCollection<string> streams)
    {
        await using var command = database.DataSource.CreateCommand("select id, stream_id, version from claims.mt_events where stream_id = any($1) order by seq_id");
        command.Parameters.Add(new() { Value = streams.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(string, string, long)>();
        while (await reader.ReadAsync()) events.Add((reader.GetGuid(0).ToString(), reader.GetString(1), reader.GetInt64(2)));
        return events;
    }

    public static void AssertEveryEventInStreamOrder(IReadOnlyList<(string Id, string Stream, long Version)> expected, IReadOnlyList<Received> received)
    {
        var firstSeen = received.DistinctBy(m => m.MessageId).Where(m => expected.Any(e => e.Id == m.MessageId)).ToList();
        Assert.Equal(expected.Select(e => e.Id).Order(), firstSeen.Select(m => m.MessageId).Order());
        foreach (var stream in firstSeen.GroupBy(m => m.Stream))
            Assert.Equal(expected.Where(e => e.Stream == stream.Key).Select(e => e.Version), stream.Select(m => m.StreamVersion));
    }
}

/// <summary>`claims serve` killed (SIGKILL) right after an ingest returned: the events it had not published yet go out after the restart.</summary>
public sealed class RelayCrashTests(PostgresDatabase database, TestRabbitMq rabbit) : IClassFixture<PostgresDatabase>, IClassFixture<TestRabbitMq>
{
    [Fact]
    public async Task Every_event_of_an_ingest_acknowledged_before_a_kill_9_is_published_after_the_restart()
    {
        var exchange = "claims.events." + Guid.NewGuid().ToString("N")[..8];
        await using var consumer = await QueueConsumer.StartAsync(rabbit.AmqpUri, exchange, ("all", "#"));
        var articles = SyntheticCorpus.Generate(12, seed: 21).ToList();
        var ingested = new List<string>();
        using (var server = await ServedClaims.StartAsync(database, rabbit.AmqpUri, exchange))
        {
            await Task.WhenAll(articles.Chunk(3).Select(chunk => Task.Run(async () =>
            {
                foreach (var a in chunk)
                {
                    var id = await server.IngestAsync(a);
                    lock (ingested) ingested.Add(id);
                }
            })));
            await server.KillAsync(); // at once: most of the ingest is committed to the log and not yet on the broker
        }
        var expected = await ServedLog.EventsOfAsync(database, ingested);
        Assert.Equal(12, expected.Count(e => e.Version == 1));

        using var restarted = await ServedClaims.StartAsync(database, rabbit.AmqpUri, exchange);
        var received = await consumer.DrainUntilAllAsync("all", expected.Select(e => e.Id).ToList(), seconds: 120);
        ServedLog.AssertEveryEventInStreamOrder(expected, received);
    }
}

/// <summary>Two `claims serve` on one database with the relay on: the subscription runs in Marten's daemon, which runs in
/// one of them (HotCold), so each event is published once; when that one dies, the other takes over.</summary>
public sealed class TwoServersRelayTests(PostgresDatabase database, TestRabbitMq rabbit) : IClassFixture<PostgresDatabase>, IClassFixture<TestRabbitMq>
{
    [Fact]
    public async Task Two_servers_publish_each_event_once_and_the_survivor_publishes_after_the_other_is_killed()
    {
        var exchange = "claims.events." + Guid.NewGuid().ToString("N")[..8];
        await using var consumer = await QueueConsumer.StartAsync(rabbit.AmqpUri, exchange, ("all", "#"));
        var articles = SyntheticCorpus.Generate(30, seed: 22).ToList();
        using var first = await ServedClaims.StartAsync(database, rabbit.AmqpUri, exchange);
        using var second = await ServedClaims.StartAsync(database, rabbit.AmqpUri, exchange);

        async Task<List<string>> IngestAsync(IEnumerable<SyntheticArticle> some, params ServedClaims[] servers)
        {
            var ids = new List<string>();
            await Task.WhenAll(some.Chunk(5).Select((chunk, i) => Task.Run(async () =>
            {
                foreach (var a in chunk)
                {
                    var id = await servers[i % servers.Length].IngestAsync(a);
                    lock (ids) ids.Add(id);
                }
            })));
            return ids;
        }

        // Normal running: ingests through both servers; then more, so that a second publisher, if there were one, had
        // all that time to publish the first ones again.
        var before = await IngestAsync(articles.Take(10), first, second);
        var expectedBefore = await ServedLog.EventsOfAsync(database, before);
        var received = await consumer.DrainUntilAllAsync("all", expectedBefore.Select(e => e.Id).ToList());
        var more = await IngestAsync(articles.Skip(10).Take(10), first, second);
        var expectedMore = await ServedLog.EventsOfAsync(database, more);
        received.AddRange(await consumer.DrainUntilAllAsync("all", expectedMore.Select(e => e.Id).ToList()));
        var expected = expectedBefore.Concat(expectedMore).ToList();
        Assert.All(received.GroupBy(m => m.MessageId), copies => Assert.Single(copies)); // once each (the ingest also writes other streams)
        ServedLog.AssertEveryEventInStreamOrder(expected, received);

        // Failure: one server killed; the other (already publishing, or taking the daemon over) publishes what follows.
        await first.KillAsync();
        var after = await IngestAsync(articles.Skip(20), second);
        var expectedAfter = await ServedLog.EventsOfAsync(database, after);
        var afterKill = await consumer.DrainUntilAllAsync("all", expectedAfter.Select(e => e.Id).ToList(), seconds: 120);
        ServedLog.AssertEveryEventInStreamOrder(expectedAfter, afterKill);
    }
}
