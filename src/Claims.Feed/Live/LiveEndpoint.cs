using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Claims.Feed.Envelope;
using Claims.Feed.Log;
using Claims.Feed.Paging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Claims.Feed.Live;

/// <summary>
/// <c>GET /events/live</c>: the log as Server-Sent Events, caught up from the cursor then followed live. Each event is
/// <c>id: position / event: type / data: envelope</c>; Last-Event-ID (or ?after=) resumes exactly after an event.
/// A reader task fills a bounded buffer and the response loop drains it: a client too slow to keep up is disconnected
/// (it resumes from its last id) instead of holding the reader, memory or the server back.
/// </summary>
internal static class LiveEndpoint
{
    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    public static async Task HandleAsync(HttpContext context, EventLog log, CloudEventWriter envelopes, FeedOptions options, ILogger logger)
    {
        var query = await FeedQuery.ParseAsync(context.Request, log, options, cursorHeader: true, context.RequestAborted);

        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: pass events through as they come
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        options.Counters.LiveOpened();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var buffer = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(options.LiveBufferSize)
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait,
        });
        var reader = Task.Run(() => ReadLogAsync(log, query, options, buffer.Writer, connection.Token));
        try
        {
            WriteAscii(response.BodyWriter, $"retry: {(long)options.ClientRetryDelay.TotalMilliseconds}\n\n");
            await FlushAsync(response, options, connection.Token);
            await WriteEventsAsync(response, envelopes, options, buffer.Reader, connection.Token);
        }
        catch (SlowClientException)
        {
            options.Counters.SlowClientDisconnected();
            logger.LogInformation("Live feed client {Remote} was too slow and is disconnected; it resumes with Last-Event-ID.", context.Connection.RemoteIpAddress);
            context.Abort();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The log could not be read (database down...): end the stream; the client resumes where it was.
            logger.LogWarning(e, "Live feed stream ended by an error; the client will resume from its last id.");
            context.Abort();
        }
        finally
        {
            await connection.CancelAsync();
            try { await reader; } catch (Exception) { /* its outcome already reached the writer through the channel */ }
            options.Counters.LiveClosed();
        }
    }

    /// <summary>The log, followed up to the high-water mark, into the bounded buffer; a buffer that stays full past the deadline ends the connection.</summary>
    private static async Task ReadLogAsync(EventLog log, FeedQuery query, FeedOptions options,
        ChannelWriter<FeedEvent> buffer, CancellationToken ct)
    {
        try
        {
            await foreach (var e in log.FollowAsync(query.After, options.LiveReadBatchSize, options.LivePollInterval, query.Types, query.Stream, ct))
            {
                if (buffer.TryWrite(e)) continue;
                using var timer = new CancellationTokenSource(options.SlowClientTimeout);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
                try
                {
                    await buffer.WriteAsync(e, deadline.Token);
                }
                catch (OperationCanceledException) when (timer.IsCancellationRequested)
                {
                    buffer.TryComplete(new SlowClientException());
                    return;
                }
            }
        }
        catch (Exception e)
        {
            buffer.TryComplete(e);
            return;
        }
        buffer.TryComplete();
    }

    private static async Task WriteEventsAsync(HttpResponse response, CloudEventWriter envelopes, FeedOptions options,
        ChannelReader<FeedEvent> buffer, CancellationToken ct)
    {
        var pipe = response.BodyWriter;
        Task<bool>? waiting = null;
        while (true)
        {
            waiting ??= buffer.WaitToReadAsync(ct).AsTask();
            using (var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                var tick = Task.Delay(options.HeartbeatInterval, heartbeat.Token);
                if (await Task.WhenAny(waiting, tick) != waiting)
                {
                    pipe.Write(Heartbeat);
                    await FlushAsync(response, options, ct);
                    continue;
                }
                await heartbeat.CancelAsync();
            }

            if (!await waiting) return; // the reader stopped without error: only when cancelled
            waiting = null;
            while (pipe.UnflushedBytes < 64 * 1024 && buffer.TryRead(out var e)) WriteEvent(pipe, envelopes, e);
            await FlushAsync(response, options, ct);
        }
    }

    /// <summary>One SSE message. The envelope is single-line JSON, so it is one <c>data:</c> line.</summary>
    private static void WriteEvent(IBufferWriter<byte> pipe, CloudEventWriter envelopes, FeedEvent e)
    {
        WriteAscii(pipe, $"id: {e.Position.ToString(CultureInfo.InvariantCulture)}\nevent: {e.EventType}\ndata: ");
        using (var json = new Utf8JsonWriter(pipe)) envelopes.Write(json, e);
        pipe.Write("\n\n"u8);
    }

    /// <summary>A socket that does not take our bytes within the deadline belongs to a slow client.</summary>
    private static async Task FlushAsync(HttpResponse response, FeedOptions options, CancellationToken ct)
    {
        using var timer = new CancellationTokenSource(options.SlowClientTimeout);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token);
        try
        {
            await response.BodyWriter.FlushAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested)
        {
            throw new SlowClientException();
        }
        // Kestrel answers a cancelled flush by aborting the connection itself (so RequestAborted fires too, or the
        // flush just returns): it is the timer that says why.
        if (timer.IsCancellationRequested) throw new SlowClientException();
    }

    private static void WriteAscii(IBufferWriter<byte> pipe, string text)
    {
        var span = pipe.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        pipe.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private sealed class SlowClientException() : Exception("The live feed client did not keep up.");
}
