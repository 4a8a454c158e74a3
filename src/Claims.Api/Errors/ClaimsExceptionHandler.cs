using System.Text.Json;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Claims.Api.Errors;

/// <summary>
/// Turns the domain's refusals into problem+json: <see cref="RequestValidationException"/> → 400 naming the field (in
/// "field" and in "errors"), <see cref="NotFoundException"/> → 404, <see cref="RequestTooLargeException"/> → 413 naming the field and
/// its limit, <see cref="ReviewConflictException"/> → 409 naming who holds the contradiction or what it duplicates, a query
/// or route value minimal APIs could not bind (?limit=abc) → 400 naming the parameter, a bad request the
/// server detected (too large, unreadable) → its status.
/// Anything else is left to the default 500 problem, without internals.
/// </summary>
public sealed class ClaimsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (DatabaseUnavailable(exception))
        {
            await Limits.RequestLimits.WriteDatabaseUnavailableAsync(context);
            return true;
        }
        ProblemDetails? problem = exception switch
        {
            RequestTooLargeException large => TooLarge(large.Field, large.Message, large.LimitBytes),
            RequestValidationException invalid => Invalid(invalid.Field, invalid.Message),
            NotFoundException missing => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = missing.Message },
            StaleVersionException stale => Stale(stale),
            ReviewConflictException conflict => Conflict(conflict),
            // Another writer changed the stream between load and append, and Wolverine's retries met it again each time.
            JasperFx.ConcurrencyException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Conflict",
                Detail = $"Another write to the same stream came first ({conflict.Message}). Nothing was written; send it again.",
            },
            BadHttpRequestException { InnerException: JsonException } => Invalid("body", "The body is not valid JSON."),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } bad =>
                TooLarge("body", bad.Message, context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize),
            BadHttpRequestException bad when BindingFailure.Parse(bad.Message) is { } binding => Invalid(binding.Parameter, binding.Message),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = Title(bad.StatusCode), Detail = bad.Message },
            _ => null,
        };
        if (problem is null) return false;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>PostgreSQL down or restarting: no connection, a connection cut, or the server refusing new work while it shuts
    /// down or starts (SQL states 08xxx and 57P01–57P03). Anywhere in the chain: Marten and Wolverine wrap what they meet.</summary>
    private static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException pg) return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03";
            // Npgsql's own test: a socket, I/O or timeout failure under it (a server error is the PostgresException above).
            if (e is Npgsql.NpgsqlException { IsTransient: true }) return true;
            if (e is System.Net.Sockets.SocketException) return true;
        }
        return false;
    }

    /// <summary>412: the If-Match version and the current one, and what stands now ("current"), so the reviewer can look again.</summary>
    private static ProblemDetails Stale(StaleVersionException stale)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status412PreconditionFailed, Title = "Changed since you looked", Detail = stale.Message };
        problem.Extensions["expectedVersion"] = stale.Expected;
        problem.Extensions["currentVersion"] = stale.Actual;
        if (stale.Current is not null) problem.Extensions["current"] = stale.Current;
        return problem;
    }

    /// <summary>409: the review write meets what the stream holds, named (who holds the contradiction, what it duplicates).</summary>
    private static ProblemDetails Conflict(ReviewConflictException conflict)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = conflict.Message };
        if (conflict is AssignmentConflictException held) problem.Extensions["assignee"] = held.Assignee;
        if (conflict.DuplicateOf is { } of) problem.Extensions["duplicateOf"] = of;
        return problem;
    }

    public static ValidationProblemDetails Invalid(string field, string message)
    {
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = $"{field}: {message} Nothing was written.",
        };
        problem.Extensions["field"] = field;
        return problem;
    }

    public static ProblemDetails TooLarge(string field, string message, long? limitBytes)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "Request too large",
            Detail = $"{field}: {message} Nothing was written.",
        };
        problem.Extensions["field"] = field;
        if (limitBytes is { } limit) problem.Extensions["limitBytes"] = limit;
        return problem;
    }

    private static string Title(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Request body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        _ => "Bad request",
    };
}
