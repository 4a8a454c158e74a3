using Claims.Domain.Events;
using Claims.Domain.Tests.Marten;
using Claims.Domain.Tests.Support;
using Claims.TestKit;

namespace Claims.Domain.Tests.TestKit;

/// <summary>The test kit's recorded streams: a store recorded to a folder replays into a fresh one event for event (ids,
/// times, authors), a second replay adds nothing, and a bad line is named and writes nothing of its stream.</summary>
public sealed class RecordedStreamsTests
{
    [Fact]
    public async Task Streams_recorded_to_a_folder_replay_into_a_fresh_store_event_for_event_and_once()
    {
        var folder = Directory.CreateTempSubdirectory("claims-recorded-").FullName;
        try
        {
            await using var sourceDb = await PostgresDatabase.CreateAsync();
            await using var source = await MartenRuns.StartAsync(sourceDb.ConnectionString);
            var ids = await MartenRuns.IngestSeedsAsync(source, 0, 1);
            var recorded = await RecordedStreams.RecordAllAsync(source.Store, source.DataSource, folder);
            Assert.Equal(await source.Progress.HeadAsync(), recorded);

            await using var targetDb = await PostgresDatabase.CreateAsync();
            await using var target = await MartenRuns.StartAsync(targetDb.ConnectionString);
            Assert.Equal(recorded, await RecordedStreams.ReplayFolderAsync(target.Store, folder));
            Assert.Equal(0, await RecordedStreams.ReplayFolderAsync(target.Store, folder));
            foreach (var id in ids)
            {
                await using var a = source.Store.QuerySession();
                await using var b = target.Store.QuerySession();
                var original = await a.Events.FetchStreamAsync(id);
                var replayed = await b.Events.FetchStreamAsync(id);
                Assert.Equal(original.Select(e => (e.Id, e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.Data)),
                    replayed.Select(e => (e.Id, e.Version, e.EventTypeName, e.Timestamp, e.UserName, e.Data)));
            }
            // The replayed store's read models are what the original's are.
            await target.Application.WaitForProjectionsAsync(MartenRuns.Patience);
            await source.Application.WaitForProjectionsAsync(MartenRuns.Patience);
            Assert.Equal((await source.Application.ListContradictionsAsync()).Select(c => c.Id), (await target.Application.ListContradictionsAsync()).Select(c => c.Id));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_line_is_named_and_nothing_of_its_stream_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("claims-recorded-").FullName;
        try
        {
            var article = MartenRuns.NewArticle("article-recorded");
            await File.WriteAllLinesAsync(Path.Combine(folder, "article-recorded.jsonl"),
            [
                """{"stream":"article-recorded","streamType":"article"}""",
                $$"""{"type":"ArticleIngested","schemaVersion":1,"data":{{System.Text.Json.JsonSerializer.Serialize(article, ClaimsEventTypes.JsonOptions)}}}""",
                """{"type":"ArticleShredded","schemaVersion":1,"data":{}}""",
            ]);
            await using var database = await PostgresDatabase.CreateAsync();
            await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
            var error = await Assert.ThrowsAsync<FormatException>(() => RecordedStreams.ReplayFolderAsync(runtime.Store, folder));
            Assert.Contains("article-recorded.jsonl:3", error.Message);
            Assert.Contains("ArticleShredded", error.Message);
            Assert.Empty(await Streams.ReadAsync(runtime, "article-recorded"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
