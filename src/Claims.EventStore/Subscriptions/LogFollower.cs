using System.Runtime.CompilerServices;
using Claims.EventStore.Events;

namespace Claims.EventStore.Subscriptions;

/// <summary>Catch up from a position, then follow live: the base of subscriptions, the event feed and the daemon's waits.</summary>
internal static class LogFollower
{
    public static async IAsyncEnumerable<StoredEvent> FollowAsync(
        EventStore store, LogPosition after, int batchSize, IReadOnlyCollection<string>? types, string? streamId,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var checkpoint = after;
        var backoff = TimeSpan.Zero;
        while (!ct.IsCancellationRequested)
        {
            var signal = store.Notifications.NextSignal();
            var batch = await store.ReadAllAsync(checkpoint, batchSize, types, streamId, CancellationToken.None); // see ProjectionRunner.RunBatchAsync
            ct.ThrowIfCancellationRequested();
            foreach (var stored in batch)
            {
                yield return stored;
                checkpoint = stored.LogPosition;
            }
            if (batch.Count == batchSize) continue;
            backoff = await WaitForMoreAsync(store, signal, batch.Count > 0 ? TimeSpan.Zero : backoff, batch.Count > 0, ct);
        }
    }

    /// <summary>
    /// Waits for a notification or a poll. A notification can arrive while an older transaction still holds the horizon
    /// back, and that older transaction may not notify when it ends, so after activity (a wake-up, or events read) the
    /// reader looks again soon, doubling the wait up to the poll interval. Returns the next backoff (zero: plain polling).
    /// </summary>
    public static async Task<TimeSpan> WaitForMoreAsync(EventStore store, Task signal, TimeSpan backoff, bool sawActivity, CancellationToken ct)
    {
        var first = TimeSpan.FromMilliseconds(5);
        if (sawActivity) backoff = first;
        var wait = backoff == TimeSpan.Zero ? store.PollInterval : backoff;
        var woke = await Task.WhenAny(signal, Task.Delay(wait, ct)) == signal;
        ct.ThrowIfCancellationRequested();
        if (woke) return first;
        if (backoff == TimeSpan.Zero) return TimeSpan.Zero;
        var next = backoff * 2;
        return next >= store.PollInterval ? TimeSpan.Zero : next;
    }
}
