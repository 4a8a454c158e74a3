using Claims.EventStore.Appending;
using Claims.EventStore.Daemon;
using Claims.EventStore.Tests.Support;
using Claims.TestKit;

namespace Claims.EventStore.Tests.Daemon;

public sealed class InlineProjectionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task An_inline_projection_is_current_as_soon_as_the_append_returns()
    {
        await using var store = await TestStore.CreateAsync(database, inline: [new CountingProjection()]);
        await store.AppendAsync("i", "test", ExpectedVersion.NoStream, TestStore.Events(new Counted(5), new Noted("n"), new Counted(7)));
        Assert.Equal([("i", 12L, 2)], await CountingProjection.TotalsAsync(store));
    }

    [Fact]
    public async Task When_an_inline_projection_fails_the_events_are_not_written_either()
    {
        await using var store = await TestStore.CreateAsync(database, inline: [new CountingProjection { PoisonAmount = 13 }]);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.AppendAsync("i", "test", ExpectedVersion.NoStream, TestStore.Events(new Counted(1), new Counted(13))));
        Assert.Null(await store.GetStreamAsync("i"));
        Assert.Empty(await CountingProjection.TotalsAsync(store));
    }

    [Fact]
    public async Task A_retried_append_does_not_apply_the_inline_projection_twice()
    {
        await using var store = await TestStore.CreateAsync(database, inline: [new CountingProjection()]);
        Events.NewEvent[] batch = [new(new Counted(3), Guid.NewGuid())];
        await store.AppendAsync("i", "test", ExpectedVersion.NoStream, batch);
        await store.AppendAsync("i", "test", ExpectedVersion.NoStream, batch);
        Assert.Equal((1L, 1L), await CountingProjection.AppliedAsync(store));
    }

    [Fact]
    public async Task An_inline_projection_added_to_an_existing_log_is_built_from_it_and_its_rebuild_equals_the_live_one()
    {
        await using var plain = await TestStore.CreateAsync(database);
        await DaemonTests.AppendCountsAsync(plain, streams: 2, perStream: 10);

        await using var withInline = new EventStore(new EventStoreOptions
        {
            ConnectionString = database.ConnectionString, Schema = plain.Schema, EventTypes = TestEventTypes.Create(),
            InlineProjections = [new CountingProjection(version: 1)],
        });
        await withInline.InitializeAsync();
        Assert.Equal(DaemonTests.ExpectedTotals(2, 10), await CountingProjection.TotalsAsync(withInline));

        await DaemonTests.AppendCountsAsync(withInline, streams: 2, perStream: 5, offset: 10);
        var live = await CountingProjection.TotalsAsync(withInline);
        await using var bumped = new EventStore(new EventStoreOptions
        {
            ConnectionString = database.ConnectionString, Schema = plain.Schema, EventTypes = TestEventTypes.Create(),
            InlineProjections = [new CountingProjection(version: 2)],
        });
        await bumped.InitializeAsync(); // version changed: rebuilt from the log and swapped in
        Assert.Equal(live, await CountingProjection.TotalsAsync(bumped));
        Assert.Equal(DaemonTests.ExpectedTotals(2, 15), live);
    }
}
