using Claims.Feed.Envelope;
using Claims.Feed.Live;
using Claims.Feed.Log;
using Claims.Feed.Paging;
using Claims.Feed.Problems;
using Claims.Feed.Schemas;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Claims.Feed;

/// <summary>The HTTP event feed for downstream subscribers; the contract is in FEED.md.</summary>
public static class EventFeedEndpoints
{
    /// <summary>
    /// Maps <c>GET /events</c>, <c>GET /events/head</c>, <c>GET /events/live</c>, <c>GET /events/schemas</c> and <c>GET /events/schemas/{type}.json</c>
    /// over Marten's log (<see cref="EventLog.Of"/> a runtime, or a data source and Marten's schema).
    /// </summary>
    public static IEndpointRouteBuilder MapEventFeed(this IEndpointRouteBuilder app, EventLog log, FeedOptions? options = null)
    {
        options ??= new FeedOptions();
        options.Validate();
        var envelopes = new CloudEventWriter(options.Source);
        var schemas = new EventSchemas();
        var logger = app.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("Claims.Feed") ?? NullLogger.Instance;

        var group = app.MapGroup("/events").WithTags("Event feed");
        group.MapGet("", (HttpContext context) => Refusing(context, () => EventPageEndpoint.HandleAsync(context, log, envelopes, options)))
            .WithName("ReadEventPage");
        group.MapGet("/head", (HttpContext context) => HeadAsync(context, log))
            .WithName("GetEventFeedHead");
        group.MapGet("/live", (HttpContext context) => Refusing(context, () => LiveEndpoint.HandleAsync(context, log, envelopes, options, logger)))
            .WithName("FollowEventsLive")
            .DisableRequestTimeout(); // streams for as long as the client listens; the host's request budget is for answers
        group.MapGet("/schemas", (HttpContext context) => SchemaEndpoints.IndexAsync(context, schemas))
            .WithName("ListEventSchemas");
        group.MapGet("/schemas/{file}", (HttpContext context, string file) => SchemaEndpoints.OneAsync(context, schemas, file))
            .WithName("GetEventSchema");
        return app;
    }

    /// <summary><c>{ "position": n }</c>: the cursor of the feed's current end (<see cref="EventLog.HeadAsync"/>).</summary>
    private static async Task HeadAsync(HttpContext context, EventLog log)
    {
        var position = await log.HeadAsync(context.RequestAborted);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new System.Text.Json.Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteNumber("position", position);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>A refused request is answered with problem+json before anything else is written.</summary>
    private static async Task Refusing(HttpContext context, Func<Task> handle)
    {
        try
        {
            await handle();
        }
        catch (FeedProblem problem) when (!context.Response.HasStarted)
        {
            await problem.ToResult().ExecuteAsync(context);
        }
    }
}
