using Claims.Feed.Envelope;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wolverine;
using Wolverine.RabbitMQ;
using Wolverine.RabbitMQ.Internal;
using Wolverine.Runtime;

namespace Claims.Feed.RabbitMq;

/// <summary>
/// The relay's Wolverine, with the RabbitMQ transport, in a host of its own inside the Claims process. Wolverine
/// connects its transports while its host starts and fails the start when the broker is unreachable (after retrying
/// for up to 100 s); in Claims' own host that would keep the API from starting. Started here in the background and
/// started again until the broker answers, the API serves from the first second, and the relay's subscription waits for
/// <see cref="RuntimeAsync"/> exactly as it waits for a broker that went away later.
/// </summary>
internal sealed class RelayBroker(RabbitMqRelayOptions options, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource<IWolverineRuntime> _runtime = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger = loggers.CreateLogger("Claims.Relay");
    private Task? _starting;
    private IHost? _host;
    private int _disposed;

    public Task<IWolverineRuntime> RuntimeAsync(CancellationToken ct) => _runtime.Task.WaitAsync(ct);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting ??= Task.Run(() => StartHostAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task StartHostAsync(CancellationToken stop)
    {
        var backoff = options.InitialBackoff;
        while (!stop.IsCancellationRequested)
        {
            var host = Build();
            try
            {
                await host.StartAsync(stop);
                if (stop.IsCancellationRequested)
                {
                    // Claims stopped while Wolverine was still starting.
                    await host.StopAsync(CancellationToken.None);
                    host.Dispose();
                    return;
                }
                _host = host;
                _runtime.TrySetResult(host.Services.GetRequiredService<IWolverineRuntime>());
                return;
            }
            catch (Exception e)
            {
                host.Dispose();
                if (stop.IsCancellationRequested) return;
                _logger.LogWarning(e, "RabbitMQ relay: cannot reach the broker at {Broker}; trying again in {Backoff}. Events wait in the log.", options.Uri.Host, backoff);
                try { await Task.Delay(backoff, stop); } catch (OperationCanceledException) { return; }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
            }
        }
    }

    private IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(loggers);
        builder.UseWolverine(wolverine =>
        {
            wolverine.ApplicationAssembly = typeof(RelayBroker).Assembly;
            // It only publishes: no handlers, no message store, no agents of its own.
            wolverine.Discovery.DisableConventionalDiscovery();
            wolverine.Durability.Mode = DurabilityMode.Solo;

            var rabbit = wolverine.UseRabbitMq(options.Uri)
                // With tracking, a publish returns only once the broker has confirmed it (and throws on a nack).
                .ConfigureChannelCreation(c =>
                {
                    c.PublisherConfirmationsEnabled = true;
                    c.PublisherConfirmationTrackingEnabled = true;
                })
                .UseSenderConnectionOnly()
                .AutoProvision()
                .DisableSystemRequestReplyQueueDeclaration()
                .DeclareExchange(options.Exchange, exchange =>
                {
                    exchange.ExchangeType = ExchangeType.Topic;
                    exchange.IsDurable = true;
                    if (options.StreamQueue is { } stream) exchange.BindQueue(stream, "#");
                });
            if (options.StreamQueue is { } streamQueue)
                rabbit.DeclareQueue(streamQueue, queue =>
                {
                    queue.QueueType = QueueType.stream;
                    queue.IsDurable = true;
                });

            wolverine.PublishMessagesToRabbitMqExchange<RelayedEvent>(options.Exchange, m => m.Event.EventType)
                // Inline: the subscription awaits each publish and its confirm, in log order. Wolverine's buffered and
                // durable senders retry a failed message behind the ones after it, which would reorder a stream.
                .SendInline()
                // No tracing activity per event: the relay publishes every event of the log, one at a time.
                .TelemetryEnabled(false)
                .UseInterop(new CloudEventMapper())
                .DefaultSerializer(new CloudEventSerializer(new CloudEventWriter(options.Source)));
            // An inline send reports its failure to the caller (after Wolverine's few quick retries) instead of retrying
            // in the background, so the subscription knows an event is not confirmed.
            wolverine.Durability.UseSyncRetryBlock = true;
        });
        return builder.Build();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        try
        {
            // Wolverine's own connection retries do not watch the token: do not hold the shutdown up for them.
            if (_starting is not null) await _starting.WaitAsync(cancellationToken);
            if (_host is not null) await _host.StopAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Once only, although registered twice (the relay's service and a hosted service).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stop.CancelAsync();
        _host?.Dispose();
    }
}
