using Claims.TestKit.Docker;
using DotNet.Testcontainers.Builders;
using Testcontainers.RabbitMq;

namespace Claims.TestKit.RabbitMq;

/// <summary>
/// A throwaway RabbitMQ container through Testcontainers, when a Docker engine answers (the image of docker-compose.yml).
/// Its AMQP port is bound to a fixed free host port, so that after a stop and a start it is at the same address.
/// </summary>
public sealed class RabbitMqContainer : IRestartableBroker
{
    public const string Image = "rabbitmq:3.13-management";

    private readonly Testcontainers.RabbitMq.RabbitMqContainer _container;
    private readonly int _port;
    private bool _running;

    private RabbitMqContainer(Testcontainers.RabbitMq.RabbitMqContainer container, int port)
    {
        _container = container;
        _port = port;
    }

    public Uri AmqpUri => new($"amqp://guest:guest@127.0.0.1:{_port}/");
    public bool IsRunning => _running;

    /// <summary>A started container, or null when no Docker engine answers.</summary>
    public static async Task<RabbitMqContainer?> TryStartAsync(CancellationToken ct = default)
    {
        if (!await DockerEngine.AnswersAsync(ct: ct).ConfigureAwait(false)) return null;
        var port = Claims.LocalPostgres.FreePort.Pick();
        var container = new RabbitMqBuilder(Image)
            .WithUsername("guest").WithPassword("guest")
            .WithPortBinding(port, RabbitMqBuilder.RabbitMqPort)
            .Build();
        var broker = new RabbitMqContainer(container, port);
        try
        {
            await broker.StartAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Testcontainers ({Image}): the Docker engine answered but the container did not start: {e.Message}", e);
        }
        return broker;
    }

    public async Task StartAsync(CancellationToken ct = default)
    {
        await _container.StartAsync(ct).ConfigureAwait(false);
        _running = true;
    }

    public async Task StopAsync()
    {
        _running = false;
        await _container.StopAsync().ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _container.DisposeAsync();
}
