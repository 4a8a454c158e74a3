using Xunit;

namespace Claims.TestKit.RabbitMq;

/// <summary>
/// A RabbitMQ broker for one test class (<c>IClassFixture&lt;TestRabbitMq&gt;</c>): the broker named by
/// CLAIMS_TEST_RABBITMQ (an amqp:// URI) when set, otherwise a throwaway local node. Without either the tests FAIL with
/// instructions — a messaging test that silently passes without a broker proves nothing.
/// </summary>
public sealed class TestRabbitMq : IAsyncLifetime
{
    public const string Variable = "CLAIMS_TEST_RABBITMQ";

    private RabbitMqNode? _node;
    private Uri? _external;

    public Uri AmqpUri => _external ?? _node?.AmqpUri ?? throw new InvalidOperationException("The broker is not started yet.");

    /// <summary>A local node this fixture started can be stopped and started again; a broker from the environment cannot.</summary>
    public RabbitMqNode RestartableNode => _node ?? throw new InvalidOperationException(
        $"{Variable} names an external broker, which a test cannot stop and start; unset it to let the test start its own node " +
        "(needs rabbitmq-server installed: apt-get install -y rabbitmq-server).");

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
        _node = await RabbitMqNode.StartThrowawayAsync();
    }

    public async Task DisposeAsync()
    {
        if (_node is not null) await _node.DisposeAsync();
    }
}
