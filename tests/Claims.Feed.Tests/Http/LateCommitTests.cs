using Claims.Feed.Tests.Support;
using Claims.TestKit;

namespace Claims.Feed.Tests.Http;

/// <summary>
/// The late commit: a writer takes a sequence number and commits after writers that took later ones. A feed that served
/// whatever is committed would hand out the later events, move its cursor past the gap, and never deliver the late one.
/// Both GET /events and /events/live read only up to the daemon's high-water mark, which waits for the gap's transaction.
/// </summary>
public sealed class LateCommitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Writers = 4, EventsPerWriter = 5;

    [Fact]
    public async Task Events_after_an_open_transaction_wait_for_it_on_pages_and_live_then_all_arrive_once_in_sequence_order()
    {
        await using var scenario = await HeldScenario.StartAsync(database);
        await scenario.HoldAsync();

        await scenario.Held.CommitAsync();

        var all = await scenario.Host.Log.AllAsync();
        Assert.Equal(2 + 1 + Writers * EventsPerWriter, all.Count);
        Assert.Contains(all, e => e.EventId == scenario.Held.EventId);
        var expected = all.Select(e => (e.Position, e.EventId.ToString())).ToList();
        await scenario.WaitForBothAsync(expected.Count);
        Assert.Equal(expected, scenario.Pages.Received); // each once, in sequence order, the late one included
        Assert.Equal(expected, scenario.Live.Received);
    }

    [Fact]
    public async Task Events_after_a_transaction_that_rolls_back_are_delivered_once_it_has_ended_and_its_event_never()
    {
        await using var scenario = await HeldScenario.StartAsync(database);
        await scenario.HoldAsync();

        await scenario.Held.RollbackAsync();

        var all = await scenario.Host.Log.AllAsync(); // the daemon moves past the dead gap
        Assert.Equal(2 + Writers * EventsPerWriter, all.Count);
        var expected = all.Select(e => (e.Position, e.EventId.ToString())).ToList();
        await scenario.WaitForBothAsync(expected.Count);
        Assert.Equal(expected, scenario.Pages.Received);
        Assert.Equal(expected, scenario.Live.Received);
        Assert.DoesNotContain(scenario.Live.Received, r => r.Id == scenario.Held.EventId.ToString());
    }

    [Fact]
    public async Task The_head_is_the_last_event_served_when_the_mark_stands_on_a_rolled_back_append()
    {
        await using var host = await FeedHost.StartAsync(database);
        using var http = host.NewClient();
        Assert.Equal(0, await HeadAsync(http)); // an empty log: follow from the beginning

        await host.AppendAsync("article-early", TestEvents.Numbered("article-early", 1), TestEvents.Numbered("article-early", 2));
        var served = await host.Log.AllAsync();
        await using (var held = await HeldAppend.StartAsync(host.Log.Runtime, "article-held", TestEvents.Numbered("article-held", 3)))
        {
            await held.RollbackAsync();
            // The daemon moves its mark over the dead number once the transaction has ended: the mark stands where no event is.
            await Wait.UntilAsync(async () => await host.Log.Runtime.Progress.HighWaterMarkAsync() >= held.Position, "the mark to pass the rolled-back append");
        }

        var head = await HeadAsync(http);
        Assert.Equal(served[^1].Position, head);
        using var page = await http.GetAsync($"events?after={head}");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode); // a cursor the feed takes
        await host.AppendAsync("article-next", TestEvents.Numbered("article-next", 4));
        var next = (await host.Log.AllAsync())[^1];
        await using var live = FeedRecorder.Live(http, after: head);
        await Wait.UntilAsync(() => live.Received.Count >= 1, "the next event live");
        Assert.Equal([(next.Position, next.EventId.ToString())], live.Received);
    }

    private static async Task<long> HeadAsync(HttpClient http)
    {
        using var response = await http.GetAsync("events/head");
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("position").GetInt64();
    }

    /// <summary>
    /// Two committed events, both readers caught up on them; then one writer appends and holds its transaction open while
    /// four others commit five events each after it.
    /// </summary>
    private sealed class HeldScenario : IAsyncDisposable
    {
        private readonly HttpClient _http;
        private IReadOnlyList<(long Position, string Id)> _early = [];

        private HeldScenario(FeedHost host)
        {
            Host = host;
            _http = host.NewClient();
            Pages = FeedRecorder.Pages(_http);
            Live = FeedRecorder.Live(_http);
        }

        public FeedHost Host { get; }
        public FeedRecorder Pages { get; }
        public FeedRecorder Live { get; }
        public HeldAppend Held { get; private set; } = null!;

        public static async Task<HeldScenario> StartAsync(PostgresDatabase database)
        {
            var scenario = new HeldScenario(await FeedHost.StartAsync(database));
            try
            {
                await scenario.SetUpAsync();
                return scenario;
            }
            catch
            {
                await scenario.DisposeAsync();
                throw;
            }
        }

        private async Task SetUpAsync()
        {
            await Host.AppendAsync("article-early", TestEvents.Numbered("article-early", 1), TestEvents.Numbered("article-early", 2));
            _early = (await Host.Log.AllAsync()).Select(e => (e.Position, e.EventId.ToString())).ToList();
            await WaitForBothAsync(_early.Count);

            Held = await HeldAppend.StartAsync(Host.Log.Runtime, "article-held", TestEvents.Numbered("article-held", 3));
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < EventsPerWriter; i++) await Host.AppendAsync($"article-late-{w}", TestEvents.Numbered($"article-late-{w}", 10 + i));
            })));
            var committedAfter = await Host.Log.Runtime.Progress.HeadAsync();
            Assert.True(committedAfter >= Held.Position + Writers * EventsPerWriter, "the later writers committed events numbered after the held one");
        }

        /// <summary>
        /// Keeps the transaction open past the point where Marten's daemon would skip a gap it has no evidence for, while
        /// both readers keep asking; then checks that neither the high-water mark nor either reader went past the gap.
        /// </summary>
        public async Task HoldAsync()
        {
            await Host.Log.OutlastGapSkippingAsync();

            Assert.True(await Host.Log.Runtime.Progress.HighWaterMarkAsync() < Held.Position, "the high-water mark passed the open transaction's event");
            Assert.Equal(_early, Pages.Received);
            Assert.Equal(_early, Live.Received);
        }

        public Task WaitForBothAsync(int count) =>
            Wait.UntilAsync(() => Pages.Received.Count >= count && Live.Received.Count >= count, $"both readers to receive {count} events");

        public async ValueTask DisposeAsync()
        {
            await Pages.DisposeAsync();
            await Live.DisposeAsync();
            _http.Dispose();
            if (Held is not null) await Held.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
