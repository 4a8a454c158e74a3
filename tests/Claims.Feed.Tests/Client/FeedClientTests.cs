using Claims.Feed.Client;
using Claims.Feed.Client.Checkpoints;
using Claims.Feed.Tests.Support;
using Claims.TestKit;
using Npgsql;

namespace Claims.Feed.Tests.Client;

public sealed class FeedClientTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_subscriber_cut_off_at_random_points_while_writers_append_and_the_server_restarts_gets_every_event_once_in_order()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        await using var host = await FeedHost.StartAsync(database);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var table = $"handled_{suffix}";
        await Execute($"create table {table} (seq bigserial primary key, event_id uuid not null, position bigint not null, stream text not null, version bigint not null)");
        var checkpoints = new PostgresCheckpointStore(database.DataSource, $"checkpoints_{suffix}", "feed-test");

        using var stopWriters = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                var stream = $"article-{w}-{i % 5}";
                var events = Enumerable.Range(0, 1 + (w + i) % 3).Select(k => (object)TestEvents.Numbered(stream, i)).ToArray();
                await host.AppendAsync(stream, events);
                // Paced by the high-water mark, so the writers are still appending while the subscriber is cut off again and again.
                await host.Log.WaitUntilDeliverableAsync();
                await Task.Delay(3 + w, stopWriters.Token);
            }
        })).ToList();
        var allWritten = Task.WhenAll(writers);

        var rounds = 0;
        while (true)
        {
            rounds++;
            Assert.True(rounds < 200, $"the subscriber is not making progress (seed {seed})");
            var writersDone = allWritten.IsCompleted;
            // Counted in the table: the feed serves them once the daemon's high-water mark has passed them.
            var expectedTotal = writersDone ? await Count($"{host.Log.EventLog.Schema}.mt_events") : -1;
            using var cut = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var cutAfter = random.Next(1, 25);
            var handledThisRound = 0;
            using var http = host.NewClient();
            var client = new ClaimsFeedClient(http, new ClaimsFeedClientOptions { PageSize = 7, InitialBackoff = TimeSpan.FromMilliseconds(20), MaxBackoff = TimeSpan.FromMilliseconds(200) });
            var run = client.RunAsync(async (e, transaction, ct) =>
            {
                await using var insert = new NpgsqlCommand($"insert into {table} (event_id, position, stream, version) values ($1, $2, $3, $4)", transaction.Connection, transaction);
                insert.Parameters.Add(new() { Value = Guid.Parse(e.Id) });
                insert.Parameters.Add(new() { Value = e.Position });
                insert.Parameters.Add(new() { Value = e.StreamId });
                insert.Parameters.Add(new() { Value = e.StreamVersion });
                await insert.ExecuteNonQueryAsync(ct);
                // Cut off mid-work: the insert above is written but not committed.
                if (++handledThisRound == cutAfter && !writersDone) await cut.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }, checkpoints, cut.Token);

            if (rounds == 3) await host.RestartServerAsync(); // our restart, while the subscriber is connected
            if (writersDone)
            {
                await Wait.UntilAsync(async () => await Count(table) >= expectedTotal, $"the subscriber to catch up (seed {seed})");
                await cut.CancelAsync();
            }
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            if (writersDone) break;
        }
        await allWritten;

        var delivered = await ReadHandled(table);
        var expected = await host.Log.AllAsync();
        Assert.True(rounds > 3, "the subscriber should have been cut off several times");
        Assert.Equal(expected.Count, delivered.Count); // nothing twice...
        Assert.Equal(expected.Select(e => e.EventId), delivered.Select(d => d.EventId)); // ...nothing missing, in sequence order
        Assert.Equal(expected[^1].Position, await checkpoints.LoadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_file_checkpoint_resumes_after_the_last_event_saved_at_least_once()
    {
        await using var host = await FeedHost.StartAsync(database);
        for (var i = 1; i <= 9; i++) await host.AppendAsync("article-f", TestEvents.Numbered("article-f", i));
        var stored = await host.Log.AllAsync();
        var path = Path.Combine(Path.GetTempPath(), $"claims-feed-{Guid.NewGuid():N}", "checkpoint");
        var checkpoints = new FileCheckpointStore(path);
        using var http = host.NewClient();
        var client = new ClaimsFeedClient(http, new ClaimsFeedClientOptions { PageSize = 4 });

        var first = new List<int>();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            var run = client.RunAsync(async (e, ct) =>
            {
                first.Add(TestEvents.NumberOf(e.Data));
                if (first.Count == 5) await stop.CancelAsync(); // handled, but stopped before its checkpoint is saved
            }, checkpoints, stop.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        Assert.Equal([1, 2, 3, 4, 5], first);
        var saved = await checkpoints.LoadAsync(CancellationToken.None);
        Assert.Equal(stored[3].Position, saved);

        var second = new List<int>();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            var run = client.RunAsync(async (e, ct) =>
            {
                second.Add(TestEvents.NumberOf(e.Data));
                if (second.Count == 5) await stop.CancelAsync();
                await Task.CompletedTask;
            }, checkpoints, stop.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
        Assert.Equal([5, 6, 7, 8, 9], second); // 5 again: at-least-once
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public async Task A_checkpoint_the_server_does_not_know_stops_the_client_with_the_servers_reason()
    {
        await using var host = await FeedHost.StartAsync(database);
        var path = Path.Combine(Path.GetTempPath(), $"claims-feed-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(path, "424242");
        using var http = host.NewClient();
        var client = new ClaimsFeedClient(http);
        var refused = await Assert.ThrowsAsync<FeedRequestRefusedException>(() =>
            client.RunAsync((_, _) => Task.CompletedTask, new FileCheckpointStore(path), CancellationToken.None));
        Assert.Equal(400, refused.Status);
        Assert.Contains("424242", refused.Body);
        File.Delete(path);
    }

    private async Task Execute(string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> Count(string table)
    {
        await using var command = database.DataSource.CreateCommand($"select count(*) from {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<(Guid EventId, long Position)>> ReadHandled(string table)
    {
        await using var command = database.DataSource.CreateCommand($"select event_id, position from {table} order by seq");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(Guid, long)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetGuid(0), reader.GetInt64(1)));
        return rows;
    }
}
