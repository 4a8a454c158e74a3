using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Claims.LocalPostgres;
using Claims.TestKit;
using Claims.TestKit.Corpus;

namespace Claims.Feed.Tests.Relay;

/// <summary>`claims serve` as a process of its own (as in production, so it can be killed), with the relay on.</summary>
public sealed class ServedClaims : IDisposable
{
    private const string Key = "relay-key";
    private readonly Process _process;

    private ServedClaims(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServedClaims> StartAsync(PostgresDatabase database, Uri broker, string exchange, int? port = null)
    {
        port ??= FreePort.Pick();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "claims.dll"), "serve", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryRoot(),
        };
        start.Environment["CLAIMS_DB"] = database.ConnectionString;
        start.Environment["CLAIMS_API_KEYS"] = $"{Key}=feeder:ingest";
        start.Environment["CLAIMS_RABBITMQ_ENABLED"] = "true";
        start.Environment["CLAIMS_RABBITMQ_URI"] = broker.ToString();
        start.Environment["CLAIMS_RABBITMQ_EXCHANGE"] = exchange;
        start.Environment["CLAIMS_RABBITMQ_STREAM_QUEUE"] = exchange + ".stream";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var served = new ServedClaims(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await served.WaitHealthyAsync();
        }
        catch
        {
            served.Dispose();
            throw;
        }
        return served;
    }

    /// <summary>Ingests through the HTTP API; returns the article id once the server acknowledged it (201).</summary>
    public async Task<string> IngestAsync(SyntheticArticle a)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        using var response = await http.PostAsJsonAsync("/articles", new
        {
            text = a.Text, url = a.Url, outlet = a.Outlet, title = a.Title, publishedOn = a.PublishedOn.ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("articleId").GetString()!;
    }

    /// <summary>SIGKILL: no shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        await Wait.UntilAsync(async () =>
        {
            Assert.False(_process.HasExited, $"claims serve exited with {(_process.HasExited ? _process.ExitCode : 0)}");
            try
            {
                using var response = await http.GetAsync("/health");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, "claims serve to answer /health");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Claims.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Claims.sln above {AppContext.BaseDirectory}.");
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
