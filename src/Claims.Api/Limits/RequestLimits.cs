using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Claims.Api.Limits;

/// <summary>How long a request may take and how many ingests run at once. Settings (environment or --key=value) override the defaults.</summary>
public sealed class RequestLimitsOptions
{
    public const string RequestTimeoutSetting = "CLAIMS_REQUEST_TIMEOUT_SECONDS";
    public const string IngestTimeoutSetting = "CLAIMS_INGEST_TIMEOUT_SECONDS";
    public const string IngestConcurrencySetting = "CLAIMS_INGEST_CONCURRENCY";
    public const string IngestQueueSetting = "CLAIMS_INGEST_QUEUE";

    /// <summary>The budget of every request but the live feed (which streams for as long as the client listens).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The budget of POST /articles: extraction of a large article included.</summary>
    public TimeSpan IngestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Ingests extracting at once. Extraction is synchronous CPU work that holds a thread-pool thread, so one core
    /// is left to reads (/health, pages): with every core's thread held, a read would wait for the pool to grow.</summary>
    public int IngestConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Ingests waiting for a slot (within their own time budget); beyond, 503 at once. A waiting request costs no
    /// thread; four a core lets a feeder with a few parallel writers (the ingest benchmark runs 8) queue rather than retry.</summary>
    public int IngestQueue { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>What Retry-After says on a 503 for a full ingest queue or a spent budget.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    internal void Read(IConfiguration configuration)
    {
        RequestTimeout = Seconds(configuration, RequestTimeoutSetting) ?? RequestTimeout;
        IngestTimeout = Seconds(configuration, IngestTimeoutSetting) ?? IngestTimeout;
        IngestConcurrency = Count(configuration, IngestConcurrencySetting, 1) ?? IngestConcurrency;
        IngestQueue = Count(configuration, IngestQueueSetting, 0) ?? IngestQueue;
    }

    private static TimeSpan? Seconds(IConfiguration configuration, string name) =>
        Count(configuration, name, 1) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    // A malformed setting stops the server at start rather than running without a bound.
    private static int? Count(IConfiguration configuration, string name, int min) => configuration[name] switch
    {
        null or "" => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min => n,
        var text => throw new FormatException($"{name} must be a whole number of at least {min} (got '{text}')."),
    };
}

/// <summary>
/// Bounded requests with ASP.NET Core's own middleware: RequestTimeouts gives every request a budget (its token is the
/// request's <see cref="HttpContext.RequestAborted"/>, which the handlers pass down), and the rate limiter's concurrency
/// policy bounds ingest so that heavy articles cannot take every core from reads. Both refuse with 503 problem+json and
/// Retry-After: the request was fine, the server is busy.
/// </summary>
public static class RequestLimits
{
    /// <summary>The name of the timeout policy of POST /articles.</summary>
    public const string IngestPolicy = "ingest";

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitsOptions>().Configure<IConfiguration>((o, configuration) => o.Read(configuration));

        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<RequestLimitsOptions>>((o, limits) =>
        {
            o.DefaultPolicy = Policy(limits.Value.RequestTimeout);
            o.AddPolicy(IngestPolicy, Policy(limits.Value.IngestTimeout));
        });

        // A limiter of System.Threading.RateLimiting held around extraction and append only, not as endpoint middleware: a
        // permit for the whole request would also be held through the wait for the read models, which costs no CPU, and
        // ingest would then go at the speed of that wait.
        services.AddSingleton(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
            return new IngestGate(new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = limits.IngestConcurrency, QueueLimit = limits.IngestQueue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        });
        return services;
    }

    /// <summary>After routing and authorization: a refused writer takes no ingest slot, and time spent queued counts against the budget.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app)
    {
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>True when the request's time budget, not the client, ended it.</summary>
    public static bool TimedOut(HttpContext context) =>
        context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true;

    /// <summary>The 503 of a spent budget; also written by POST /articles, which answers before its abandoned work ends.</summary>
    public static ValueTask WriteTimeoutAsync(HttpContext context) =>
        WriteBusyAsync(context, "Request took longer than its time budget",
            context.Request.Method == HttpMethods.Post
                ? "The server gave up on this request within its time budget (a very large article may cost more to extract than the budget allows). Nothing was written."
                : "The server gave up on this request within its time budget.");

    private static RequestTimeoutPolicy Policy(TimeSpan timeout) => new()
    {
        Timeout = timeout,
        TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        WriteTimeoutResponse = context => WriteTimeoutAsync(context).AsTask(),
    };

    /// <summary>The 503 of a full ingest queue.</summary>
    public static ValueTask WriteIngestFullAsync(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        return WriteBusyAsync(context, "Too many articles being ingested",
            $"{limits.IngestConcurrency} articles are being extracted and {limits.IngestQueue} are waiting; try again shortly. Nothing was written.");
    }

    /// <summary>The 503 of a database that does not answer (restarting, unreachable): the request was fine; nothing was written,
    /// or, for a write that reached the commit, it may have been: a retry of an ingest then answers 200, the same body.</summary>
    public static ValueTask WriteDatabaseUnavailableAsync(HttpContext context) =>
        WriteBusyAsync(context, "Database unavailable", "The database did not answer; Claims reconnects by itself. Send the request again later.");

    private static async ValueTask WriteBusyAsync(HttpContext context, string title, string detail)
    {
        var limits = context.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers[HeaderNames.RetryAfter] = ((int)Math.Ceiling(limits.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail };
        problem.Extensions["retryAfterSeconds"] = (int)Math.Ceiling(limits.RetryAfter.TotalSeconds);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

/// <summary>The bound on articles extracted and appended at once (<see cref="RequestLimitsOptions.IngestConcurrency"/>), with a
/// queue (<see cref="RequestLimitsOptions.IngestQueue"/>) beyond which an ingest is refused at once.</summary>
public sealed class IngestGate(ConcurrencyLimiter limiter)
{
    /// <summary>A held permit, or null when the queue is full.</summary>
    public async ValueTask<RateLimitLease?> EnterAsync(CancellationToken ct)
    {
        var lease = await limiter.AcquireAsync(1, ct);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        return null;
    }
}
