using System.Text.Json;
using Claims.Feed.Envelope;
using Claims.Feed.Log;
using Microsoft.AspNetCore.Http;

namespace Claims.Feed.Paging;

/// <summary>
/// <c>GET /events</c>: one page of the log after a cursor, in position order, as <c>{ "events": [...], "next": n }</c>.
/// <c>next</c> is the position of the page's last event (the given <c>after</c> on an empty page): pass it back as
/// <c>after</c>. Nothing past the daemon's high-water mark is returned, so a page never gains an earlier neighbour later.
/// </summary>
internal static class EventPageEndpoint
{
    public static async Task HandleAsync(HttpContext context, EventLog log, CloudEventWriter envelopes, FeedOptions options)
    {
        var ct = context.RequestAborted;
        var query = await FeedQuery.ParseAsync(context.Request, log, options, cursorHeader: false, ct);
        var events = (await log.ReadAsync(query.After, query.Limit, query.Types, query.Stream, ct)).Events;

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteStartArray("events");
        foreach (var e in events) envelopes.Write(writer, e);
        writer.WriteEndArray();
        writer.WriteNumber("next", events.Count > 0 ? events[^1].Position : query.After);
        writer.WriteEndObject();
        await writer.FlushAsync(ct);
    }
}
