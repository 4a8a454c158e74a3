using Claims.EventStore.Appending;
using Claims.EventStore.Events;
using Claims.EventStore.Tests.Support;
using Claims.TestKit;

namespace Claims.EventStore.Tests.TestKit;

public sealed class RecordedStreamsTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Streams_recorded_to_a_folder_replay_into_a_fresh_store_event_for_event()
    {
        var folder = Directory.CreateTempSubdirectory("claims-recorded-").FullName;
        try
        {
            await using var source = await TestStore.CreateAsync(database);
            await source.AppendAsync("article-1", "article", ExpectedVersion.NoStream,
                [new NewEvent(new Counted(1), Metadata: new EventMetadata(CausedBy: "alice")), new NewEvent(new Noted("« Aucune frappe »"))]);
            await source.AppendAsync("article-2", "article", ExpectedVersion.NoStream, TestStore.Events(new Counted(2)));
            Assert.Equal(3, await RecordedStreams.RecordAllAsync(source, folder));

            await using var target = await TestStore.CreateAsync(database);
            Assert.Equal(3, await RecordedStreams.ReplayFolderAsync(target, folder));
            foreach (var stream in new[] { "article-1", "article-2" })
            {
                var original = await source.ReadStreamAsync(stream).ToListAsync();
                var replayed = await target.ReadStreamAsync(stream).ToListAsync();
                Assert.Equal(original.Select(e => (e.EventId, e.StreamVersion, e.EventType, e.Data, e.Metadata.CausedBy)),
                    replayed.Select(e => (e.EventId, e.StreamVersion, e.EventType, e.Data, e.Metadata.CausedBy)));
            }
            // Replaying again is a no-op: the event ids are already stored.
            await RecordedStreams.ReplayFolderAsync(target, folder);
            Assert.Equal(2, (await target.ReadStreamAsync("article-1").ToListAsync()).Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_recorded_v1_event_replays_through_todays_upcaster_and_bad_lines_are_named()
    {
        var folder = Directory.CreateTempSubdirectory("claims-recorded-").FullName;
        try
        {
            await File.WriteAllLinesAsync(Path.Combine(folder, "people.jsonl"),
            [
                """{"stream":"people","streamType":"test"}""",
                """{"type":"Renamed","schemaVersion":1,"data":{"name":"Jens Stoltenberg"}}""",
            ]);
            await using var store = await TestStore.CreateAsync(database);
            await RecordedStreams.ReplayFolderAsync(store, folder);
            Assert.Equal(new Renamed("Jens", "Stoltenberg"), (await store.ReadStreamAsync("people").SingleAsync()).Data);

            await File.WriteAllLinesAsync(Path.Combine(folder, "zz-broken.jsonl"), ["""{"stream":"b","streamType":"test"}""", """{"type": "Counted", """]);
            var error = await Assert.ThrowsAsync<FormatException>(() => RecordedStreams.ReplayFolderAsync(store, folder));
            Assert.Contains("zz-broken.jsonl:2", error.Message);
            Assert.Null(await store.GetStreamAsync("b"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
