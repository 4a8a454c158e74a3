using Claims.Domain.Application;
using Claims.Feed.Envelope;
using Claims.Feed.Log;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine;
using Wolverine.RabbitMQ;
using Wolverine.RabbitMQ.Internal;
using Wolverine.Runtime;

namespace Claims.Feed.RabbitMq;

/// <summary>
/// The RabbitMQ relay, all of its configuration: Wolverine's RabbitMQ transport (publisher confirms, the topic exchange
/// and the stream queue declared by Wolverine, the envelope as body) fed by a Marten subscription over the log.
/// </summary>
public static class RabbitMqRelay
{
    public static IHostApplicationBuilder AddRabbitMqRelay(this IHostApplicationBuilder builder, RabbitMqRelayOptions options)
    {
        if (!options.Enabled) return builder;
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Exchange);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var services = builder.Services;

        services.ConfigureWolverine(wolverine =>
        {
            var rabbit = wolverine.UseRabbitMq(options.Uri)
                // With tracking, a publish returns only once the broker has confirmed it (and throws on a nack).
                .ConfigureChannelCreation(c =>
                {
                    c.PublisherConfirmationsEnabled = true;
                    c.PublisherConfirmationTrackingEnabled = true;
                })
                .AutoProvision()
                // Claims only publishes: no reply queue of Wolverine's on the broker.
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
                .UseInterop(new CloudEventMapper())
                .DefaultSerializer(new CloudEventSerializer(new CloudEventWriter(options.Source)));
            // An inline send reports its failure to the caller (after Wolverine's few quick retries) instead of retrying
            // in the background, so the subscription knows an event is not confirmed.
            wolverine.Durability.UseSyncRetryBlock = true;
        });

        services.ConfigureMarten((sp, marten) =>
        {
            EventLog? log = null;
            marten.Projections.Subscribe(new RelaySubscription(options, sp.GetRequiredService<IWolverineRuntime>(),
                // Resolved on first use: the document store is being built while this runs.
                () => log ??= new EventLog(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IDocumentStore>()),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Claims.Relay")));
        });
        return builder;
    }
}
