using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Claims.Api.Auth;
using Claims.Api.Hosting;
using Claims.TestKit.Corpus;
using Claims.Domain.Application;
using Claims.EventStore.Daemon;
using Claims.Extraction;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Claims.Bench.Ingest;

/// <summary>What one end-to-end run measured. Seconds runs from the first POST until the projections' lag is 0.</summary>
public sealed record ApiRun(
    int Writers, int Articles, long TextBytes, double Seconds, double PostSeconds, double DrainSeconds,
    List<double> LatenciesMs, List<double> IngestMs, List<double> ProjectionWaitMs, double[] CompletedAtSeconds,
    int ArticlesReadBack, long RecordsPosted, long RecordsReadBack, long EventsInLog, long PeakWorkingSetBytes,
    IReadOnlyList<ProjectionTrace> Projections, IReadOnlyList<(string Statement, double Share)> TopStatements, IReadOnlyList<SqlShare> Sql);

/// <summary>
/// The real application in-process — <see cref="ClaimsRuntime"/> (event store, daemon, projections) on its own schema and
/// <see cref="ClaimsWebHost"/> on Kestrel at 127.0.0.1 and a free port — and N HttpClient writers posting the articles to
/// POST /articles, each request waiting (read-your-writes) until the projections include it. After the last POST the run
/// waits until GET /health reports a lag of 0 for every projection, then reads everything back and checks that nothing is missing.
/// </summary>
public static class ApiIngestRun
{
    private const string ApiKey = "bench-ingest-key";
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(10);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The POST /articles body of issue 4.</summary>
    private sealed record IngestBody(string Text, string Url, string Outlet, string Title, DateOnly PublishedOn, string Language);

    /// <summary>Posts articles in order until all are in or <paramref name="budget"/> has passed (requests under way then
    /// finish): the articles posted are always the first <see cref="ApiRun.Articles"/> of the list.</summary>
    public static async Task<ApiRun> RunAsync(string connectionString, string schema, IReadOnlyList<SyntheticArticle> articles, int writers, ArticleExtractor extractor,
        TimeSpan budget)
    {
        var daemonErrors = new ConcurrentQueue<string>();
        await using var runtime = await ClaimsRuntime.StartAsync(connectionString, new ClaimsRuntimeOptions
        {
            Schema = schema,
            Extractor = extractor,
            Daemon = new DaemonOptions { OnError = (projection, e) => daemonErrors.Enqueue($"{projection}: {e.GetType().Name}: {e.Message}") },
        });
        var (application, phases) = PhaseClock.Wrap(runtime.Application);
        var app = ClaimsWebHost.Build(new ClaimsWebHostOptions
        {
            Urls = "http://127.0.0.1:0",
            ApiKeys = ApiKeyRing.Parse($"{ApiKey}=bench:ingest"),
            MinimumLogLevel = LogLevel.Warning,
            // The bench owns the process: Ctrl+C must stop it, not only the web host (the default console lifetime would).
            ConfigureServices = builder => builder.Services.AddSingleton<IHostLifetime, BenchLifetime>(),
        }, application);
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Urls.Single());
            var clients = Enumerable.Range(0, writers).Select(_ => Client(address)).ToList();
            var latencies = new List<double>[writers];
            var completed = new double[articles.Count];
            long recordsPosted = 0;
            var next = -1;

            using var sql = new SqlTracer(schema);
            var sampler = new DatabaseSampler(runtime.Store.DataSource, schema);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                latencies[w] = [];
                int i;
                while (clock.Elapsed < budget && (i = Interlocked.Increment(ref next)) < articles.Count)
                {
                    var start = Stopwatch.GetTimestamp();
                    var records = await PostAsync(clients[w], articles[i]);
                    latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    completed[i] = clock.Elapsed.TotalSeconds;
                    Interlocked.Add(ref recordsPosted, records);
                }
            })));
            var postSeconds = clock.Elapsed.TotalSeconds;
            var posted = Math.Min(next + 1, articles.Count); // indexes are handed out in order and every one handed out was posted
            await WaitForNoLagAsync(clients[0], daemonErrors);
            var seconds = clock.Elapsed.TotalSeconds;
            await sampler.DisposeAsync();
            var sqlShares = sql.Shares();

            var (articlesBack, recordsBack) = await ReadBackAsync(clients[0]);
            var events = await CountEventsAsync(runtime.Store.DataSource, schema);
            foreach (var c in clients) c.Dispose();
            var expectedEvents = posted + recordsPosted;
            if (articlesBack != posted || recordsBack != recordsPosted || events != expectedEvents)
                throw new InvalidOperationException($"ingest lost data: posted {posted} articles with {recordsPosted} records ({expectedEvents} events); " +
                                                    $"read back {articlesBack} articles (GET /articles) with {recordsBack} records, {events} events in {schema}.events." +
                                                    (daemonErrors.IsEmpty ? "" : $" Daemon errors: {string.Join(" || ", daemonErrors.Take(5))}"));
            return new ApiRun(writers, posted, articles.Take(posted).Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a.Text)), seconds, postSeconds, seconds - postSeconds,
                latencies.SelectMany(l => l).ToList(), phases.IngestMilliseconds.ToList(), phases.ProjectionWaitMilliseconds.ToList(), completed[..posted],
                articlesBack, recordsPosted, recordsBack, events, Process.GetCurrentProcess().PeakWorkingSet64,
                sampler.Projections(), sampler.TopStatements(6), sqlShares);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed class BenchLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static HttpClient Client(Uri address)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, ApiKey);
        return client;
    }

    /// <summary>One POST; anything but 201 Created stops the benchmark with the answer (a fresh schema has no duplicates).</summary>
    private static async Task<int> PostAsync(HttpClient client, SyntheticArticle a)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new IngestBody(a.Text, a.Url, a.Outlet, a.Title, a.PublishedOn, "fr"), Json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/articles", content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /articles {a.Url}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("records").GetInt32();
    }

    private static async Task WaitForNoLagAsync(HttpClient client, ConcurrentQueue<string> daemonErrors)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
            var projections = health.RootElement.GetProperty("projections").EnumerateArray().ToList();
            if (health.RootElement.GetProperty("database").GetBoolean() && projections.Count > 0 && projections.All(p => p.GetProperty("lag").GetInt64() == 0)) return;
            if (deadline.Elapsed > DrainLimit)
                throw new TimeoutException($"projections still lag after {DrainLimit}: {health.RootElement}" +
                                           (daemonErrors.IsEmpty ? "" : $" Daemon errors: {string.Join(" || ", daemonErrors.Take(5))}"));
            await Task.Delay(50);
        }
    }

    private static async Task<(int Articles, long Records)> ReadBackAsync(HttpClient client)
    {
        // GET /articles is paged: follow the Link rel="next" header to the last page.
        var (articles, records) = (0, 0L);
        for (string? next = "/articles?limit=1000"; next is not null;)
        {
            using var response = await client.GetAsync(next);
            response.EnsureSuccessStatusCode();
            using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var a in list.RootElement.EnumerateArray())
            {
                articles++;
                records += a.GetProperty("records").GetInt32();
            }
            next = response.Headers.TryGetValues("Link", out var links) && links.FirstOrDefault() is { } link && link.StartsWith('<')
                ? link[1..link.IndexOf('>')] : null;
        }
        return (articles, records);
    }

    private static async Task<long> CountEventsAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var command = dataSource.CreateCommand($"select count(*) from {schema}.events");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
