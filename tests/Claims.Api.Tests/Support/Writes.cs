using Claims.EventStore.Events;

namespace Claims.Api.Tests.Support;

/// <summary>Proof that a refused request wrote nothing: the head of the event log does not move.</summary>
public static class Writes
{
    public static async Task AssertNothingWrittenAsync(SeededApi api, Func<Task> refusedRequest)
    {
        var before = await api.Runtime.Store.HeadAsync();
        await refusedRequest();
        LogPosition after = await api.Runtime.Store.HeadAsync();
        Assert.Equal(before, after);
    }
}
