using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Claims.Bench.Harness;
using Claims.LocalPostgres;
using Claims.TestKit;
using Claims.TestKit.Corpus;

namespace Claims.Bench.Soak;

/// <summary>
/// The soak run (issue 18): `claims serve` as a process of its own on the bench database, 16 clients for 60 s (15 s with
/// --quick) mixing valid ingests, reads (ledger, contradictions, feed, articles), verdicts and bad requests. It reports
/// requests/s and p99 per route, answers by status (a 5xx is a failure), what was acknowledged against what reads back, and
/// the server's memory before and after. A robustness run: its figures have no baseline; the checks are the point.
/// </summary>
public static class SoakRun
{
    private const string Key = "soak-key";
    private const int Clients = 16;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        var duration = quick ? TimeSpan.FromSeconds(15) : TimeSpan.FromSeconds(60);
        // A database of its own, dropped afterwards: `claims serve` writes the default schema, which on CLAIMS_BENCH_DB would
        // be whatever an earlier run (or anyone) left there, and the figures would depend on it.
        await using var scratch = await PostgresDatabase.CreateAsync(database);
        var port = FreePort.Pick();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var server = Serve(scratch.ConnectionString, port);
        try
        {
            await WaitHealthyAsync(address, server);
            var memoryBefore = ResidentMegabytes(server);
            var articles = SyntheticCorpus.Generate(5_000, seed: 18).ToList();
            var timings = new ConcurrentDictionary<string, ConcurrentBag<double>>();
            var statuses = new ConcurrentDictionary<int, int>();
            var ingested = new ConcurrentDictionary<string, int>();
            var verdicts = new ConcurrentBag<(string Id, string Note)>();
            var contradictionIds = new List<string>();
            var actorIds = new List<string>();
            using (var http = Client(address))
            {
                contradictionIds.AddRange((await http.GetFromJsonAsync<JsonArray>("/contradictions?limit=100"))!.Select(c => (string)c!["id"]!));
                actorIds.AddRange((await http.GetFromJsonAsync<JsonArray>("/actors"))!.Select(a => (string)a!["id"]!).Take(50));
            }
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                var random = new Random(client);
                using var http = Client(address);
                while (clock.Elapsed < duration)
                {
                    var roll = random.Next(100);
                    var (route, request) = roll switch
                    {
                        < 20 when Interlocked.Increment(ref next) is var i && i < articles.Count => ("POST /articles", Post("/articles", Article(articles[i]))),
                        < 35 => ("GET /actors/{id}/ledger", Get($"/actors/{Uri.EscapeDataString(actorIds[random.Next(actorIds.Count)])}/ledger?limit=50")),
                        < 50 => ("GET /contradictions", Get("/contradictions?status=open&limit=50")),
                        < 62 => ("GET /events", Get($"/events?after={random.Next(0, 50)}&limit=100")),
                        < 72 => ("GET /articles", Get("/articles?limit=50")),
                        < 82 when contradictionIds.Count > 0 => ("POST /contradictions/{id}/verdicts", Verdict(contradictionIds[random.Next(contradictionIds.Count)], $"soak {client}-{random.Next()}")),
                        _ => BadRequest(random),
                    };
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    timings.GetOrAdd(route, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if (route == "POST /articles" && response.StatusCode == HttpStatusCode.Created)
                    {
                        var answer = JsonNode.Parse(body)!;
                        ingested[(string)answer["articleId"]!] = (int)answer["records"]!;
                    }
                    if (route.EndsWith("/verdicts") && response.StatusCode == HttpStatusCode.Created)
                        verdicts.Add(((string)JsonNode.Parse(body)!["id"]!, (string)JsonNode.Parse(request.Content!.ReadAsStringAsync().Result)!["note"]!));
                }
            }))).ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;
            var memoryAfter = ResidentMegabytes(server);

            // Nothing lost: every acknowledged article and verdict reads back.
            using var reader = Client(address);
            var articlesMissing = 0;
            foreach (var (id, records) in ingested)
            {
                using var response = await reader.GetAsync($"/articles/{id}");
                if (response.StatusCode != HttpStatusCode.OK) articlesMissing++;
            }
            // Verdicts read back from the log (the contradiction's stream through the feed): a later ingest may regroup the
            // contradictions, but a recorded verdict stays on its stream.
            var verdictsMissing = 0;
            foreach (var group in verdicts.GroupBy(v => v.Id))
            {
                var notes = new HashSet<string?>();
                for (long after = 0; ;)
                {
                    var page = (await reader.GetFromJsonAsync<JsonObject>($"/events?stream=contradiction-{group.Key}&after={after}&limit=1000"))!;
                    var events = page["events"]!.AsArray();
                    notes.UnionWith(events.Select(e => (string?)e!["data"]!["note"]));
                    if (events.Count == 0) break;
                    after = (long)page["next"]!;
                }
                verdictsMissing += group.Count(v => !notes.Contains(v.Note));
            }

            var total = timings.Values.Sum(t => t.Count);
            var serverErrors = statuses.Where(s => s.Key >= 500 && s.Key != 503).Sum(s => s.Value);
            var rows = new List<BenchRow>
            {
                new("soak", $"{Clients} clients, {seconds:0} s: requests/s", total / seconds, "req/s", null, null),
                new("soak", "answers by status: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")), serverErrors, "5xx (503 apart)", null, null, "0 ✔".Replace("✔", serverErrors == 0 ? "✔" : "✘")),
                new("soak", $"articles acknowledged {ingested.Count} / not read back", articlesMissing, "missing", null, null, articlesMissing == 0 ? "0 ✔" : "0 ✘"),
                new("soak", $"verdicts acknowledged {verdicts.Count} / not read back", verdictsMissing, "missing", null, null, verdictsMissing == 0 ? "0 ✔" : "0 ✘"),
                new("soak", $"server memory before → after (MB): {memoryBefore:0} → {memoryAfter:0}", memoryAfter, "MB", null, null),
            };
            rows.AddRange(timings.OrderBy(t => t.Key).Select(t =>
                new BenchRow("soak", $"{t.Key} p99 ({t.Value.Count} requests)", BenchPercentiles.Percentile(t.Value, 99), "ms", null, null)));
            return rows;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>The bad inputs of issue 18: each must get a 4xx naming what was wrong, never a 5xx.</summary>
    private static (string, HttpRequestMessage) BadRequest(Random random) => random.Next(6) switch
    {
        0 => ("bad: NUL in a verdict note", Verdict("c-0000000000", "a\u0000b")),
        1 => ("bad: limit=abc", Get("/contradictions?limit=abc")),
        2 => ("bad: malformed JSON", Post("/articles", "{\"text\": ")),
        3 => ("bad: NUL in a query", Get("/contradictions?actor=a%00b")),
        4 => ("bad: tampered cursor", Get("/contradictions?after=abc")),
        _ => ("bad: unknown feed type", Get("/events?type=Nope")),
    };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, string json) =>
        new(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Post(string path, JsonObject body) => Post(path, body.ToJsonString());

    private static HttpRequestMessage Verdict(string id, string note) =>
        Post($"/contradictions/{id}/verdicts", new JsonObject { ["verdict"] = "needs-evidence", ["note"] = note });

    private static JsonObject Article(SyntheticArticle a) => new()
    {
        ["text"] = a.Text, ["url"] = a.Url, ["outlet"] = a.Outlet, ["title"] = a.Title, ["publishedOn"] = a.PublishedOn.ToString("yyyy-MM-dd"),
    };

    private static Process Serve(string connectionString, int port)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "claims.dll"), "serve", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["CLAIMS_DB"] = connectionString;
        start.Environment["CLAIMS_API_KEYS"] = $"{Key}=soak:ingest+review";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail:")) Console.Error.WriteLine($"serve: {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(Uri address, Process server)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (server.HasExited) throw new InvalidOperationException($"claims serve exited with {server.ExitCode}.");
            try
            {
                // Up, with the seeds it ingests into an empty database in the read models, so the reads have actors and contradictions.
                using var response = await http.GetAsync("/contradictions?limit=1");
                if (response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is JsonArray { Count: > 0 })
                    return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("claims serve did not serve the seeds' contradictions within 3 minutes.");
    }

    private static HttpClient Client(Uri address)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return http;
    }

    /// <summary>VmRSS of the server process, from /proc.</summary>
    private static double ResidentMegabytes(Process process)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}
