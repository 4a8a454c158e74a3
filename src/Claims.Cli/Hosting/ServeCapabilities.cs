using Claims.Api.Hosting;
using Claims.Domain.Application;
using Claims.Feed;
using Claims.Feed.Log;
using Claims.Feed.RabbitMq;
using Claims.Web;
using Microsoft.AspNetCore.Builder;

namespace Claims.Cli.Hosting;

/// <summary>What `claims serve` adds beside the API: the event feed (/events, /events/live, /events/schemas), the review page (/) and,
/// when CLAIMS_RABBITMQ_ENABLED=true, the RabbitMQ relay.</summary>
public static class ServeCapabilities
{
    public static ClaimsWebHostOptions With(ClaimsWebHostOptions options)
    {
        var relay = RelaySettings.FromEnvironment();
        return options with
        {
            ConfigureServices = builder =>
            {
                options.ConfigureServices?.Invoke(builder);
                builder.AddRabbitMqRelay(relay); // nothing unless enabled
            },
            ConfigureEndpoints = app =>
            {
                options.ConfigureEndpoints?.Invoke(app);
                app.MapEventFeed(EventLog.Of(ClaimsRuntime.Of(app)));
                app.MapReviewPage();
            },
        };
    }
}

/// <summary>The relay's settings from the environment (see docker-compose.yml); off unless CLAIMS_RABBITMQ_ENABLED=true.</summary>
public static class RelaySettings
{
    public static RabbitMqRelayOptions FromEnvironment() => From(Environment.GetEnvironmentVariable);

    public static RabbitMqRelayOptions From(Func<string, string?> variable)
    {
        var defaults = new RabbitMqRelayOptions();
        string? Get(string name) => variable(name) is { Length: > 0 } value ? value : null;
        var enabled = Get("CLAIMS_RABBITMQ_ENABLED");
        var uri = Get("CLAIMS_RABBITMQ_URI");
        return new RabbitMqRelayOptions
        {
            Enabled = enabled is not null && (enabled == "1" || enabled.Equals("true", StringComparison.OrdinalIgnoreCase)),
            Uri = uri is null ? defaults.Uri
                : Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.Scheme is "amqp" or "amqps" ? parsed
                : throw new FormatException($"CLAIMS_RABBITMQ_URI '{uri}' is not an amqp:// or amqps:// URI."),
            Exchange = Get("CLAIMS_RABBITMQ_EXCHANGE") ?? defaults.Exchange,
            StreamQueue = Get("CLAIMS_RABBITMQ_STREAM_QUEUE") ?? defaults.StreamQueue,
        };
    }
}
