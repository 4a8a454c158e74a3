using System.Globalization;
using System.Net;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using Claims.Feed.Client.Checkpoints;
using Claims.Feed.Client.Sse;
using Npgsql;

namespace Claims.Feed.Client;

/// <summary>
/// Subscribes to a Claims event feed: resumes after the stored checkpoint, catches up page by page (GET /events), then
/// follows live (GET /events/live) — reconnecting with Last-Event-ID, with backoff, whenever the connection, the server
/// or the network fails. Each event goes to the handler, then the checkpoint is saved; a handler that throws stops
/// the subscription (its event was not checkpointed, so it comes again on the next run).
/// </summary>
/// <param name="http">An HttpClient whose BaseAddress is the Claims server (e.g. http://claims:5080/).</param>
public sealed class ClaimsFeedClient(HttpClient http, ClaimsFeedClientOptions? options = null)
{
    private readonly ClaimsFeedClientOptions _options = options ?? new ClaimsFeedClientOptions();

    /// <summary>At-least-once: an event whose handler finished but whose checkpoint was not saved is delivered again.</summary>
    public Task RunAsync(Func<CloudEvent, CancellationToken, Task> handler, ICheckpointStore checkpoints, CancellationToken ct) =>
        RunCoreAsync(checkpoints.LoadAsync, async (e, token) =>
        {
            await handler(e, token);
            await checkpoints.SaveAsync(e.Position, token);
        }, ct);

    /// <summary>
    /// Exactly-once for the subscriber's own tables: the handler's work and the checkpoint commit in one transaction
    /// of <paramref name="checkpoints"/>' database, or neither does.
    /// </summary>
    public Task RunAsync(Func<CloudEvent, NpgsqlTransaction, CancellationToken, Task> handler, PostgresCheckpointStore checkpoints, CancellationToken ct) =>
        RunCoreAsync(checkpoints.LoadAsync, async (e, token) =>
        {
            await using var connection = await checkpoints.DataSource.OpenConnectionAsync(token);
            await using var transaction = await connection.BeginTransactionAsync(token);
            await handler(e, transaction, token);
            await checkpoints.SaveAsync(transaction, e.Position, token);
            await transaction.CommitAsync(token);
        }, ct);

    private async Task RunCoreAsync(Func<CancellationToken, Task<long>> load, Func<CloudEvent, CancellationToken, Task> deliver, CancellationToken ct)
    {
        var cursor = new Cursor(await load(ct));
        var backoff = _options.InitialBackoff;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                await CatchUpAsync(cursor, deliver, ct);
                await FollowLiveAsync(cursor, deliver, () => backoff = _options.InitialBackoff, ct);
                // The server ended the stream (restart, or it found us slow): resume at once from the cursor.
            }
            catch (HandlerFailed failed)
            {
                ExceptionDispatchInfo.Throw(failed.InnerException!);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && IsTransient(e))
            {
                _options.OnReconnect?.Invoke(e);
                await Task.Delay(backoff, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        e is HttpRequestException or IOException or TimeoutException or OperationCanceledException;

    private async Task CatchUpAsync(Cursor cursor, Func<CloudEvent, CancellationToken, Task> deliver, CancellationToken ct)
    {
        while (true)
        {
            using var response = await http.GetAsync(Url("events", includeAfter: cursor.Position, pageSize: _options.PageSize), HttpCompletionOption.ResponseHeadersRead, ct);
            await EnsureAcceptedAsync(response, ct);
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var page = await JsonDocument.ParseAsync(body, cancellationToken: ct);
            if (!page.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                throw new FeedProtocolException("A page of /events has no 'events' array.");
            var count = 0;
            foreach (var envelope in events.EnumerateArray())
            {
                await DeliverAsync(cursor, deliver, CloudEvent.Parse(envelope), ct);
                count++;
            }
            if (count < _options.PageSize) return;
        }
    }

    private async Task FollowLiveAsync(Cursor cursor, Func<CloudEvent, CancellationToken, Task> deliver, Action connected, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("events/live", includeAfter: null, pageSize: null));
        request.Headers.Add("Last-Event-ID", cursor.Position.ToString(CultureInfo.InvariantCulture));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await EnsureAcceptedAsync(response, ct);
        connected();
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var reader = new ServerSentEventReader(body, _options.IdleTimeout);
        while (await reader.ReadAsync(ct) is { } message)
            await DeliverAsync(cursor, deliver, CloudEvent.Parse(message.Data), ct);
    }

    private static async Task DeliverAsync(Cursor cursor, Func<CloudEvent, CancellationToken, Task> deliver, CloudEvent e, CancellationToken ct)
    {
        try
        {
            await deliver(e, ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new HandlerFailed(failure);
        }
        cursor.Position = e.Position;
    }

    private static async Task EnsureAcceptedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(ct);
        // 4xx (a checkpoint this server does not know, a bad filter): the same request would be refused forever.
        if (status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.RequestTimeout && response.StatusCode != HttpStatusCode.TooManyRequests)
            throw new FeedRequestRefusedException(status, body);
        throw new HttpRequestException($"The Claims feed answered {status}: {body}", null, response.StatusCode);
    }

    private string Url(string path, long? includeAfter, int? pageSize)
    {
        var query = new List<string>();
        if (includeAfter is { } after) query.Add("after=" + after.ToString(CultureInfo.InvariantCulture));
        if (pageSize is { } limit) query.Add("limit=" + limit.ToString(CultureInfo.InvariantCulture));
        foreach (var type in _options.Types ?? []) query.Add("type=" + Uri.EscapeDataString(type));
        if (_options.Stream is { } stream) query.Add("stream=" + Uri.EscapeDataString(stream));
        var url = new StringBuilder(path);
        if (query.Count > 0) url.Append('?').AppendJoin('&', query);
        return url.ToString();
    }

    private sealed class Cursor(long position)
    {
        public long Position { get; set; } = position;
    }

    /// <summary>Marks the subscriber's own failure, so it is not mistaken for a transport failure and retried.</summary>
    private sealed class HandlerFailed(Exception inner) : Exception(inner.Message, inner);
}
