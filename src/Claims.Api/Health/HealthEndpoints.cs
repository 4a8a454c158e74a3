using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Claims.Api.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> (IClaimsApplication app, ILoggerFactory logs, CancellationToken ct) =>
            {
                HealthReport report;
                try
                {
                    report = await app.GetHealthAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // An unreachable database is exactly what /health reports: a 503 with database=false, not a 500.
                    logs.CreateLogger("Claims.Api.Health").LogWarning(e, "Health check failed");
                    report = new HealthReport(false, []);
                }
                return report.Database ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithTags("Health")
            .WithName("GetHealth")
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Whether the database answers, and how far each projection lags behind the event log.");
        return endpoints;
    }
}
