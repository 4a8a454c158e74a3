using Claims.EventStore.Appending;
using Claims.EventStore.Daemon;
using Claims.EventStore.Events;
using Claims.EventStore.Projections;
using Claims.EventStore.Tests.Support;
using Claims.TestKit;

namespace Claims.EventStore.Tests.Daemon;

/// <summary>
/// The read-your-writes wait: released by the daemon's own commits when it runs the projections, through the progress
/// table when another daemon does. Released means the read model holds the write: these tests read it right after.
/// </summary>
public sealed class ReadYourWritesWaitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static DaemonOptions FastOptions => new() { BatchSize = 25, OwnershipRetry = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task A_waiter_is_released_once_every_projection_has_committed_past_the_position_and_not_before()
    {
        await using var store = await TestStore.CreateAsync(database);
        var held = new CountingProjection("held");
        await using var daemon = new ProjectionDaemon(store, [new CountingProjection("quick"), held], FastOptions);
        await daemon.StartAsync();
        await daemon.WaitForNonStaleAsync(Patience);

        var insideBatch = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        held.MidBatchGate = async ct =>
        {
            insideBatch.TrySetResult();
            await release.Task.WaitAsync(ct); // the event is written in the read model, not committed
        };
        var write = await store.AppendAsync("w", "test", ExpectedVersion.Any, TestStore.Events(new Counted(7)));
        var waiter = daemon.WaitForNonStaleAsync(Patience);

        await insideBatch.Task.WaitAsync(Patience);
        await UntilCommittedAsync(store, "quick", write.Events[^1].LogPosition);
        await Task.Yield();
        Assert.False(waiter.IsCompleted, "released while a projection had not committed the write");

        release.SetResult();
        await waiter;
        Assert.Contains(("w", 7L, 1), await CountingProjection.TotalsAsync(store, "held"));
        Assert.Contains(("w", 7L, 1), await CountingProjection.TotalsAsync(store, "quick"));
    }

    [Fact]
    public async Task A_waiter_on_a_position_never_reached_times_out()
    {
        await using var store = await TestStore.CreateAsync(database);
        await DaemonTests.AppendCountsAsync(store, streams: 2, perStream: 3);
        await using var daemon = new ProjectionDaemon(store, [new CountingProjection()], FastOptions);
        await daemon.StartAsync();
        await daemon.WaitForNonStaleAsync(Patience);

        var head = await store.HeadAsync();
        var beyond = new LogPosition(head.TransactionId + 1_000, head.Position + 1_000);
        var error = await Assert.ThrowsAsync<TimeoutException>(() => daemon.WaitForPositionAsync(beyond, TimeSpan.FromMilliseconds(300)));
        Assert.Contains("counting", error.Message);
    }

    [Fact]
    public async Task A_cancelled_wait_is_a_cancellation_not_a_timeout()
    {
        await using var store = await TestStore.CreateAsync(database);
        await using var daemon = new ProjectionDaemon(store, [new CountingProjection()], FastOptions);
        await daemon.StartAsync();
        using var cancel = new CancellationTokenSource();
        var waiter = daemon.WaitForPositionAsync(new LogPosition(ulong.MaxValue, long.MaxValue), Patience, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
    }

    [Fact]
    public async Task Concurrent_writers_each_read_their_own_write_in_every_projection_once_released()
    {
        await using var store = await TestStore.CreateAsync(database);
        string[] names = ["p0", "p1", "p2"];
        // Small batches: many commits, interleaving with the waiters' registrations.
        await using var daemon = new ProjectionDaemon(store, names.Select(n => new CountingProjection(n)),
            new DaemonOptions { BatchSize = 2, OwnershipRetry = TimeSpan.FromMilliseconds(200) });
        await daemon.StartAsync();

        var missing = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                var write = await store.AppendAsync($"writer{writer}", "test", ExpectedVersion.Any, TestStore.Events(new Counted(1)));
                if (i % 2 == 0) await daemon.WaitForNonStaleAsync(Patience);
                else await daemon.WaitForPositionAsync(write.Events[^1].LogPosition, Patience);
                foreach (var name in names)
                    if (!await IsAppliedAsync(store, name, write.Events[^1].EventId)) missing.Add($"{name}: writer{writer} #{i}");
            }
        })));
        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_daemon_that_owns_nothing_is_released_through_the_progress_table()
    {
        await using var store = await TestStore.CreateAsync(database);
        await using var owner = new ProjectionDaemon(store, [new CountingProjection()], FastOptions);
        await owner.StartAsync();
        await owner.WaitForNonStaleAsync(Patience);
        // Same projection, never started here: like a process whose daemon lost the race for the lease.
        await using var bystander = new ProjectionDaemon(store, [new CountingProjection()], FastOptions);

        var write = await store.AppendAsync("b", "test", ExpectedVersion.Any, TestStore.Events(new Counted(5)));
        await bystander.WaitForNonStaleAsync(Patience);
        Assert.Contains(("b", 5L, 1), await CountingProjection.TotalsAsync(store));

        var beyond = new LogPosition(write.Events[^1].LogPosition.TransactionId + 1_000, 0);
        await Assert.ThrowsAsync<TimeoutException>(() => bystander.WaitForPositionAsync(beyond, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void Checkpoints_only_move_forward_and_a_projection_taken_back_over_is_learnt_again()
    {
        var checkpoints = new ProjectionCheckpoints(["a", "b"]);
        var target = new LogPosition(10, 5);
        Assert.Equal(["a", "b"], checkpoints.Behind(target).Select(l => l.Name).Order()); // nothing known yet

        var woken = checkpoints.NextChange();
        checkpoints.Observe("a", new LogPosition(10, 5));
        Assert.True(woken.IsCompleted);
        checkpoints.Observe("a", new LogPosition(9, 1)); // an older committed value read late changes nothing
        checkpoints.Observe("b", new LogPosition(11, 1));
        Assert.Empty(checkpoints.Behind(target));

        checkpoints.SetFollowed("a", true);
        Assert.Equal([new ProjectionCheckpoints.Lagging("a", Followed: true)], checkpoints.Behind(target));
        checkpoints.Observe("unknown", new LogPosition(99, 99)); // ignored
        Assert.Single(checkpoints.Behind(target));
    }

    private static async Task<bool> IsAppliedAsync(EventStore store, string projection, Guid eventId)
    {
        await using var command = store.DataSource.CreateCommand($"select exists (select 1 from {store.ProjectionSchema(projection)}.applied where event_id = $1)");
        command.Parameters.Add(new() { Value = eventId });
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task UntilCommittedAsync(EventStore store, string projection, LogPosition position)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!(await ProjectionProgress.ReadAsync(store)).Any(s => s.Name == projection && s.Checkpoint >= position))
            await Task.Delay(10, timeout.Token);
    }
}
