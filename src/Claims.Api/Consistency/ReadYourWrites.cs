using Claims.Domain.Application;

namespace Claims.Api.Consistency;

/// <summary>
/// Ledgers, contradictions and articles are async read models. After a write, the API waits (briefly) until they include it,
/// so that a fact-checker who posts a verdict and reloads the list sees it. Past the bound the write still succeeded:
/// the answer goes out and the read models catch up a moment later.
/// </summary>
public static class ReadYourWrites
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    public static async Task WaitAsync(IClaimsApplication application, CancellationToken ct)
    {
        try
        {
            await application.WaitForProjectionsAsync(Bound, ct);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The write is committed; only its visibility in the read models is late. A budget spent or a client gone while
            // waiting must not turn a committed write into a 503 that invites a retry (a second verdict).
        }
    }
}
