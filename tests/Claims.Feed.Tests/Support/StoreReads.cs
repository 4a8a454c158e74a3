using Claims.EventStore.Events;

namespace Claims.Feed.Tests.Support;

public static class StoreReads
{
    /// <summary>
    /// Every event appended so far, in delivery order. Waits for the visibility horizon first: it is cluster-wide, so
    /// another test class's open transaction can briefly hold back events this test has already committed.
    /// </summary>
    public static async Task<IReadOnlyList<StoredEvent>> AllAsync(this EventStore.EventStore store, LogPosition? after = null)
    {
        await store.WaitUntilDeliverableAsync(await store.HeadAsync());
        return await store.ReadAllAsync(after ?? LogPosition.Start, 10_000);
    }
}
