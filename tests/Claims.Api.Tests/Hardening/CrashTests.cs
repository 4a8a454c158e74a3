using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;
using Claims.LocalPostgres;
using Claims.TestKit;
using Claims.TestKit.Corpus;

namespace Claims.Api.Tests.Hardening;

/// <summary>
/// `claims serve` killed (SIGKILL, no shutdown) in the middle of a stream of ingests, then started again: every article
/// acknowledged with 201 is there with the records it was acknowledged with, no stream is half-written, and the read
/// models converge on the log. The server runs as a process of its own, as in production.
/// </summary>
public sealed class CrashTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Key = "crash-key";

    [Fact]
    public async Task Every_article_acknowledged_before_a_kill_9_is_there_after_the_restart()
    {
        var port = FreePort.Pick();
        var address = new Uri($"http://127.0.0.1:{port}");
        var acknowledged = new ConcurrentDictionary<string, int>();
        var articles = SyntheticCorpus.Generate(400, seed: 7).ToList();

        using (var server = Serve(port))
        {
            await WaitHealthyAsync(address, server);
            using var stop = new CancellationTokenSource();
            var next = -1;
            var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                using var http = Client(address);
                while (!stop.IsCancellationRequested && Interlocked.Increment(ref next) is var i && i < articles.Count)
                {
                    try
                    {
                        var (status, body, _) = await http.PostJsonAsync("/articles", Body(articles[i]));
                        if (status == HttpStatusCode.Created) acknowledged[body.Str("articleId")] = (int)body!["records"]!;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { } // the server is gone
                }
            })).ToList();
            while (acknowledged.Count < 12) await Task.Delay(20);
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        using (var server = Serve(port))
        {
            try
            {
                await WaitHealthyAsync(address, server);
                using var http = Client(address);
                foreach (var (id, records) in acknowledged)
                {
                    var article = await http.GetJsonAsync($"/articles/{id}");
                    Assert.Equal(records, article["records"]!.AsArray().Count(r => r.Str("status") != "retracted"));
                }
                await AssertNoHalfWrittenStreamAsync();
                // The read models converge: every acknowledged article is in the article list once the daemon caught up.
                await Wait.UntilAsync(async () => (await http.GetJsonAsync("/health"))["projections"]!.AsArray().All(p => (long)p!["lag"]! == 0),
                    "the read models to catch up after the restart");
                var listed = new HashSet<string>();
                for (var page = "/articles?limit=1000"; ;)
                {
                    using var response = await http.GetAsync(page);
                    listed.UnionWith((await Http.ReadAsync(response))!.AsArray().Select(a => a.Str("articleId")));
                    if (response.Headers.TryGetValues("Link", out var links) && links.First().Split('<', '>') is [_, var href, ..]) page = href;
                    else break;
                }
                Assert.Superset(acknowledged.Keys.ToHashSet(), listed);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Every article stream starts with the article and holds all of one ingest: Marten appends a batch in one
    /// transaction, so a stream is there whole or not at all.</summary>
    private async Task AssertNoHalfWrittenStreamAsync()
    {
        await using var command = database.DataSource.CreateCommand("""
            select count(*) from claims.mt_events e where e.version = 1 and e.stream_id like 'article-%' and e.type <> 'ArticleIngested'
            """);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    private Process Serve(int port)
    {
        var claims = Path.Combine(AppContext.BaseDirectory, "claims.dll");
        var start = new ProcessStartInfo("dotnet", [claims, "serve", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        start.Environment["CLAIMS_DB"] = database.ConnectionString;
        start.Environment["CLAIMS_API_KEYS"] = $"{Key}=feeder:ingest";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(Uri address, Process server)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await Wait.UntilAsync(async () =>
        {
            Assert.False(server.HasExited, $"claims serve exited with {(server.HasExited ? server.ExitCode : 0)}");
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

    private static HttpClient Client(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return http;
    }

    private static JsonObject Body(SyntheticArticle a) => new()
    {
        ["text"] = a.Text, ["url"] = a.Url, ["outlet"] = a.Outlet, ["title"] = a.Title, ["publishedOn"] = a.PublishedOn.ToString("yyyy-MM-dd"),
    };
}
