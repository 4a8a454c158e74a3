using Claims.Feed.Log;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Claims.Feed.RabbitMq;

/// <summary>
/// The RabbitMQ relay: a Marten subscription over the log (<see cref="RelaySubscription"/>) publishing through
/// Wolverine's RabbitMQ transport (<see cref="RelayBroker"/>, where all of the transport's settings are).
/// </summary>
public static class RabbitMqRelay
{
    public static IHostApplicationBuilder AddRabbitMqRelay(this IHostApplicationBuilder builder, RabbitMqRelayOptions options)
    {
        if (!options.Enabled) return builder;
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Exchange);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var services = builder.Services;
        services.AddSingleton(sp => new RelayBroker(options, sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<RelayBroker>());
        services.ConfigureMarten((sp, marten) =>
        {
            EventLog? log = null;
            marten.Projections.Subscribe(new RelaySubscription(options, sp.GetRequiredService<RelayBroker>(),
                // Resolved on first use: the document store is being built while this runs.
                () => log ??= new EventLog(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IDocumentStore>()),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Claims.Relay")));
        });
        return builder;
    }
}
