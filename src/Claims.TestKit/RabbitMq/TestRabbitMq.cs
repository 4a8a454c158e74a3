using Xunit;

namespace Claims.TestKit.RabbitMq;

/// <summary>
/// A RabbitMQ broker for one test class (<c>IClassFixture&lt;TestRabbitMq&gt;</c>), from the first source that works: the
/// broker named by CLAIMS_TEST_RABBITMQ (an amqp:// URI); a Testcontainers container when a Docker engine answers; a
/// throwaway local node from rabbitmq-server. Without any the tests FAIL with instructions — a messaging test that
/// silently passes without a broker proves nothing.
/// </summary>
public sealed class TestRabbitMq : IAsyncLifetime
{
    public const string Variable = "CLAIMS_TEST_RABBITMQ";

    private IRestartableBroker? _broker;
    private Uri? _external;

    public Uri AmqpUri => _external ?? _broker?.AmqpUri ?? throw new InvalidOperationException("The broker is not started yet.");

    /// <summary>A container or local node this fixture started can be stopped and started again; a broker from the environment cannot.</summary>
    public IRestartableBroker RestartableNode => _broker ?? throw new InvalidOperationException(
        $"{Variable} names an external broker, which a test cannot stop and start; unset it to let the test start its own " +
        "(a Docker engine, or rabbitmq-server installed: apt-get install -y rabbitmq-server).");

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _external = Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"
                ? uri
                : throw new InvalidOperationException($"{Variable} is set to '{configured}', which is not an amqp:// URI.");
            return;
        }
        _broker = await RabbitMqContainer.TryStartAsync() ?? (IRestartableBroker)await RabbitMqNode.StartThrowawayAsync();
    }

    public async Task DisposeAsync()
    {
        if (_broker is not null) await _broker.DisposeAsync();
    }
}
