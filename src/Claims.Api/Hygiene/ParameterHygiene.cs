using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Claims.Api.Hygiene;

/// <summary>
/// One check of every query and route value of every endpoint (API, event feed, page) before any handler runs, so a NUL in
/// <c>?actor=</c> or <c>?stream=</c> is a 400 naming the parameter instead of a PostgreSQL error. Runs after routing (which
/// WebApplication puts first), so route values are known. The failure goes through the exception handler like any other 400.
/// Kestrel itself refuses a %00 in the path before any middleware runs (a bare 400).
/// </summary>
public static class ParameterHygiene
{
    public static IApplicationBuilder UseParameterHygiene(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        foreach (var (name, values) in context.Request.Query)
        {
            TextHygiene.Check("query", name);
            foreach (var value in values)
                TextHygiene.Check(name, value);
        }
        foreach (var (name, value) in context.Request.RouteValues)
            if (value is string text)
                TextHygiene.Check(name, text);
        await next(context);
    });
}
