using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Claims.Domain.Application;

namespace Claims.Bench.Ingest;

/// <summary>
/// Where a POST /articles spends its time inside the server, measured without touching src/: the API is handed the real
/// application behind a pass-through proxy that times IngestAsync (validate, extract, decide, append) and
/// WaitForProjectionsAsync (the read-your-writes wait). A DispatchProxy, so members added to the contract later still pass through.
/// </summary>
public class PhaseClock : DispatchProxy
{
    private IClaimsApplication _inner = null!;

    public ConcurrentBag<double> IngestMilliseconds { get; } = [];
    public ConcurrentBag<double> ProjectionWaitMilliseconds { get; } = [];

    public static (IClaimsApplication Application, PhaseClock Clock) Wrap(IClaimsApplication inner)
    {
        var application = Create<IClaimsApplication, PhaseClock>();
        var clock = (PhaseClock)(object)application;
        clock._inner = inner;
        return (application, clock);
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(method);
        var times = method.Name switch
        {
            nameof(IClaimsApplication.IngestAsync) => IngestMilliseconds,
            nameof(IClaimsApplication.WaitForProjectionsAsync) => ProjectionWaitMilliseconds,
            _ => null,
        };
        var start = Stopwatch.GetTimestamp();
        object? result;
        try
        {
            result = method.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        // The same task goes back to the caller (its Task<T> type intact); the clock only watches it finish.
        if (times is not null && result is Task task)
            task.ContinueWith(_ => times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds), TaskContinuationOptions.ExecuteSynchronously);
        return result;
    }
}
