using System.Collections.Concurrent;
using Claims.EventStore.Appending;
using Claims.EventStore.Events;
using Claims.EventStore.Tests.Support;
using Claims.TestKit;

namespace Claims.EventStore.Tests.Subscriptions;

/// <summary>
/// The guarantee Marten's daemon does not give: an event whose transaction commits after later positions have been
/// committed and delivered is still delivered, exactly once, and nothing after a checkpoint is ever skipped.
/// </summary>
public sealed class LateCommitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_transaction_held_open_while_later_ones_commit_is_delivered_exactly_once_and_nothing_is_skipped()
    {
        await using var store = await TestStore.CreateAsync(database, pollInterval: TimeSpan.FromMilliseconds(50));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var delivered = new ConcurrentQueue<StoredEvent>();
        var subscriber = Task.Run(async () =>
        {
            await foreach (var e in store.SubscribeAsync(LogPosition.Start, batchSize: 7, ct: cancel.Token)) delivered.Enqueue(e);
        });

        // The late writer takes its positions first, then blocks before commit until the test lets it go.
        await using var gate = await database.DataSource.OpenConnectionAsync();
        await Execute(gate, "select pg_advisory_lock(4242)");
        var lateWriterAppended = new TaskCompletionSource<AppendResult>();
        var lateWriter = Task.Run(async () =>
        {
            await using var connection = await store.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var result = await store.AppendAsync(transaction, "late", "test", ExpectedVersion.NoStream,
                TestStore.Events(new Counted(1000), new Counted(1001), new Counted(1002)));
            lateWriterAppended.SetResult(result);
            await using (var wait = new Npgsql.NpgsqlCommand("select pg_advisory_xact_lock(4242)", connection, transaction))
                await wait.ExecuteNonQueryAsync(); // held here, uncommitted, until the gate opens
            await transaction.CommitAsync();
        });
        var late = await lateWriterAppended.Task;

        // Many writers commit later positions while the late transaction is open.
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var batch = 0; batch < 10; batch++)
                await store.AppendAsync($"w{w}", "test", ExpectedVersion.Any, TestStore.Events(new Counted(w * 100 + batch), new Noted($"{w}/{batch}")));
        })).ToList();
        await Task.WhenAll(writers);
        const int expectedTotal = 3 + 8 * 10 * 2;

        // Everything but the late transaction is committed now, at positions above the late ones.
        var committedLater = await store.ReadAllAsync(LogPosition.Start, 1000, streamId: "w0");
        Assert.All(committedLater, e => Assert.True(e.Position > late.Events[^1].Position));
        await Task.Delay(300); // give the subscriber every chance to (wrongly) run past the gap
        Assert.DoesNotContain(delivered, e => e.StreamId == "late");

        await Execute(gate, "select pg_advisory_unlock(4242)");
        await lateWriter;
        await WaitUntil(() => delivered.Count >= expectedTotal, cancel.Token);
        await Task.Delay(200); // and nothing more arrives
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => subscriber);

        var list = delivered.ToList();
        Assert.Equal(expectedTotal, list.Count);
        Assert.Equal(expectedTotal, list.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(3, list.Count(e => e.StreamId == "late"));
        for (var i = 1; i < list.Count; i++) Assert.True(list[i - 1].LogPosition < list[i].LogPosition, $"out of order at {i}");
        // Per stream, delivery follows the stream's own order.
        Assert.All(list.GroupBy(e => e.StreamId), g => Assert.Equal(g.Select(e => e.StreamVersion).Order(), g.Select(e => e.StreamVersion)));

        // A subscriber restarted from any checkpoint receives exactly the rest.
        var checkpoint = list[expectedTotal / 3];
        var rest = await store.ReadAllAsync(checkpoint.LogPosition, 1000);
        Assert.Equal(list.Skip(expectedTotal / 3 + 1).Select(e => e.EventId), rest.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_live_subscriber_wakes_on_notification_and_sees_new_events_in_order()
    {
        await using var store = await TestStore.CreateAsync(database, pollInterval: TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var received = new List<int>();
        var done = new TaskCompletionSource();
        var subscriber = Task.Run(async () =>
        {
            await foreach (var e in store.SubscribeAsync(LogPosition.Start, ct: cancel.Token))
            {
                received.Add(((Counted)e.Data).Amount);
                if (received.Count == 3) done.SetResult();
            }
        });
        await Task.Delay(200);
        for (var i = 1; i <= 3; i++) await store.AppendAsync("live", "test", ExpectedVersion.Any, TestStore.Events(new Counted(i)));
        // The poll interval is 30 s: only LISTEN/NOTIFY can deliver these within the test's time.
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([1, 2, 3], received);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => subscriber);
    }

    private static async Task Execute(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken ct)
    {
        while (!condition()) await Task.Delay(20, ct);
    }
}
