using Microsoft.AspNetCore.Builder;
using Microsoft.Net.Http.Headers;

namespace Claims.Api.Errors;

/// <summary>
/// <c>X-Content-Type-Options: nosniff</c> on every response, errors included: browsers then take the declared type
/// (application/json, problem+json) at its word and never render an answer that echoes article text as HTML.
/// Set when the response starts, since the exception handler clears the headers of a failed response.
/// </summary>
public static class NoSniff
{
    public static IApplicationBuilder UseNoSniff(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
