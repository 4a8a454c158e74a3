using Claims.EventStore.Appending;
using Claims.EventStore.Events;
using Claims.EventStore.Tests.Support;
using Claims.TestKit;

namespace Claims.EventStore.Tests.Reading;

public sealed class ReadTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_stream_reads_forward_and_backward_from_a_version()
    {
        await using var store = await TestStore.CreateAsync(database);
        for (var i = 1; i <= 5; i++)
            await store.AppendAsync("s", "test", ExpectedVersion.Exactly(i - 1), TestStore.Events(new Counted(i)));

        var forward = await store.ReadStreamAsync("s", fromVersion: 3).ToListAsync();
        Assert.Equal([3, 4, 5], forward.Select(e => ((Counted)e.Data).Amount));
        var backward = await store.ReadStreamBackwardAsync("s", fromVersion: 4, maxCount: 2).ToListAsync();
        Assert.Equal([4, 3], backward.Select(e => ((Counted)e.Data).Amount));
        Assert.Equal([5, 4, 3, 2, 1], (await store.ReadStreamBackwardAsync("s").ToListAsync()).Select(e => ((Counted)e.Data).Amount));
        Assert.Empty(await store.ReadStreamAsync("missing").ToListAsync());
    }

    [Fact]
    public async Task The_whole_log_reads_forward_from_a_position_with_optional_filters()
    {
        await using var store = await TestStore.CreateAsync(database);
        await store.AppendAsync("a", "test", ExpectedVersion.NoStream, TestStore.Events(new Counted(1), new Noted("x")));
        await store.AppendAsync("b", "test", ExpectedVersion.NoStream, TestStore.Events(new Counted(2)));
        await store.WaitUntilDeliverableAsync(await store.HeadAsync()); // other test classes' open transactions hold the horizon for a moment

        var all = await store.ReadAllAsync(LogPosition.Start, 100);
        Assert.Equal(3, all.Count);
        var afterFirst = await store.ReadAllAsync(all[0].LogPosition, 100);
        Assert.Equal(all.Skip(1).Select(e => e.EventId), afterFirst.Select(e => e.EventId));
        Assert.Equal(2, (await store.ReadAllAsync(LogPosition.Start, 100, types: ["Counted"])).Count);
        Assert.Single(await store.ReadAllAsync(LogPosition.Start, 100, streamId: "b"));

        Assert.Equal(all[1].LogPosition, await store.ResolvePositionAsync(all[1].Position));
        Assert.Null(await store.ResolvePositionAsync(987654321));
        Assert.Equal(all[^1].LogPosition, await store.HeadAsync());
    }

    [Fact]
    public async Task An_old_event_version_loads_through_its_upcaster()
    {
        await using var store = await TestStore.CreateAsync(database);
        // Written "years ago" by code whose Renamed event was v1: { "name": "Sergueï Lavrov" }.
        await store.AppendRawAsync("people", "test", ExpectedVersion.NoStream, [new RawEvent("Renamed", 1, """{"name":"Sergueï Lavrov"}""")]);
        await store.AppendAsync("people", "test", ExpectedVersion.Exactly(1), TestStore.Events(new Renamed("Ashton", "Carter")));

        var read = await store.ReadStreamAsync("people").ToListAsync();
        Assert.Equal(new Renamed("Sergueï", "Lavrov"), read[0].Data);
        Assert.Equal(1, read[0].SchemaVersion);
        Assert.Equal(new Renamed("Ashton", "Carter"), read[1].Data);
        Assert.Equal(2, read[1].SchemaVersion);
    }

    [Fact]
    public async Task An_event_type_this_process_does_not_know_reads_as_unknown_rather_than_failing()
    {
        await using var store = await TestStore.CreateAsync(database);
        await store.AppendAsync("s", "test", ExpectedVersion.NoStream, TestStore.Events(new Counted(1)));
        await using (var command = store.DataSource.CreateCommand($"update {store.Schema}.events set type = 'FromTheFuture'"))
            await command.ExecuteNonQueryAsync();
        var read = Assert.Single(await store.ReadStreamAsync("s").ToListAsync());
        Assert.IsType<UnknownEvent>(read.Data);
    }
}
