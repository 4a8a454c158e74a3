using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Claims.Api.Auth;
using Claims.Api.Hosting;
using Claims.Api.Limits;
using Claims.Bench.Corpus;
using Claims.Bench.Harness;
using Claims.Bench.Store;
using Claims.Domain.Application;
using Claims.Extraction;
using Claims.TestKit.Corpus;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Claims.Bench.Ingest;

/// <summary>
/// Ingest end to end: the real API in-process (<see cref="ClaimsWebHost"/> on Kestrel at 127.0.0.1, Marten's daemon in
/// this process running the three read models) and 8 HttpClient writers posting synthetic articles in publication order
/// to POST /articles, each POST answering once the read models include it (read-your-writes). The clock runs from the
/// first POST until the read models have applied the whole log. Run with the API's default ingest bound
/// (CLAIMS_INGEST_CONCURRENCY: cores − 1 extracting at once, 4 waiting a core), then with one slot a client, then with the
/// default bound and no read models at all (the append path's ceiling: Kestrel, extraction, Wolverine, Marten's append), then
/// with one read model that writes nothing (<see cref="IdleProjection"/>: the ceiling the daemon and the wait set), then with three,
/// one in place of each of the product's (the ceiling its three shards set with no work of their own). Baseline, right after on the same
/// database: the raw floor, the same articles extracted by the same extractor, their events written by one multi-row
/// INSERT per article into a table like mt_events (<see cref="RawEvents"/>), by the same number of writers.
/// </summary>
public static class IngestBenchmark
{
    private const string Schema = "bench_ingest";
    private const string ApiKey = "bench-ingest-key";
    private const int Writers = 8;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        // The API takes articles for a time budget (the rows say how many went in): at the current pace (a few articles a
        // second, bench/RESULTS.md) 10 000 articles would take far more than the full run's 20 minutes.
        var budget = TimeSpan.FromSeconds(quick ? 20 : 90);
        var clock = Stopwatch.StartNew();
        var articles = SyntheticCorpus.Generate(quick ? 6_000 : 30_000, 2016).OrderBy(a => a.PublishedOn).ToList();
        Console.Error.WriteLine($"ingest: {articles.Count} articles generated in {clock.Elapsed.TotalSeconds:0.0} s");
        var extractor = new ArticleExtractor();
        foreach (var a in articles.Take(20)) extractor.Extract(CorpusProfile.Input("warmup", a)); // JIT and knowledge base, outside the clocks

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        // With the API's default bound, then with one ingest slot a client: what the bound on extraction costs.
        var runs = new List<ApiRun>();
        foreach (var concurrency in new int?[] { null, Writers })
        {
            await BenchSchemas.DropAsync(dataSource, Schema);
            var run = await ApiRunAsync(database.ConnectionString, articles, extractor, budget, dataSource, concurrency, ReadModels.Real);
            Console.Error.WriteLine($"ingest: API ({run.Bound}) {run.Articles} articles, {run.Articles / run.Seconds:0.0} articles/s");
            runs.Add(run);
        }
        // The same API with no read models at all (nothing for the daemon to apply, nothing to wait for): what extraction,
        // Wolverine and Marten's append cost through HTTP under the default bound, the ceiling of the first line whatever the
        // read models are made to cost.
        await BenchSchemas.DropAsync(dataSource, Schema);
        var bare = await ApiRunAsync(database.ConnectionString, articles, extractor, budget, dataSource, concurrency: null, ReadModels.None);
        Console.Error.WriteLine($"ingest: API without read models ({bare.Bound}) {bare.Articles} articles, {bare.Articles / bare.Seconds:0.0} articles/s");
        // The daemon running one read model that writes nothing, each POST waiting for it: the ceiling of the first line that
        // the daemon and the read-your-writes wait set by themselves.
        await BenchSchemas.DropAsync(dataSource, Schema);
        var idle = await ApiRunAsync(database.ConnectionString, articles, extractor, budget, dataSource, concurrency: null, ReadModels.Idle);
        Console.Error.WriteLine($"ingest: API with an idle read model ({idle.Bound}) {idle.Articles} articles, {idle.Articles / idle.Seconds:0.0} articles/s");
        // The same with one idle read model in place of each of the product's, each loading the events its real one loads
        // in a shard of its own: what the product's three shards cost before any of them does its work.
        await BenchSchemas.DropAsync(dataSource, Schema);
        var idleEach = await ApiRunAsync(database.ConnectionString, articles, extractor, budget, dataSource, concurrency: null, ReadModels.IdleEach);
        Console.Error.WriteLine($"ingest: API with three idle read models ({idleEach.Bound}) {idleEach.Articles} articles, {idleEach.Articles / idleEach.Seconds:0.0} articles/s");

