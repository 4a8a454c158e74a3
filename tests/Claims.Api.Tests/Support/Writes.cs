namespace Claims.Api.Tests.Support;

/// <summary>Proof that a refused request wrote nothing: the head of the event log does not move.</summary>
public static class Writes
{
    public static async Task AssertNothingWrittenAsync(SeededApi api, Func<Task> refusedRequest)
    {
        var before = await api.Runtime.Progress.HeadAsync();
        await refusedRequest();
        var after = await api.Runtime.Progress.HeadAsync();
        Assert.Equal(before, after);
    }
}
