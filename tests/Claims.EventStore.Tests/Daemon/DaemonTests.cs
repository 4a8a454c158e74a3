using Claims.EventStore.Appending;
using Claims.EventStore.Daemon;
using Claims.EventStore.Tests.Support;
using Claims.TestKit;

namespace Claims.EventStore.Tests.Daemon;

public sealed class DaemonTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(30);
    private static DaemonOptions FastOptions => new() { BatchSize = 25, OwnershipRetry = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task An_async_projection_catches_up_and_follows_the_log()
    {
        await using var store = await TestStore.CreateAsync(database);
        await AppendCountsAsync(store, streams: 3, perStream: 20);
        await using var daemon = new ProjectionDaemon(store, [new CountingProjection()], FastOptions);
        await daemon.StartAsync();
        await daemon.WaitForNonStaleAsync(CatchUp);
        Assert.Equal(ExpectedTotals(3, 20), await CountingProjection.TotalsAsync(store));

        await store.AppendAsync("s0", "test", ExpectedVersion.Any, TestStore.Events(new Counted(1000), new Noted("ignored")));
        await daemon.WaitForNonStaleAsync(CatchUp);
        var s0 = (await CountingProjection.TotalsAsync(store))[0];
        Assert.Equal(ExpectedTotals(3, 20)[0].Item2 + 1000, s0.Total);
        Assert.Equal((61L, 61L), await CountingProjection.AppliedAsync(store));
    }

    [Fact]
    public async Task A_daemon_stopped_mid_batch_and_restarted_ends_equal_to_a_rebuild_from_scratch()
    {
        await using var store = await TestStore.CreateAsync(database);
        await AppendCountsAsync(store, streams: 4, perStream: 30);
        var projection = new CountingProjection();
        var reachedMiddle = new TaskCompletionSource();
        var batches = 0;
        projection.MidBatchGate = async ct =>
        {
            // Let two batches commit, then hang inside the third with rows written but not committed.
            if (Interlocked.Increment(ref batches) < 3) return;
            reachedMiddle.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };
        var first = new ProjectionDaemon(store, [projection], FastOptions);
        await first.StartAsync();
        await reachedMiddle.Task.WaitAsync(CatchUp);
        await first.StopAsync(); // cancels the hung batch: its transaction rolls back

        Assert.Equal((50L, 50L), await CountingProjection.AppliedAsync(store)); // exactly the two committed batches

        projection.MidBatchGate = null;
        await using var second = new ProjectionDaemon(store, [projection], FastOptions);
        await second.StartAsync();
        await second.WaitForNonStaleAsync(CatchUp);
        var afterRestart = await CountingProjection.TotalsAsync(store);
        Assert.Equal((120L, 120L), await CountingProjection.AppliedAsync(store));

        await second.RebuildAsync("counting");
        Assert.Equal(afterRestart, await CountingProjection.TotalsAsync(store));
        Assert.Equal(ExpectedTotals(4, 30), afterRestart);
        Assert.Equal((120L, 120L), await CountingProjection.AppliedAsync(store));
    }

    [Fact]
    public async Task Two_daemons_share_the_projections_with_one_owner_each_and_fail_over_when_the_owner_stops()
    {
        await using var store = await TestStore.CreateAsync(database);
        await AppendCountsAsync(store, streams: 2, perStream: 10);
        var a = new ProjectionDaemon(store, [new CountingProjection("first"), new CountingProjection("second")], FastOptions);
        await using var b = new ProjectionDaemon(store, [new CountingProjection("first"), new CountingProjection("second")], FastOptions);
        await a.StartAsync();
        await b.StartAsync();
        await WaitUntilAsync(() => a.Owned.Count + b.Owned.Count == 2);
        Assert.Empty(a.Owned.Intersect(b.Owned));
        Assert.Equal(["first", "second"], a.Owned.Concat(b.Owned).Order());

        var ownedByA = a.Owned.ToList();
        await a.StopAsync().WaitAsync(CatchUp);
        await WaitUntilAsync(() => b.Owned.Count == 2); // b takes over what a had
        Assert.Superset(ownedByA.ToHashSet(), b.Owned.ToHashSet());

        await AppendCountsAsync(store, streams: 2, perStream: 5, offset: 10);
        await b.WaitForNonStaleAsync(CatchUp);
        Assert.Equal((30L, 30L), await CountingProjection.AppliedAsync(store, "first"));
        Assert.Equal((30L, 30L), await CountingProjection.AppliedAsync(store, "second"));
    }

    [Fact]
    public async Task A_rebuild_builds_beside_the_live_read_model_which_keeps_serving_until_the_swap()
    {
        await using var store = await TestStore.CreateAsync(database);
        await AppendCountsAsync(store, streams: 3, perStream: 10);
        await using var daemon = new ProjectionDaemon(store, [new CountingProjection()], FastOptions);
        await daemon.StartAsync();
        await daemon.WaitForNonStaleAsync(CatchUp);

        var rebuild = daemon.RebuildAsync("counting");
        // Writes go on during the rebuild and are neither lost nor doubled by the swap.
        await AppendCountsAsync(store, streams: 3, perStream: 5, offset: 10);
        Assert.NotEmpty(await CountingProjection.TotalsAsync(store)); // the live model answers meanwhile
        await rebuild;
        await daemon.WaitForNonStaleAsync(CatchUp);
        Assert.Equal(ExpectedTotals(3, 15), await CountingProjection.TotalsAsync(store));
        Assert.Equal((45L, 45L), await CountingProjection.AppliedAsync(store));
    }

    [Fact]
    public async Task Many_projections_started_together_each_create_their_read_model_and_catch_up()
    {
        // Regression: the start-up check once disposed a pooled reader twice, which broke other loops' commands.
        await using var store = await TestStore.CreateAsync(database);
        await AppendCountsAsync(store, streams: 2, perStream: 10);
        var names = Enumerable.Range(0, 6).Select(i => $"p{i}").ToList();
        await using var daemon = new ProjectionDaemon(store, names.Select(n => new CountingProjection(n)), FastOptions);
        await daemon.StartAsync();
        await daemon.WaitForNonStaleAsync(CatchUp);
        foreach (var name in names)
            Assert.Equal(ExpectedTotals(2, 10), await CountingProjection.TotalsAsync(store, name));
    }

    [Fact]
    public async Task A_new_projection_version_is_rebuilt_at_start()
    {
        await using var store = await TestStore.CreateAsync(database);
        await AppendCountsAsync(store, streams: 2, perStream: 5);
        await using (var v1 = new ProjectionDaemon(store, [new CountingProjection(version: 1)], FastOptions))
        {
            await v1.StartAsync();
            await v1.WaitForNonStaleAsync(CatchUp);
        }
        // Damage the read model: a rebuild (triggered by the version bump) must restore it from the log.
        await using (var command = store.DataSource.CreateCommand($"delete from {store.ProjectionSchema("counting")}.totals"))
            await command.ExecuteNonQueryAsync();
        await using var v2 = new ProjectionDaemon(store, [new CountingProjection(version: 2)], FastOptions);
        await v2.StartAsync();
        await WaitUntilAsync(async () => (await CountingProjection.TotalsAsync(store)).Count == 2);
        Assert.Equal(ExpectedTotals(2, 5), await CountingProjection.TotalsAsync(store));
    }

    [Fact]
    public async Task A_poisoned_event_goes_to_dead_letters_and_the_rest_is_applied()
    {
        await using var store = await TestStore.CreateAsync(database);
        await store.AppendAsync("p", "test", ExpectedVersion.NoStream, TestStore.Events(new Counted(1), new Counted(666), new Counted(2)));
        await using var daemon = new ProjectionDaemon(store, [new CountingProjection { PoisonAmount = 666 }], FastOptions);
        await daemon.StartAsync();
        await daemon.WaitForNonStaleAsync(CatchUp);

        Assert.Equal([("p", 3L, 2)], await CountingProjection.TotalsAsync(store));
        await using var command = store.DataSource.CreateCommand($"select projection, event_type, error from {store.Schema}.dead_letters");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("counting", reader.GetString(0));
        Assert.Equal("Counted", reader.GetString(1));
        Assert.Contains("poisoned amount 666", reader.GetString(2));
        Assert.False(await reader.ReadAsync());
    }

    internal static async Task AppendCountsAsync(EventStore store, int streams, int perStream, int offset = 0)
    {
        for (var i = offset; i < offset + perStream; i++)
            for (var s = 0; s < streams; s++)
                await store.AppendAsync($"s{s}", "test", ExpectedVersion.Any, TestStore.Events(new Counted(s * 1000 + i)));
    }

    internal static List<(string, long, int)> ExpectedTotals(int streams, int perStream) =>
        Enumerable.Range(0, streams).Select(s => ($"s{s}", Enumerable.Range(0, perStream).Sum(i => (long)(s * 1000 + i)), perStream)).ToList();

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(CatchUp);
        while (!await condition()) await Task.Delay(25, timeout.Token);
    }
}