        // The floor over the same stretch of the feed the API took on the clock (the same articles, the same order).
        var floor = await FloorAsync(bare.Raw, articles.Skip(1).Take(runs.Append(bare).Append(idle).Append(idleEach).Max(r => r.Articles)).ToList(), extractor);
        Console.Error.WriteLine($"ingest: raw floor {floor.Articles / floor.Seconds:0} articles/s");
        const string floorName = "raw floor: extract + multi-row INSERT, same writers";
        var w = $"{Writers} writers";
        var rows = new List<BenchRow>();
        foreach (var api in runs)
        {
            var b = api.Bound;
            // The targets are the product's: its default settings.
            var claims = api == runs[0];
            rows.AddRange(
            [
                new("ingest", $"POST /articles, projections current, {w}, {b} ({api.Articles} articles in publication order in a {budget.TotalSeconds:0} s budget)",
                    api.Articles / api.Seconds, "articles/s", floor.Articles / floor.Seconds, floorName, claims ? "≥ 0.25 of raw floor" : null),
                new("ingest", $"POST latency p50, {w}, {b}", BenchPercentiles.Percentile(api.LatenciesMs, 50), "ms", BenchPercentiles.Percentile(floor.LatenciesMs, 50), "raw floor per-article p50"),
                new("ingest", $"POST latency p99, {w}, {b}", BenchPercentiles.Percentile(api.LatenciesMs, 99), "ms", BenchPercentiles.Percentile(floor.LatenciesMs, 99), "raw floor per-article p99", claims ? "< 100 ms" : null),
                new("ingest", $"drain after the last POST until the read models are current, {w}, {b}", api.DrainSeconds, "s", null, null),
                new("ingest", $"events in the log per article, {w}, {b}", (double)api.Events / api.Articles, "events", (double)floor.Events / floor.Articles, "raw floor events per article"),
                // What each read model writes an article: steadier than throughput from one run to the next, and what its cost follows
                // (the warm-up article before the clock included).
                .. api.RowsWritten.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new BenchRow("ingest",
                    $"rows the {r.Key} read model inserted, updated or deleted per article, {w}, {b}", (double)r.Value / (api.Articles + 1), "rows", null, null)),
            ]);
        }
        rows.Add(new("ingest", $"POST /articles with no read models (the append path alone), {w}, {bare.Bound} ({bare.Articles} articles)",
            bare.Articles / bare.Seconds, "articles/s", floor.Articles / floor.Seconds, floorName));
        rows.Add(new("ingest", $"POST /articles, one read model that writes nothing on the daemon, each POST waiting for it, {w}, {idle.Bound} ({idle.Articles} articles)",
            idle.Articles / idle.Seconds, "articles/s", floor.Articles / floor.Seconds, floorName));
        rows.Add(new("ingest", $"POST /articles, three read models that write nothing, one in place of each of the product's (its events, its own shard), each POST waiting for them, {w}, {idleEach.Bound} ({idleEach.Articles} articles)",
            idleEach.Articles / idleEach.Seconds, "articles/s", floor.Articles / floor.Seconds, floorName));
        rows.Add(new("ingest", $"raw floor: share of writer time spent extracting, {w}", 100 * floor.ExtractSeconds / floor.WriterSeconds, "%", null, null));
        return rows;
    }

    /// <summary>What the store runs on its daemon: the product's three read models, none (and no daemon), <see cref="IdleProjection"/>
    /// alone, or an idle one in place of each of the product's.</summary>
    private enum ReadModels { Real, None, Idle, IdleEach }

    private sealed record ApiRun(string Bound, int Articles, double Seconds, double DrainSeconds, List<double> LatenciesMs, long Events, RawEvents Raw)
    {
        /// <summary>Rows each read model inserted, updated or deleted in the run, by name.</summary>
        public IReadOnlyDictionary<string, long> RowsWritten { get; init; } = new Dictionary<string, long>();
    }

    private sealed record FloorRun(int Articles, long Events, double Seconds, List<double> LatenciesMs, double ExtractSeconds, double WriterSeconds);

    /// <summary>One API run; <paramref name="concurrency"/> sets CLAIMS_INGEST_CONCURRENCY (null: the default); <paramref name="readModels"/>
    /// says what the daemon runs: with none, the store registers no read model and runs no daemon, so a POST answers once its
    /// events are committed.</summary>
    private static async Task<ApiRun> ApiRunAsync(string connectionString, IReadOnlyList<SyntheticArticle> articles, ArticleExtractor extractor, TimeSpan budget,
        NpgsqlDataSource dataSource, int? concurrency, ReadModels readModels)
    {
        var app = ClaimsWebHost.Build(new ClaimsWebHostOptions
        {
            Args = concurrency is { } slots ? [$"--{RequestLimitsOptions.IngestConcurrencySetting}={slots}"] : [],
            Urls = "http://127.0.0.1:0",
            ApiKeys = ApiKeyRing.Parse($"{ApiKey}=bench:ingest"),
            MinimumLogLevel = LogLevel.Warning,
            // The bench owns the process: Ctrl+C must stop it, not only the web host (the default console lifetime would).
            ConfigureServices = builder => builder.Services.AddSingleton<IHostLifetime, BenchLifetime>(),
        }, connectionString, new ClaimsRuntimeOptions { Schema = Schema, Daemon = readModels == ReadModels.None ? DaemonMode.Disabled : DaemonMode.Solo, Extractor = extractor,
            Projections = readModels switch { ReadModels.None => [], ReadModels.Idle => [new IdleProjection()],
                ReadModels.IdleEach => [.. ClaimsStack.CreateProjections(extractor.Knowledge).Select(IdleProjection.Standing)], _ => null } });
        await app.StartAsync();
        ApiRun run;
        Dictionary<string, string> schemas;
        try
        {
            var runtime = ClaimsRuntime.Of(app);
            schemas = runtime.Projections.ToDictionary(p => p.Schema, p => p.Projection.Name);
            var limits = app.Services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
            var bound = $"{(concurrency is null ? "default ingest bound" : "ingest bound")} {limits.IngestConcurrency} at once, {limits.IngestQueue} waiting";
            // The raw floor's table is made now, like this store's mt_events, and filled after the API run.
            var raw = await RawEvents.CreateAsync(dataSource, runtime.Store, $"{Schema}_raw.mt_events");
            var clients = Enumerable.Range(0, Writers).Select(_ => Client(new Uri(app.Urls.Single()))).ToList();
            var latencies = new List<double>[Writers];
            // One article before the clock, with the read models caught up: the first message compiles Wolverine's handler
            // code (seconds), which is start-up, not ingest. The floor's extractor is warmed up likewise.
            await PostAsync(clients[0], articles[0]);
            await runtime.Application.WaitForProjectionsAsync(TimeSpan.FromMinutes(1));
            var next = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                latencies[w] = [];
                int i;
                while (clock.Elapsed < budget && (i = Interlocked.Increment(ref next)) < articles.Count)
                {
                    var start = Stopwatch.GetTimestamp();
                    await PostAsync(clients[w], articles[i]);
                    latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            })));
            var postSeconds = clock.Elapsed.TotalSeconds;
            var posted = Math.Min(next + 1, articles.Count); // indexes are handed out in order and every one handed out was posted
            await runtime.Application.WaitForProjectionsAsync(TimeSpan.FromMinutes(10));
            var seconds = clock.Elapsed.TotalSeconds;
            foreach (var c in clients) c.Dispose();

            await using var count = runtime.DataSource.CreateCommand(
                $"select count(*) filter (where type = 'ArticleIngested'), count(*) from {runtime.Store.Options.Events.DatabaseSchemaName}.mt_events");
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            if (reader.GetInt64(0) != posted) throw new InvalidOperationException($"posted {posted} articles, {reader.GetInt64(0)} in the log");
            run = new ApiRun(bound, posted - 1, seconds, seconds - postSeconds, latencies.SelectMany(l => l).ToList(), reader.GetInt64(1), raw);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        return run with { RowsWritten = await RowsWrittenAsync(dataSource, schemas) };
    }

    /// <summary>Rows each read model inserted, updated and deleted in its tables (PostgreSQL's table statistics), by read
    /// model name. Its schemas are new to the run, so the counts are the run's. A backend reports its counts at most once a
    /// second while it works, and when it exits: this is read once the host has closed its connections and a second has
    /// passed for their backends to end.</summary>
    private static async Task<IReadOnlyDictionary<string, long>> RowsWrittenAsync(NpgsqlDataSource dataSource, IReadOnlyDictionary<string, string> schemas)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        await using var command = dataSource.CreateCommand(
            "select schemaname, sum(n_tup_ins + n_tup_upd + n_tup_del)::bigint from pg_stat_user_tables where schemaname = any($1) group by 1");
        command.Parameters.Add(new NpgsqlParameter { Value = schemas.Keys.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, long>();
        while (await reader.ReadAsync()) rows[schemas[reader.GetString(0)]] = reader.GetInt64(1);
        return rows;
    }

    private static async Task<FloorRun> FloorAsync(RawEvents raw, IReadOnlyList<SyntheticArticle> articles, ArticleExtractor extractor)
    {
        var latencies = new List<double>[Writers];
        var extractTicks = new long[Writers];
        var writerTicks = new long[Writers];
        long events = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            latencies[w] = [];
            int i;
            while ((i = Interlocked.Increment(ref next)) < articles.Count)
            {
                var start = Stopwatch.GetTimestamp();
                var stream = ArticleEvents.Extract(articles[i], extractor);
                var extracted = Stopwatch.GetTimestamp();
                await raw.InsertAsync(stream.StreamId, stream.Events.ToList());
                var done = Stopwatch.GetTimestamp();
                extractTicks[w] += extracted - start;
                writerTicks[w] += done - start;
                latencies[w].Add(Stopwatch.GetElapsedTime(start, done).TotalMilliseconds);
                Interlocked.Add(ref events, stream.Count);
            }
        })));
        return new FloorRun(articles.Count, events, clock.Elapsed.TotalSeconds, latencies.SelectMany(l => l).ToList(),
            extractTicks.Sum() / (double)Stopwatch.Frequency, writerTicks.Sum() / (double)Stopwatch.Frequency);
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

    /// <summary>The POST /articles body (README, Articles).</summary>
    private sealed record IngestBody(string Text, string Url, string Outlet, string Title, DateOnly PublishedOn, string Language);

    /// <summary>One POST; anything but 201 Created stops the benchmark with the answer (a fresh schema has no duplicates).</summary>
    private static async Task PostAsync(HttpClient client, SyntheticArticle a)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new IngestBody(a.Text, a.Url, a.Outlet, a.Title, a.PublishedOn, "fr"), Json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/articles", content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /articles {a.Url}: {(int)response.StatusCode} {body}");
    }
}
