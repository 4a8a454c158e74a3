namespace Claims.TestKit.RabbitMq;

/// <summary>A broker a test may stop and start again, on the same port and data: what a "broker went down" test needs.</summary>
public interface IRestartableBroker : IAsyncDisposable
{
    Uri AmqpUri { get; }
    bool IsRunning { get; }
    Task StopAsync();
    Task StartAsync(CancellationToken ct = default);
}
