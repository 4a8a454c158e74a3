using System.Net.Sockets;
using System.Text.Json;
using Claims.Feed.Tests.Support;
using Claims.TestKit;

namespace Claims.Feed.Tests.Http;

public sealed class LiveFeedTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Live_events_carry_their_position_as_id_and_Last_Event_ID_resumes_exactly_after_it()
    {
        await using var host = await FeedHost.StartAsync(database);
        for (var i = 1; i <= 5; i++) await host.AppendAsync($"article-{i % 2}", TestEvents.Numbered($"article-{i % 2}", i));
        var all = await host.Log.AllAsync();
        using var http = host.NewClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        // First connection: read three events, then hang up.
        var firstThree = await ReadLiveAsync(http, lastEventId: null, count: 3, cancel.Token);
        Assert.Equal(all.Take(3).Select(e => e.Position.ToString()), firstThree.Select(m => m.Id));
        Assert.All(firstThree, m => Assert.Equal("ArticleReExtracted", m.Event));
        Assert.Equal(firstThree.Select(m => m.Id),
            firstThree.Select(m => JsonDocument.Parse(m.Data!).RootElement.GetProperty("position").GetString()));

        // Reconnect with the last id: the rest, and then events appended while following live.
        var reader = Task.Run(() => ReadLiveAsync(http, firstThree[^1].Id, count: 4, cancel.Token));
        await host.AppendAsync("article-9", TestEvents.Numbered("article-9", 99), TestEvents.Numbered("article-9", 100));
        var rest = await reader;
        var expected = (await host.Log.AllAsync(after: all[2].Position)).Select(e => e.Position.ToString());
        Assert.Equal(expected, rest.Select(m => m.Id));
    }

    [Fact]
    public async Task An_idle_connection_gets_heartbeats()
    {
        await using var host = await FeedHost.StartAsync(database);
        using var http = host.NewClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await http.GetAsync("events/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var sse = new SseLines(await response.Content.ReadAsStreamAsync(cancel.Token));
        var heartbeats = 0;
        while (heartbeats < 2)
        {
            var message = await sse.NextAsync(cancel.Token);
            Assert.NotNull(message);
            Assert.Null(message.Data); // the log is empty: nothing but comments
            if (message.Comment == "heartbeat") heartbeats++;
        }
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_disconnected_and_resumes_from_its_last_id()
    {
        var options = new FeedOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), LiveBufferSize = 4, SlowClientTimeout = TimeSpan.FromMilliseconds(300) };
        await using var host = await FeedHost.StartAsync(database, options);
        var bulky = new string('x', 4000);
        for (var batch = 0; batch < 40; batch++)
            await host.AppendAsync($"contradiction-{batch % 3}", Enumerable.Range(0, 50).Select(i => (object)TestEvents.Verdict($"{batch}/{i} {bulky}")).ToArray());
        var all = await host.Log.AllAsync();

        // A client with a tiny receive window that handles ten events, then stops reading: the server's writes stall.
        using var slowHttp = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        }) { BaseAddress = host.BaseAddress };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var slowResponse = await slowHttp.GetAsync("events/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        var slow = new SseLines(await slowResponse.Content.ReadAsStreamAsync(cancel.Token));
        var handled = new List<string>();
        while (handled.Count < 10)
            if ((await slow.NextAsync(cancel.Token))?.Id is { } id) handled.Add(id);
        await Wait.UntilAsync(() => options.Counters.SlowClientsDisconnected >= 1, "the server to drop the slow client", seconds: 30);

        // Meanwhile a client that keeps up was not held back.
        using var http = host.NewClient();
        var fast = await ReadLiveAsync(http, null, all.Count, cancel.Token);
        Assert.Equal(all.Select(e => e.Position.ToString()), fast.Select(m => m.Id));

        // The slow client finds its stream cut short (whatever was still buffered on its side, then the end)...
        try
        {
            while (await slow.NextAsync(cancel.Token) is { } message)
                if (message.Id is { } id) handled.Add(id);
        }
        catch (Exception e) when (e is IOException or HttpRequestException) { /* reset by the server */ }
        Assert.True(handled.Count < all.Count, $"the slow client received all {all.Count} events; it should have been cut off");
        Assert.Equal(all.Take(handled.Count).Select(e => e.Position.ToString()), handled);

        // ...and resumes exactly after the last event it handled.
        var resumed = await ReadLiveAsync(http, handled[^1], all.Count - handled.Count, cancel.Token);
        Assert.Equal(all.Skip(handled.Count).Select(e => e.Position.ToString()), resumed.Select(m => m.Id));
    }

    [Fact]
    public async Task Caught_up_connections_share_one_read_of_the_high_water_mark_per_period_and_all_get_the_next_event()
    {
        var options = new FeedOptions { LivePollInterval = TimeSpan.FromMilliseconds(50) };
        await using var host = await FeedHost.StartAsync(database, options);
        await host.AppendAsync("article-1", TestEvents.Numbered("article-1", 1));
        var first = (await host.Log.AllAsync()).Single();
        using var http = host.NewClient();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        const int connections = 20;
        var streams = new List<(HttpResponseMessage Response, SseLines Lines)>();
        try
        {
            for (var i = 0; i < connections; i++)
            {
                var response = await http.GetAsync("events/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
                var lines = new SseLines(await response.Content.ReadAsStreamAsync(cancel.Token));
                streams.Add((response, lines));
                Assert.Equal(first.Position.ToString(), (await NextEventAsync(lines, cancel.Token)).Id);
            }

            // All caught up: a second of waiting costs one read of the mark per period, whatever the number of connections
            // (each polling on its own would make twenty). Slowness can only make fewer.
            var polls = host.Log.EventLog.MarkPolls;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(1), cancel.Token);
            var periods = clock.Elapsed / options.LivePollInterval;
            Assert.InRange(host.Log.EventLog.MarkPolls - polls, 1, (long)periods + 2);

            await host.AppendAsync("article-2", TestEvents.Numbered("article-2", 2));
            var second = (await host.Log.AllAsync(after: first.Position)).Single();
            foreach (var (_, lines) in streams) Assert.Equal(second.Position.ToString(), (await NextEventAsync(lines, cancel.Token)).Id);
        }
        finally
        {
            foreach (var (response, _) in streams) response.Dispose();
        }
    }

    private static async Task<SseLines.Message> NextEventAsync(SseLines lines, CancellationToken ct)
    {
        while (true)
        {
            var message = await lines.NextAsync(ct) ?? throw new InvalidOperationException("the stream ended");
            if (message.Data is not null) return message;
        }
    }

    private static async Task<List<SseLines.Message>> ReadLiveAsync(HttpClient http, string? lastEventId, int count, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "events/live");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var sse = new SseLines(await response.Content.ReadAsStreamAsync(ct));
        var messages = new List<SseLines.Message>();
        while (messages.Count < count)
        {
            var message = await sse.NextAsync(ct) ?? throw new InvalidOperationException($"stream ended after {messages.Count} of {count} events");
            if (message.Data is not null) messages.Add(message);
        }
        return messages;
    }
}
