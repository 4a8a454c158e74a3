using System.Diagnostics;
using Claims.Api.Hosting;
using Claims.TestKit.Corpus;
using Claims.Bench.Harness;
using Claims.Domain.Application;
using Claims.Domain.Projections;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Claims.Bench.Queries;

/// <summary>
/// Read latency as the corpus grows. Synthetic articles are ingested through the application in publication order, as a
/// live feed brings them (extraction, article streams, the three projections kept current by the daemon), until the log
/// holds 10 000, 100 000 and 1 000 000 events (3 000 000, about 100 000 articles, on request); at each size the reads
/// fact-checkers live on are timed over HTTP against the real API — an actor's ledger (first page), the open
/// contradictions (first page and a later one) and the review queue in priority order (first page and a later one) — and,
/// as the baseline on the same database in the same run, the plain SQL that fetches the same rows from the same tables,
/// each call timed in turn with one of the API's. After the largest size, what verdicts on the largest contradictions cost
/// the live ingest and the queue (<see cref="VerdictsAsync"/>).
/// </summary>
public static class QueryBenchmark
{
    private const int Seed = 2015;

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        // On Marten the load runs at about 500 events/s on this machine (the read models' catch-up, bench/RESULTS.md): the
        // full run stops at 100 000 events (about 3 minutes of load) and --quick at 10 000, to stay within 20 and 3 minutes.
        // CLAIMS_BENCH_QUERY_EVENTS=10000,100000,1000000 goes on to 1 000 000 events (about half an hour more).
        int[] steps = Environment.GetEnvironmentVariable("CLAIMS_BENCH_QUERY_EVENTS") is { Length: > 0 } configured
            ? configured.Split(',').Select(int.Parse).ToArray()
            : quick ? [10_000] : [10_000, 100_000];
        var requests = quick ? 200 : 1000;
        await using var host = ClaimsWebHost.Build(new ClaimsWebHostOptions { Urls = "http://127.0.0.1:0", MinimumLogLevel = LogLevel.Warning },
            database.ConnectionString, new ClaimsRuntimeOptions { Schema = "bench_queries", Daemon = JasperFx.Events.Daemon.DaemonMode.Solo });
        await host.StartAsync();
        var runtime = ClaimsRuntime.Of(host);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(host.Urls.Single()) };
            await using var sql = NpgsqlDataSource.Create(database.ConnectionString);
            // Enough articles for the largest step (~30 events an article), in publication order: a feed brings the news of
            // the day, and the strike projections regroup the days around what arrives.
            var clock = Stopwatch.StartNew();
            var generated = SyntheticCorpus.Generate(steps[^1] / 25, Seed).OrderBy(a => a.PublishedOn).ToList();
            // The section keeps its corpus (schema bench_queries), so that the reads can be timed again on a corpus that has
            // settled: what an earlier run ingested is counted and not fed again.
            var stored = await StoredAsync(runtime, generated);
            var feed = new Queue<SyntheticArticle>(generated.Where(a => !stored.Contains(IdOf(a))));
            Console.Error.WriteLine($"queries: {generated.Count:N0} articles generated in {clock.Elapsed.TotalSeconds:0} s, {stored.Count:N0} already in the store");
            var rows = new List<BenchRow>();
            var articles = stored.Count;
            var p99s = new List<(string Size, double Ledger, double Open)>();
            foreach (var step in steps)
            {
                clock.Restart();
                var added = await IngestUntilAsync(runtime, feed, step);
                await runtime.Application.WaitForProjectionsAsync(TimeSpan.FromMinutes(30));
                articles += added;
                var loadSeconds = clock.Elapsed.TotalSeconds;
                var events = await runtime.Progress.HeadAsync();
                var size = $"{events:N0} events, {articles:N0} articles";
                Console.Error.WriteLine($"queries: {size} loaded in {loadSeconds:0} s ({added / loadSeconds:0} articles/s, projections current)");

                // CLAIMS_BENCH_PROFILE=1: how fast each projection rebuilds at this size (to find which one holds ingestion back).
                if (Environment.GetEnvironmentVariable("CLAIMS_BENCH_PROFILE") == "1")
                    foreach (var p in runtime.Projections.Select(p => p.Projection.Name))
                    {
                        var t = Stopwatch.StartNew();
                        await runtime.RebuildAsync(p);
                        Console.Error.WriteLine($"PROFILE rebuild {p}: {t.Elapsed.TotalSeconds:0.0} s = {events / t.Elapsed.TotalSeconds:0} events/s");
                    }
                var probes = await ProbesAsync(runtime, sql);
                var (ledger, ledgerRaw) = await TimePairAsync(requests, i => http.GetAsync($"/actors/{Uri.EscapeDataString(probes.Actors[i % probes.Actors.Count])}/ledger"),
                    i => RawLedgerAsync(sql, runtime, probes.Actors[i % probes.Actors.Count]));
                var (open, openRaw) = await TimePairAsync(requests, i => http.GetAsync(i % 2 == 0 ? "/contradictions?status=open"
                    : $"/contradictions?status=open&after={Uri.EscapeDataString(probes.Contradictions[i % probes.Contradictions.Count])}"),
                    i => RawOpenAsync(sql, runtime, i % 2 == 0 ? null : probes.Contradictions[i % probes.Contradictions.Count]));
                var (queue, queueRaw) = await TimePairAsync(requests, i => http.GetAsync(i % 2 == 0 ? "/contradictions?status=open&sort=priority"
                    : $"/contradictions?status=open&sort=priority&after={Uri.EscapeDataString(probes.Queue[i % probes.Queue.Count])}"),
                    i => RawOpenAsync(sql, runtime, i % 2 == 0 ? null : probes.Queue[i % probes.Queue.Count], byPriority: true));

                rows.Add(new BenchRow("queries", $"data: {size}, {probes.OpenCount:N0} open contradictions; load {added / loadSeconds:0} articles/s", loadSeconds, "s", null, null));
                p99s.Add((size, BenchPercentiles.Percentile(ledger, 99), BenchPercentiles.Percentile(open, 99)));
                foreach (var (name, api, raw, target) in new[]
                         {
                             ("GET /actors/{id}/ledger (first page, 200 entries; 10 actors, the biggest first)", ledger, ledgerRaw, "p99 < 20 ms at 100k articles"),
                             ("GET /contradictions?status=open (first and a later page of 50)", open, openRaw, "p99 < 20 ms at 100k articles"),
                             ("GET /contradictions?status=open&sort=priority (review queue, first and a later page of 50)", queue, queueRaw, "p99 < 20 ms at 100k articles"),
                         })
                {
                    var p50 = BenchPercentiles.Percentile(api, 50);
                    var p99 = BenchPercentiles.Percentile(api, 99);
                    rows.Add(new BenchRow("queries", $"{name} p50, {size}", p50, "ms", BenchPercentiles.Percentile(raw, 50), "same rows by plain SQL p50"));
                    rows.Add(new BenchRow("queries", $"{name} p99, {size}", p99, "ms", BenchPercentiles.Percentile(raw, 99), "same rows by plain SQL p99",
                        step == steps[^1] ? target : null));
                }
                if (step == steps[^1]) rows.AddRange(await VerdictsAsync(runtime, http, sql, size, quick ? 100 : 300));
            }
            // How cost grows: each size's p99 against the smallest size's.
            foreach (var (size, ledgerP99, openP99) in p99s)
            {
                rows.Add(new BenchRow("growth", $"ledger page p99, {size}", ledgerP99, "ms", p99s[0].Ledger, "same at the smallest size"));
                rows.Add(new BenchRow("growth", $"open contradictions page p99, {size}", openP99, "ms", p99s[0].Open, "same at the smallest size"));
            }
            return rows;
        }
        finally
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }

    /// <summary>
    /// What a verdict on a large contradiction costs the live ingest and the queue. Fact-checkers work the queue from the top,
    /// where a striker's campaign gathers thousands of records, and every article that adds to a campaign with a verdict
    /// reopens it: the read model must find what joined since the verdict without reading the whole campaign each batch,
    /// and the queue must show what joined without reading it each page. On the corpus as loaded: articles posted as the API
    /// posts them (eight writers, each waiting for the read models to include its article), then verdicts on the five
    /// contradictions with the most records, then as many articles again; and the queue's first 100 with the reopened ones
    /// in it (on the benchmark's corpus the five rank below the first 50) against the open ones alone, each call timed in
    /// turn with the other.
    /// </summary>
    private static async Task<IReadOnlyList<BenchRow>> VerdictsAsync(ClaimsRuntime runtime, HttpClient http, NpgsqlDataSource sql, string size, int articles)
    {
        // Articles of other days than the loaded feed's (another seed), as a feed brings late reports of older stories too.
        var generated = SyntheticCorpus.Generate(2 * articles, Seed + 1).OrderBy(a => a.PublishedOn).ToList();
        if ((await StoredAsync(runtime, generated)).Count > 0)
        {
            // Posting them again would time duplicates, which decide nothing; and the five have their verdicts already.
            Console.Error.WriteLine("queries: the verdicts case needs a corpus it has not run on before (drop schema bench_queries and its read models'); skipped");
            return [];
        }
        var feed = new Queue<SyntheticArticle>(generated);
        var before = await PostedAsync(runtime, feed, articles);
        var schema = runtime.ProjectionSchema(ContradictionsProjection.ProjectionName);
        var largest = new List<(string Id, long Records)>();
        await using (var command = sql.CreateCommand($"""
            select cr.contradiction_id, count(*) from {schema}.contradiction_records cr join {schema}.contradictions c on c.id = cr.contradiction_id and c.current
             group by 1 order by 2 desc, 1 limit 5
            """))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) largest.Add((reader.GetString(0), reader.GetInt64(1)));
        foreach (var (id, _) in largest)
            await runtime.Application.RecordVerdictAsync(id, new RecordVerdictRequest("confirmed", "bench: a verdict on a large contradiction"), "bench");
        await runtime.Application.WaitForProjectionsAsync(TimeSpan.FromMinutes(5));
        var after = await PostedAsync(runtime, feed, articles);
        var (reopened, open) = await TimePairAsync(200, _ => http.GetAsync("/contradictions?status=open,reopened&sort=priority&limit=100"),
            _ => http.GetAsync("/contradictions?status=open&sort=priority&limit=100"));
        var verdicted = $"verdicts on the 5 largest contradictions ({string.Join(", ", largest.Select(l => l.Records.ToString("N0")))} records)";
        return
        [
            new("verdicts", $"articles/s posted on the loaded corpus, each writer waiting for the read models, 8 writers, {verdicted}, {size}", after, "articles/s",
                before, "same, before the verdicts", "≥ 0.9 of baseline"),
            new("verdicts", $"review queue with the reopened (status=open,reopened&sort=priority&limit=100, the ruled among them) p50, {verdicted}, {size}",
                BenchPercentiles.Percentile(reopened, 50), "ms", BenchPercentiles.Percentile(open, 50), "the open ones alone, same limit, p50"),
            new("verdicts", $"review queue with the reopened (status=open,reopened&sort=priority&limit=100, the ruled among them) p99, {verdicted}, {size}",
                BenchPercentiles.Percentile(reopened, 99), "ms", BenchPercentiles.Percentile(open, 99), "the open ones alone, same limit, p99"),
        ];
    }

    /// <summary>The articles of <paramref name="articles"/> the store holds already (their streams exist), by article id.</summary>
    private static async Task<HashSet<string>> StoredAsync(ClaimsRuntime runtime, IEnumerable<SyntheticArticle> articles)
    {
        await using var command = runtime.DataSource.CreateCommand($"select id from {runtime.Store.Options.Events.DatabaseSchemaName}.mt_streams where id = any($1)");
        command.Parameters.Add(new() { Value = articles.Select(IdOf).ToArray() });
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
        return stored;
    }

    // A synthetic article always has a url, which its id is made of.
    private static string IdOf(SyntheticArticle article) => ClaimsApplication.ArticleIdFor(article.Url, contentHash: "");

    /// <summary>Articles/s of <paramref name="count"/> articles of the feed ingested by eight writers, each waiting after its
    /// article until the read models include it, as POST /articles answers.</summary>
    private static async Task<double> PostedAsync(ClaimsRuntime runtime, Queue<SyntheticArticle> feed, int count)
    {
        var left = count;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                SyntheticArticle article;
                lock (feed) article = feed.Dequeue();
                await runtime.Application.IngestAsync(article.Request, "bench");
                await runtime.Application.WaitForProjectionsAsync(TimeSpan.FromMinutes(1));
            }
        })));
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Ingests the next articles of the feed until the log holds <paramref name="events"/> events, as POST /articles
    /// does but without waiting for the projections: two writers a core, the daemon following behind.</summary>
    private static async Task<int> IngestUntilAsync(ClaimsRuntime runtime, Queue<SyntheticArticle> feed, long events)
    {
        var added = 0;
        var head = await runtime.Progress.HeadAsync();
        async Task Writer()
        {
            while (true)
            {
                SyntheticArticle? article;
                lock (feed)
                    if (Volatile.Read(ref head) >= events || !feed.TryDequeue(out article)) return;
                await runtime.Application.IngestAsync(article.Request, "bench");
                var n = Interlocked.Increment(ref added);
                if (n % 10 == 0) Volatile.Write(ref head, await runtime.Progress.HeadAsync());
                if (n % 10_000 == 0) Console.Error.WriteLine($"queries: {n:N0} articles ingested, {Volatile.Read(ref head):N0} events");
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 2 * Environment.ProcessorCount).Select(_ => Task.Run(Writer)));
        return added;
    }

    private sealed record Probes(List<string> Actors, List<string> Contradictions, List<string> Queue, long OpenCount);

    /// <summary>What to ask for: the three actors with the most records (the costliest ledgers) and seven others spread
    /// over the rest; open contradictions to start later pages after.</summary>
    private static async Task<Probes> ProbesAsync(ClaimsRuntime runtime, NpgsqlDataSource sql)
    {
        var actors = (await runtime.Application.SearchActorsAsync(null)).Select(a => a.Id).ToList();
        var picked = actors.Take(3).Concat(Enumerable.Range(1, 7).Select(i => actors[Math.Min(actors.Count - 1, 3 + i * (actors.Count - 3) / 8)])).Distinct().ToList();
        var schema = runtime.ProjectionSchema(ContradictionsProjection.ProjectionName);
        var ids = new List<string>();
        await using (var command = sql.CreateCommand($"select id from {schema}.contradictions where current and status = 'open' order by id"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        var spread = Enumerable.Range(0, 16).Select(i => ids.Count == 0 ? "" : ids[i * ids.Count / 16]).Distinct().ToList();
        var queue = new List<string>();
        await using (var command = sql.CreateCommand($"select id from {schema}.contradictions where current and status = 'open' order by queue_rank, id"))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) queue.Add(reader.GetString(0));
        var queueSpread = Enumerable.Range(0, 16).Select(i => queue.Count == 0 ? "" : queue[i * queue.Count / 16]).Distinct().ToList();
        return new Probes(picked, spread, queueSpread, ids.Count);
    }

    // The baselines: the same rows, by the plain SQL a hand-written service would run (the ledger's payloads as text, a page's evidence
    // columns as stored; nothing mapped).
    private static async Task RawLedgerAsync(NpgsqlDataSource sql, ClaimsRuntime runtime, string actorId)
    {
        var s = runtime.ProjectionSchema(LedgerProjection.ProjectionName);
        await using var command = sql.CreateCommand($"""
            select o.role, r.article_id, r.record_id, r.payload::text, a.outlet, a.title, a.published_on
              from {s}.roles o join {s}.records r on r.article_id = o.article_id and r.record_id = o.record_id join {s}.articles a on a.article_id = r.article_id
             where o.actor_id = $1 order by o.sort_date, o.article_id, o.ord, o.role limit 200
            """);
        command.Parameters.Add(new() { Value = actorId });
        await DrainAsync(command);
    }

    private static async Task RawOpenAsync(NpgsqlDataSource sql, ClaimsRuntime runtime, string? after, bool byPriority = false)
    {
        var s = runtime.ProjectionSchema(ContradictionsProjection.ProjectionName);
        var page = byPriority
            ? $"($1::text is null or (queue_rank, id) > (select a.queue_rank, a.id from {s}.contradictions a where a.id = $1)) order by queue_rank, id"
            : "($1::text is null or id > $1) order by id";
        await using var command = sql.CreateCommand($"""
            with page as (select id, about, kind, positions from {s}.contradictions where current and status = 'open' and {page} limit 50)
            select p.id, p.about, p.kind, x.*
              from page p cross join lateral unnest(p.positions) with ordinality as sides(position, n)
              cross join lateral (select cr.side, cr.article_id, cr.record_id, cr.type, cr.outlet, cr.published_on, cr.actor_id, cr.actor_name, cr.words,
                                         cr.span_start, cr.span_end
                                    from {s}.contradiction_records cr
                                   where cr.contradiction_id = p.id and cr.side = sides.n - 1 order by cr.seq, cr.article_id collate "C", cr.ord limit 50) x
            """);
        command.Parameters.Add(new() { Value = (object?)after ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await DrainAsync(command);
    }

    private static async Task DrainAsync(NpgsqlCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++)
                if (!reader.IsDBNull(i)) _ = reader.GetValue(i);
    }

    /// <summary>Latencies in ms of <paramref name="count"/> sequential calls of <paramref name="api"/> and as many of its
    /// baseline <paramref name="raw"/>, taken in turn (which goes first alternates), after a warm-up long enough for the JIT's
    /// second tier (without it the first size's p99 measured the compiler). Timed one after the other, the baseline ran later,
    /// on a database that had settled meanwhile: just after a load autovacuum works through the new tables, and the API's p99
    /// took that while its baseline did not. HTTP responses are read to the end and must succeed.</summary>
    private static async Task<(List<double> Api, List<double> Raw)> TimePairAsync(int count, Func<int, Task> api, Func<int, Task> raw)
    {
        for (var i = 0; i < 200; i++)
        {
            await Run(api, i);
            await Run(raw, i);
        }
        var (apiTimes, rawTimes) = (new List<double>(count), new List<double>(count));
        for (var i = 0; i < count; i++)
            foreach (var (call, times) in i % 2 == 0 ? new[] { (api, apiTimes), (raw, rawTimes) } : [(raw, rawTimes), (api, apiTimes)])
            {
                var start = Stopwatch.GetTimestamp();
                await Run(call, i);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        return (apiTimes, rawTimes);
    }

    // One call; an HTTP response is read to the end, and a failure stops the benchmark rather than timing an error page.
    private static async Task Run(Func<int, Task> call, int i)
    {
        var task = call(i);
        await task;
        if (task is Task<HttpResponseMessage> { Result: var response })
            using (response)
            {
                var body = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            }
    }
}
