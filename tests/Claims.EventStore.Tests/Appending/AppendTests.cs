using Claims.EventStore.Appending;
using Claims.EventStore.Events;
using Claims.EventStore.Serialization;
using Claims.EventStore.Tests.Support;
using Claims.TestKit;

namespace Claims.EventStore.Tests.Appending;

public sealed class AppendTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Appended_events_read_back_in_stream_order_with_versions_and_metadata()
    {
        await using var store = await TestStore.CreateAsync(database);
        var metadata = new EventMetadata(CorrelationId: "corr-1", CausationId: "cause-1", CausedBy: "reviewer@example");
        var result = await store.AppendAsync("s-1", "test", ExpectedVersion.NoStream,
            [new NewEvent(new Counted(1), Metadata: metadata), new NewEvent(new Noted("é « ok »"))]);

        Assert.Equal(2, result.StreamVersion);
        Assert.False(result.WasAlreadyStored);
        var read = await store.ReadStreamAsync("s-1").ToListAsync();
        Assert.Equal([1L, 2L], read.Select(e => e.StreamVersion));
        Assert.Equal(new Counted(1), read[0].Data);
        Assert.Equal(new Noted("é « ok »"), read[1].Data);
        Assert.Equal(metadata with { Headers = null }, read[0].Metadata with { Headers = null });
        Assert.Equal(result.Positions, read.Select(e => e.Position));
        Assert.True(read[0].Position < read[1].Position);
    }

    [Fact]
    public async Task Two_writers_racing_on_one_stream_one_wins_the_other_gets_the_typed_conflict()
    {
        await using var store = await TestStore.CreateAsync(database);
        await store.AppendAsync("race", "test", ExpectedVersion.NoStream, TestStore.Events(new Counted(0)));

        // Both believe the stream is at version 1; they start together.
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(1, 2).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await store.AppendAsync("race", "test", ExpectedVersion.Exactly(1), TestStore.Events(new Counted(i)));
        })).ToList();
        start.Release(2);
        var outcomes = await Task.WhenAll(writers.Select(async w => { try { return (object)await w; } catch (Exception e) { return e; } }));

        Assert.Single(outcomes.OfType<AppendResult>());
        var conflict = Assert.IsType<WrongExpectedVersionException>(Assert.Single(outcomes.OfType<Exception>()));
        Assert.Equal("race", conflict.StreamId);
        Assert.Equal(ExpectedVersion.Exactly(1), conflict.Expected);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Contains("race", conflict.Message);
        Assert.Equal(2, (await store.GetStreamAsync("race"))!.Version);
    }

    [Fact]
    public async Task Expected_version_rules_NoStream_StreamExists_Any_and_exact()
    {
        await using var store = await TestStore.CreateAsync(database);
        var missing = await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            store.AppendAsync("ev", "test", ExpectedVersion.StreamExists, TestStore.Events(new Counted(1))));
        Assert.Equal(0, missing.ActualVersion);
        Assert.Null(await store.GetStreamAsync("ev")); // the refused append left no empty stream behind

        await store.AppendAsync("ev", "test", ExpectedVersion.Any, TestStore.Events(new Counted(1)));
        await store.AppendAsync("ev", "test", ExpectedVersion.StreamExists, TestStore.Events(new Counted(2)));
        await store.AppendAsync("ev", "test", ExpectedVersion.Exactly(2), TestStore.Events(new Counted(3)));
        var again = await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            store.AppendAsync("ev", "test", ExpectedVersion.NoStream, TestStore.Events(new Counted(4))));
        Assert.Equal(3, again.ActualVersion);
        var stale = await Assert.ThrowsAsync<WrongExpectedVersionException>(() =>
            store.AppendAsync("ev", "test", ExpectedVersion.Exactly(2), TestStore.Events(new Counted(4))));
        Assert.Equal(3, stale.ActualVersion);
        Assert.Equal(3, (await store.ReadStreamAsync("ev").ToListAsync()).Count);
    }

    [Fact]
    public async Task A_retried_append_with_the_same_event_ids_writes_nothing_and_returns_the_original_positions()
    {
        await using var store = await TestStore.CreateAsync(database);
        NewEvent[] batch = [new(new Counted(1), Guid.NewGuid()), new(new Counted(2), Guid.NewGuid())];
        var first = await store.AppendAsync("retry", "test", ExpectedVersion.NoStream, batch);
        // The retry still carries the stale expectation of the first attempt.
        var retry = await store.AppendAsync("retry", "test", ExpectedVersion.NoStream, batch);

        Assert.True(retry.WasAlreadyStored);
        Assert.Equal(first.Positions, retry.Positions);
        Assert.Equal(2, retry.StreamVersion);
        Assert.Equal(2, (await store.ReadStreamAsync("retry").ToListAsync()).Count);
    }

    [Fact]
    public async Task A_batch_mixing_stored_and_new_event_ids_is_refused_whole()
    {
        await using var store = await TestStore.CreateAsync(database);
        var id = Guid.NewGuid();
        await store.AppendAsync("mix", "test", ExpectedVersion.NoStream, [new NewEvent(new Counted(1), id)]);
        var refused = await Assert.ThrowsAsync<AppendRejectedException>(() =>
            store.AppendAsync("mix", "test", ExpectedVersion.Any, [new NewEvent(new Counted(1), id), new NewEvent(new Counted(2))]));
        Assert.Contains("mix", refused.Message);
        Assert.Single(await store.ReadStreamAsync("mix").ToListAsync());

        await Assert.ThrowsAsync<AppendRejectedException>(() =>
            store.AppendAsync("twice", "test", ExpectedVersion.Any, [new NewEvent(new Counted(1), id), new NewEvent(new Counted(2), id)]));
        Assert.Null(await store.GetStreamAsync("twice"));

        // The same id in a brand-new stream: refused by name, and the new stream is not left behind.
        var elsewhere = await Assert.ThrowsAsync<AppendRejectedException>(() =>
            store.AppendAsync("other", "test", ExpectedVersion.NoStream, [new NewEvent(new Counted(1), id)]));
        Assert.Contains("another stream", elsewhere.Message);
        Assert.Null(await store.GetStreamAsync("other"));
    }

    [Fact]
    public async Task A_batch_with_an_event_that_cannot_be_serialised_writes_nothing()
    {
        await using var store = await TestStore.CreateAsync(database);
        var error = await Assert.ThrowsAsync<EventSerializationException>(() => store.AppendAsync("bad", "test", ExpectedVersion.Any,
            TestStore.Events(new Counted(1), new Unserialisable(double.NaN), new Counted(2))));
        Assert.Contains("Unserialisable", error.Message);

        var unregistered = await Assert.ThrowsAsync<EventSerializationException>(() =>
            store.AppendAsync("bad", "test", ExpectedVersion.Any, TestStore.Events(new Counted(1), new { Anonymous = true })));
        Assert.Contains("not registered", unregistered.Message);

        Assert.Null(await store.GetStreamAsync("bad"));
        Assert.Empty(await store.ReadAllAsync(LogPosition.Start, 10));
    }

    [Fact]
    public async Task A_zero_event_append_is_a_no_op()
    {
        await using var store = await TestStore.CreateAsync(database);
        var empty = await store.AppendAsync("none", "test", ExpectedVersion.NoStream, []);
        Assert.Empty(empty.Events);
        Assert.Null(await store.GetStreamAsync("none"));
        Assert.Equal(LogPosition.Start, await store.HeadAsync());
    }

    [Fact]
    public async Task An_archived_stream_refuses_appends_but_still_reads()
    {
        await using var store = await TestStore.CreateAsync(database);
        await store.AppendAsync("old", "test", ExpectedVersion.NoStream, TestStore.Events(new Counted(1)));
        await store.ArchiveStreamAsync("old");
        await Assert.ThrowsAsync<AppendRejectedException>(() => store.AppendAsync("old", "test", ExpectedVersion.Any, TestStore.Events(new Counted(2))));
        Assert.True((await store.GetStreamAsync("old"))!.Archived);
        Assert.Single(await store.ReadStreamAsync("old").ToListAsync());
    }

    [Fact]
    public async Task Bad_arguments_are_named()
    {
        await using var store = await TestStore.CreateAsync(database);
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(" ", "test", ExpectedVersion.Any, TestStore.Events(new Counted(1))));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync("s", "", ExpectedVersion.Any, TestStore.Events(new Counted(1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedVersion.Exactly(-3));
        Assert.Throws<ArgumentException>(() => new EventStore(new EventStoreOptions { ConnectionString = database.ConnectionString, Schema = "Robert'); drop table x;--" }));
    }
}
