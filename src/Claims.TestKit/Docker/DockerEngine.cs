using System.Net.Sockets;

namespace Claims.TestKit.Docker;

/// <summary>
/// Whether a Docker engine answers here: DOCKER_HOST (tcp:// or unix://) when set, else the local socket, asked for
/// /_ping with a short timeout. Testcontainers is only tried when it does, so a machine without an engine (CI here)
/// goes straight to the next source instead of waiting on Testcontainers' own discovery.
/// </summary>
public static class DockerEngine
{
    public const string DefaultSocket = "/var/run/docker.sock";

    public static async Task<bool> AnswersAsync(TimeSpan? timeout = null, CancellationToken ct = default)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        Uri endpoint;
        if (string.IsNullOrWhiteSpace(host)) endpoint = new Uri("unix://" + DefaultSocket);
        else if (!Uri.TryCreate(host, UriKind.Absolute, out endpoint!)) return false;
        if (endpoint.Scheme == "unix" && !File.Exists(endpoint.AbsolutePath)) return false;

        using var handler = new SocketsHttpHandler();
        var baseAddress = endpoint.Scheme switch
        {
            "tcp" => new Uri($"http://{endpoint.Host}:{endpoint.Port}"),
            "unix" => new Uri("http://docker"),
            _ => null,
        };
        if (baseAddress is null) return false;
        if (endpoint.Scheme == "unix")
        {
            var path = endpoint.AbsolutePath;
            handler.ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), token);
                return new NetworkStream(socket, ownsSocket: true);
            };
        }
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(2) };
        try
        {
            using var response = await client.GetAsync("/_ping", ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException or IOException)
        {
            return false;
        }
    }
}
