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
    /// Maps <c>GET /events</c>, <c>GET /events/live</c>, <c>GET /events/schemas</c> and <c>GET /events/schemas/{type}.json</c>
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
        group.MapGet("/live", (HttpContext context) => Refusing(context, () => LiveEndpoint.HandleAsync(context, log, envelopes, options, logger)))
            .WithName("FollowEventsLive")
            .DisableRequestTimeout(); // streams for as long as the client listens; the host's request budget is for answers
        group.MapGet("/schemas", (HttpContext context) => SchemaEndpoints.IndexAsync(context, schemas))
            .WithName("ListEventSchemas");
        group.MapGet("/schemas/{file}", (HttpContext context, string file) => SchemaEndpoints.OneAsync(context, schemas, file))
            .WithName("GetEventSchema");
        return app;
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
