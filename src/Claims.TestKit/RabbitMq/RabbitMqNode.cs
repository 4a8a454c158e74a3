using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RabbitMQ.Client;

namespace Claims.TestKit.RabbitMq;

/// <summary>
/// A throwaway RabbitMQ node started from the locally installed rabbitmq-server (Debian package), on free ports, with
/// its data, logs and Erlang cookie under a temporary directory. It can be stopped and started again on the same data
/// and port — what a "broker went down" test needs. Disposing stops it and deletes the directory.
/// </summary>
public sealed class RabbitMqNode : IRestartableBroker
{
    /// <summary>Where the Debian package puts the scripts that run as the calling user (the /usr/sbin ones switch to the rabbitmq user).</summary>
    private static readonly string[] ScriptDirectories = ["/usr/lib/rabbitmq/bin", "/usr/local/lib/rabbitmq/bin", "/opt/rabbitmq/sbin"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly string _scripts;
    private readonly string _directory;
    private readonly StringBuilder _output = new();
    private Process? _process;
    private int _disposed;

    private RabbitMqNode(string scripts)
    {
        _scripts = scripts;
        var id = Guid.NewGuid().ToString("N")[..12];
        NodeName = $"claims_test_{id}@localhost";
        _directory = Path.Combine(Path.GetTempPath(), $"claims-rabbitmq-{id}");
        Port = Claims.LocalPostgres.FreePort.Pick();
        DistributionPort = Claims.LocalPostgres.FreePort.Pick();
    }

    public string NodeName { get; }
    public int Port { get; }
    public int DistributionPort { get; }
    public Uri AmqpUri => new($"amqp://guest:guest@127.0.0.1:{Port}/");
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The directory holding rabbitmq-server and rabbitmqctl, or null when RabbitMQ is not installed.</summary>
    public static string? FindScripts()
    {
        foreach (var directory in ScriptDirectories)
            if (File.Exists(Path.Combine(directory, "rabbitmq-server")) && File.Exists(Path.Combine(directory, "rabbitmqctl")))
                return directory;
        return null;
    }

    public static async Task<RabbitMqNode> StartThrowawayAsync(CancellationToken ct = default)
    {
        var scripts = FindScripts() ?? throw new RabbitMqNotFoundException(
            $"rabbitmq-server is not installed (looked in {string.Join(", ", ScriptDirectories)}). Install it with `apt-get install -y rabbitmq-server` " +
            $"(.ci/run does), or set {TestRabbitMq.Variable} to the amqp:// URI of a broker.");
        var node = new RabbitMqNode(scripts);
        try
        {
            node.WriteConfiguration();
            await node.StartAsync(ct);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the node (again): same name, data and port as before.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (IsRunning) throw new InvalidOperationException($"RabbitMQ node {NodeName} is already running.");
        var start = NewProcess("rabbitmq-server");
        start.OutputDataReceived += (_, line) => Record(line.Data);
        start.ErrorDataReceived += (_, line) => Record(line.Data);
        start.Start();
        start.BeginOutputReadLine();
        start.BeginErrorReadLine();
        _process = start;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(StartTimeout);
        while (true)
        {
            if (start.HasExited)
                throw new InvalidOperationException($"RabbitMQ node {NodeName} exited with code {start.ExitCode} while starting:\n{Tail()}");
            if (await AcceptsAmqpAsync(deadline.Token)) return;
            try
            {
                await Task.Delay(200, deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"RabbitMQ node {NodeName} did not accept AMQP connections on port {Port} within {StartTimeout}:\n{Tail()}");
            }
        }
    }

    /// <summary>Stops the node gracefully (rabbitmqctl stop), killing it if that does not end it in time. Its data stays.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process) return;
        if (!process.HasExited)
        {
            using var ctl = NewProcess("rabbitmqctl", "-n", NodeName, "stop");
            ctl.Start();
            using var timeout = new CancellationTokenSource(StopTimeout);
            try
            {
                await Task.WhenAll(ctl.StandardOutput.ReadToEndAsync(timeout.Token), ctl.StandardError.ReadToEndAsync(timeout.Token), ctl.WaitForExitAsync(timeout.Token));
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Fall through to the kill below.
            }
            if (!ctl.HasExited) ctl.Kill(entireProcessTree: true);
        }
        Kill(process);
        process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        try
        {
            await StopAsync();
        }
        finally
        {
            if (_process is { } process) Kill(process);
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private void WriteConfiguration()
    {
        Directory.CreateDirectory(_directory);
        // No plugins at all: no management listener on a fixed port to collide with another node.
        File.WriteAllText(Path.Combine(_directory, "enabled_plugins"), "[].\n");
        File.WriteAllText(Path.Combine(_directory, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{Port}
            loopback_users.guest = true
            disk_free_limit.absolute = 10MB
            """ + "\n");
        // The package's /etc/rabbitmq/rabbitmq-env.conf must not leak its NODENAME or ports into a test node.
        File.WriteAllText(Path.Combine(_directory, "rabbitmq-env.conf"), "");
    }

    private Process NewProcess(string script, params string[] arguments)
    {
        var info = new ProcessStartInfo(Path.Combine(_scripts, script))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = _directory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        var environment = info.Environment;
        environment["HOME"] = _directory; // the Erlang cookie lives here: each node and its rabbitmqctl share their own
        environment["RABBITMQ_NODENAME"] = NodeName;
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log");
        environment["RABBITMQ_PID_FILE"] = Path.Combine(_directory, "rabbitmq.pid");
        environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf");
        environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_directory, "rabbitmq-env.conf");
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins");
        environment["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_directory, "advanced.config");
        return new Process { StartInfo = info };
    }

    private async Task<bool> AcceptsAmqpAsync(CancellationToken ct)
    {
        try
        {
            var factory = new ConnectionFactory { Uri = AmqpUri, RequestedConnectionTimeout = TimeSpan.FromSeconds(2), AutomaticRecoveryEnabled = false };
            await using var connection = await factory.CreateConnectionAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            if (_output.Length > 64 * 1024) _output.Remove(0, 16 * 1024);
            _output.AppendLine(line);
        }
    }

    private string Tail()
    {
        lock (_output) return _output.Length > 4000 ? _output.ToString()[^4000..] : _output.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { /* already gone */ }
    }
}

/// <summary>No RabbitMQ to test against: says how to get one.</summary>
public sealed class RabbitMqNotFoundException(string message) : Exception(message);
