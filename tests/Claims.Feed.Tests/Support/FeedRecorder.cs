using System.Text.Json;

namespace Claims.Feed.Tests.Support;

/// <summary>
/// A subscriber running in the background, keeping every event it receives (position and id, in arrival order):
/// <see cref="Pages"/> pages through <c>GET /events</c> with the cursor it is given back, <see cref="Live"/> follows
/// <c>GET /events/live</c>. A reader that fails makes the next look at what it received throw.
/// </summary>
public sealed class FeedRecorder : IAsyncDisposable
{
    private readonly List<(long Position, string Id)> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private FeedRecorder(Func<FeedRecorder, CancellationToken, Task> run) => _run = Task.Run(() => run(this, _stop.Token));

    public static FeedRecorder Pages(HttpClient http) => new(async (recorder, ct) =>
    {
        var after = 0L;
        while (true)
        {
            using var response = await http.GetAsync($"events?after={after}&limit=4", ct);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var events = page.RootElement.GetProperty("events");
            foreach (var e in events.EnumerateArray())
                recorder.Add(long.Parse(e.GetProperty("position").GetString()!), e.GetProperty("id").GetString()!);
            after = page.RootElement.GetProperty("next").GetInt64();
            if (events.GetArrayLength() == 0) await Task.Delay(20, ct); // caught up: ask again shortly, as a client would
        }
    });

    public static FeedRecorder Live(HttpClient http, long after = 0) => new(async (recorder, ct) =>
    {
        using var response = await http.GetAsync($"events/live?after={after}", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var sse = new SseLines(await response.Content.ReadAsStreamAsync(ct));
        while (await sse.NextAsync(ct) is { } message)
            if (message.Data is not null)
            {
                using var envelope = JsonDocument.Parse(message.Data);
                Assert.Equal(message.Id, envelope.RootElement.GetProperty("position").GetString());
                recorder.Add(long.Parse(message.Id!), envelope.RootElement.GetProperty("id").GetString()!);
            }
        throw new InvalidOperationException("the live stream ended");
    });

    /// <summary>What was received so far, in arrival order.</summary>
    public IReadOnlyList<(long Position, string Id)> Received
    {
        get
        {
            if (_run.IsFaulted) _run.GetAwaiter().GetResult();
            lock (_received) return _received.ToList();
        }
    }

    private void Add(long position, string id)
    {
        lock (_received) _received.Add((position, id));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _run; } catch (Exception) { /* stopped, or already reported through Received */ }
        _stop.Dispose();
    }
}
