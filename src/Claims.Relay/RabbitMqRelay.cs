using System.Threading.Channels;
using Claims.Feed.Envelope;
using Claims.Feed.Log;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

namespace Claims.Relay;

/// <summary>
/// Publishes every event of Marten's log, in sequence order and never past the daemon's high-water mark, to a RabbitMQ topic exchange (routing key = event type), one
/// at a time with publisher confirms, and advances its checkpoint only past confirmed events: at-least-once, in order.
/// When the broker is down it retries with capped exponential backoff from the last confirmed event; the API is not
/// affected (the log is the buffer), nothing is lost, and the relay catches up when the broker returns. A message
/// confirmed just before a failure may be published again: consumers de-duplicate by message id (= event id).
/// </summary>
public sealed class RabbitMqRelay : IHostedService, IAsyncDisposable
{
    private readonly EventLog _log;
    private readonly RabbitMqRelayOptions _options;
    private readonly ILogger _logger;
    private readonly RelayCheckpoint _checkpoint;
    private readonly CloudEventWriter _envelopes;
    private CancellationTokenSource? _stop;
    private Task? _loop;
    private volatile RelayStatus _status;
    private long _confirmed;

    public RabbitMqRelay(EventLog log, RabbitMqRelayOptions options, ILogger<RabbitMqRelay>? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CheckpointEvery, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Exchange);
        _log = log;
        _options = options;
        _logger = logger ?? NullLogger<RabbitMqRelay>.Instance;
        _checkpoint = new RelayCheckpoint(log.DataSource, log.Schema, options.CheckpointName);
        _envelopes = new CloudEventWriter(options.Source);
        _status = new RelayStatus(options.Enabled, false, 0, 0, null, null);
    }

    public RelayStatus Status => _status;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            _logger.LogInformation("RabbitMQ relay is disabled; subscribers use the HTTP feed.");
            return Task.CompletedTask;
        }
        if (_loop is not null) throw new InvalidOperationException("The relay is already started.");
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_loop is null || _stop is null) return;
        await _stop.CancelAsync();
        await _loop.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stop?.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var backoff = _options.InitialBackoff;
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // One relay per database publishes; others stand by and take over when its connection (and lease) ends.
                await using var lease = await RelayLease.TryAcquireAsync(_log.DataSource, _log.Schema, _options.CheckpointName, stop);
                if (lease is null)
                {
                    _status = _status with { Connected = false, LastError = "standing by: another relay holds the lease" };
                    await Task.Delay(_options.StandbyRetry, stop);
                    continue;
                }
                // Reload after every acquisition: a previous holder may have moved the checkpoint on. Its row lives in
                // Marten's progress table, which Marten may not have created yet on a new database.
                await _log.EnsureStorageAsync(stop);
                _confirmed = await _checkpoint.LoadAsync(stop);
                var factory = new ConnectionFactory
                {
                    Uri = _options.Uri,
                    ClientProvidedName = "claims-relay",
                    // Recovery is ours: a recovered channel would forget which publishes were unconfirmed.
                    AutomaticRecoveryEnabled = false,
                    TopologyRecoveryEnabled = false,
                };
                await using var connection = await factory.CreateConnectionAsync(stop);
                await using var channel = await connection.CreateChannelAsync(
                    new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stop);
                await DeclareTopologyAsync(channel, stop);
                _logger.LogInformation("RabbitMQ relay connected to {Broker}; publishing after {Checkpoint}.", _options.Uri.Host, _confirmed);
                failures = 0;
                backoff = _options.InitialBackoff;
                _status = _status with { Connected = true, ConsecutiveFailures = 0, LastError = null };
                try
                {
                    await RelayAsync(channel, lease, stop);
                }
                finally
                {
                    await SaveBestEffortAsync(); // while the lease is still held
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                failures++;
                _status = _status with { Connected = false, ConsecutiveFailures = failures, LastError = e.Message, LastErrorAt = DateTimeOffset.UtcNow };
                _logger.LogWarning(e, "RabbitMQ relay failed ({Failures} in a row); retrying in {Backoff} from {Checkpoint}.", failures, backoff, _confirmed);
                try { await Task.Delay(backoff, stop); } catch (OperationCanceledException) { break; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
        _status = _status with { Connected = false };
    }

    private async Task DeclareTopologyAsync(IChannel channel, CancellationToken ct)
    {
        await channel.ExchangeDeclareAsync(_options.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        if (_options.StreamQueue is not { } streamQueue) return;
        await channel.QueueDeclareAsync(streamQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "stream" }, cancellationToken: ct);
        await channel.QueueBindAsync(streamQueue, _options.Exchange, "#", cancellationToken: ct);
    }

    /// <summary>
    /// The log, followed up to the high-water mark, feeds a small buffer; each event is published and confirmed before the next, so the
    /// broker receives the log's order. The checkpoint is written every N confirmed events and whenever the buffer is
    /// empty (caught up), never past an unconfirmed event.
    /// </summary>
    private async Task RelayAsync(IChannel channel, RelayLease lease, CancellationToken stop)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var buffer = Channel.CreateBounded<FeedEvent>(new BoundedChannelOptions(_options.BatchSize) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in _log.FollowAsync(_confirmed, _options.BatchSize, _options.PollInterval, ct: session.Token))
                    await buffer.Writer.WriteAsync(e, session.Token);
                buffer.Writer.TryComplete();
            }
            catch (Exception e)
            {
                buffer.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        try
        {
            var unsaved = 0;
            while (await buffer.Reader.WaitToReadAsync(session.Token))
            {
                while (buffer.Reader.TryRead(out var e))
                {
                    await PublishAsync(channel, e, session.Token);
                    _confirmed = e.Position;
                    _status = _status with { ConfirmedPosition = e.Position };
                    if (++unsaved >= _options.CheckpointEvery || !buffer.Reader.TryPeek(out _))
                    {
                        await lease.RenewAsync(); // throws when the lease's connection is gone: stop publishing
                        await _checkpoint.SaveAsync(e.Position, session.Token);
                        unsaved = 0;
                    }
                }
            }
        }
        finally
        {
            await session.CancelAsync();
            try { await reader; } catch (Exception) { /* reported through the buffer */ }
        }
    }

    private async Task PublishAsync(IChannel channel, FeedEvent e, CancellationToken ct)
    {
        var properties = new BasicProperties
        {
            MessageId = e.EventId.ToString("D"),
            Persistent = true,
            ContentType = CloudEventWriter.EnvelopeContentType,
            Type = e.EventType,
            Timestamp = new AmqpTimestamp(e.Timestamp.ToUnixTimeSeconds()),
            AppId = "claims",
            Headers = new Dictionary<string, object?>
            {
                ["position"] = e.Position,
                ["stream"] = e.StreamId,
                ["streamversion"] = e.StreamVersion,
            },
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.ConfirmTimeout);
        try
        {
            // With confirmation tracking this returns only once the broker has confirmed (or throws on a nack).
            await channel.BasicPublishAsync(_options.Exchange, e.EventType, mandatory: false, properties, _envelopes.ToUtf8Bytes(e), deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"The broker did not confirm event {e.EventId} (position {e.Position}) within {_options.ConfirmTimeout}.");
        }
    }

    private async Task SaveBestEffortAsync()
    {
        if (_confirmed == 0) return;
        try
        {
            await _checkpoint.SaveAsync(_confirmed, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "RabbitMQ relay could not save its checkpoint on stop; it will republish from the last saved one.");
        }
    }
}
