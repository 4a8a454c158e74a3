namespace Claims.TestKit;

/// <summary>Bounded waits for a condition; the bound only stops a broken test from hanging, it asserts nothing about speed.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        while (!await condition())
        {
            try { await Task.Delay(25, deadline.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"Gave up waiting for: {what}"); }
        }
    }

    public static Task UntilAsync(Func<bool> condition, string what, int seconds = 60) =>
        UntilAsync(() => Task.FromResult(condition()), what, seconds);
}
