using System.Diagnostics;
using Claims.Bench.Corpus;
using Claims.TestKit.Corpus;
using Claims.Bench.Harness;
using Claims.Bench.Store;
using Claims.Domain.Application;
using Claims.EventStore;
using Claims.Extraction;
using Npgsql;

namespace Claims.Bench.Ingest;

/// <summary>
/// Section "ingest": synthetic articles (10 000; --quick 1 000) ingested end to end through the real HTTP API by 8
/// concurrent writers (<see cref="ApiIngestRun"/>), within a time budget per writer count, each against the raw-PostgreSQL
/// floor measured right after it in the same run on the same database with the same writers and corpus
/// (<see cref="RawIngestFloor"/>). Where the time goes is printed on stderr (SQL round trips per part, running statements).
/// The figure is "articles/s with the projections kept current": every POST waits until the read models include it,
/// and the clock stops only when the projections' lag is 0.
/// </summary>
public static class IngestBenchmark
{
    public const int Seed = 2016;
    private const string ShapeSchema = "bench_ingest_shape";
    private const string FloorTable = "bench_ingest_shape.raw_events";
    // 8 concurrent clients: 4 measured the same on 2 cores; one writer count keeps the full run under 20 minutes.
    private static readonly int[] WriterCounts = [8];

    public static async Task<IReadOnlyList<BenchRow>> RunAsync(BenchDatabase database, bool quick)
    {
        // CLAIMS_BENCH_INGEST_ARTICLES overrides the count (to explore; the published figures use the defaults).
        var count = int.TryParse(Environment.GetEnvironmentVariable("CLAIMS_BENCH_INGEST_ARTICLES"), out var n) && n > 0 ? n : quick ? 1_000 : 10_000;
        // The full run posts every article; --quick stops taking new ones after 10 s (the rows say how many went in).
        // CLAIMS_BENCH_INGEST_BUDGET_S sets a budget (0: none, all articles).
        var budget = int.TryParse(Environment.GetEnvironmentVariable("CLAIMS_BENCH_INGEST_BUDGET_S"), out var b) && b >= 0
            ? b == 0 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(b)
            : quick ? TimeSpan.FromSeconds(10) : TimeSpan.MaxValue;
        var clock = Stopwatch.StartNew();
        // In publication order, as a feed brings them (the strike projections regroup the days around what arrives; a
        // backfill in random date order touches days all over the period on every batch and is slower: bench/RESULTS.md).
        var articles = SyntheticCorpus.Generate(count, Seed).OrderBy(a => a.PublishedOn).ToList();
        Console.Error.WriteLine($"ingest: {count} articles generated in {clock.Elapsed.TotalSeconds:0.0} s");
        var extractor = new ArticleExtractor();
        foreach (var a in articles.Take(20)) extractor.Extract(CorpusProfile.Input("warmup", a)); // JIT and knowledge base, outside the clocks

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        // The floor's table copies the shape of a real events table (columns, defaults, identity, indexes, constraints).
        await BenchLog.DropAsync(dataSource, ShapeSchema);
        await using (var shape = new EventStore.EventStore(new EventStoreOptions { ConnectionString = database.ConnectionString, Schema = ShapeSchema, EventTypes = ClaimsRuntime.CreateEventTypes() }))
            await shape.InitializeAsync();

        var rows = new List<BenchRow>();
        foreach (var writers in WriterCounts)
        {
            var schema = $"bench_ingest_w{writers}";
            await BenchLog.DropAsync(dataSource, schema);
            var api = await ApiIngestRun.RunAsync(database.ConnectionString, schema, articles, writers, extractor, budget);
            Console.Error.WriteLine($"ingest: API, {writers} writers: {api.Articles} articles, {api.Articles / api.Seconds:0.0} articles/s ({api.PostSeconds:0.0} s of POSTs + {api.DrainSeconds:0.0} s drain)");
            await BenchLog.DropAsync(dataSource, schema);

            // The floor on an empty table, same writers, same database, and all the generated articles (the API's prefix is
            // too short for a stable rate when the budget cuts it): a rate against a rate.
            await RawIngestFloor.CreateTableAsync(dataSource, ShapeSchema, FloorTable);
            var floor = await RawIngestFloor.RunAsync(dataSource, FloorTable, articles, writers, extractor);
            Console.Error.WriteLine($"ingest: raw floor, {writers} writers: {floor.Articles / floor.Seconds:0} articles/s ({floor.Seconds:0.0} s)");
            foreach (var part in api.Sql)
                Console.Error.WriteLine($"ingest:   SQL {part.Part}: {(double)part.Commands / api.Articles:0.0} commands and {part.Milliseconds / api.Articles:0.0} ms per article");
            foreach (var p in api.Projections)
                Console.Error.WriteLine($"ingest:   projection {p.Name}: applied {p.AppliedPerSecond:0} events/s while behind (log grew {api.EventsInLog / api.PostSeconds:0} events/s), largest lag {p.MaxLag} events");
            foreach (var (statement, share) in api.TopStatements)
                Console.Error.WriteLine($"ingest:   running in {share:P0} of the samples: {statement}");
            rows.AddRange(Rows(api, floor, count, budget));
        }
        await BenchLog.DropAsync(dataSource, ShapeSchema);
        return rows;
    }

    private static IEnumerable<BenchRow> Rows(ApiRun api, FloorRun floor, int generated, TimeSpan budget)
    {
        var w = $"{api.Writers} writers";
        var taken = api.Articles == generated ? $"{api.Articles} articles" : $"{api.Articles} of {generated} articles in the {budget.TotalSeconds:0} s budget";
        const string floorName = "raw floor: extract + multi-row INSERT, same writers";
        var mb = api.TextBytes / (1024.0 * 1024.0);
        double P(List<double> xs, double p) => BenchPercentiles.Percentile(xs, p);
        var floorExtractMs = floor.ExtractSeconds * 1000 / floor.Articles;
        var tenth = Math.Max(1, api.Articles / 10);
        var done = api.CompletedAtSeconds.Order().ToArray();
        var firstTenth = done.Length < 20 ? double.NaN : tenth / Math.Max(done[tenth - 1], 1e-9);
        var lastTenth = done.Length < 20 ? double.NaN : tenth / Math.Max(done[^1] - done[^(tenth + 1)], 1e-9);
        return
        [
            new("ingest", $"POST /articles, projections current, {w} ({taken})", api.Articles / api.Seconds, "articles/s",
                floor.Articles / floor.Seconds, floorName),
            new("ingest", $"text through POST /articles, {w}", mb / api.Seconds, "MB/s", floor.TextBytes / (1024.0 * 1024.0) / floor.Seconds, floorName),
            new("ingest", $"POST latency p50, {w}", P(api.LatenciesMs, 50), "ms", P(floor.LatenciesMs, 50), "raw floor per-article p50"),
            new("ingest", $"POST latency p99, {w}", P(api.LatenciesMs, 99), "ms", P(floor.LatenciesMs, 99), "raw floor per-article p99"),
            new("ingest", $"server: IngestAsync (checks, extract, decide, append) mean, {w}", api.IngestMs.DefaultIfEmpty(double.NaN).Average(), "ms", floorExtractMs, "raw floor: extraction mean"),
            new("ingest", $"server: read-your-writes wait mean, {w}", api.ProjectionWaitMs.DefaultIfEmpty(double.NaN).Average(), "ms", null, null),
            new("ingest", $"server: read-your-writes wait p99, {w}", P(api.ProjectionWaitMs, 99), "ms", null, null, "< 5000 (the bound)"),
            new("ingest", $"drain after the last POST until lag 0, {w}", api.DrainSeconds, "s", null, null),
            .. api.Sql.Where(s => !s.Part.StartsWith("other", StringComparison.Ordinal)).Select(s =>
                new BenchRow("ingest", $"SQL round trips per article: {s.Part}, {w}", (double)s.Commands / api.Articles, "commands", 1, "one multi-row INSERT (raw floor)")),
            new("ingest", $"throughput over the last tenth of the articles, {w}", lastTenth, "articles/s", firstTenth, "first tenth"),
            new("ingest", $"articles read back (GET /articles), {w}", api.ArticlesReadBack, "articles", api.Articles, "articles posted"),
            new("ingest", $"records read back (GET /articles), {w}", api.RecordsReadBack, "records", api.RecordsPosted, "records in the POST answers"),
            new("ingest", $"events in the log per article, {w}", (double)api.EventsInLog / api.Articles, "events", (double)floor.Events / floor.Articles, "raw floor events per article"),
            new("ingest", $"peak working set of the bench process (client + server + corpus), after {w}", api.PeakWorkingSetBytes / (1024.0 * 1024.0), "MB", null, null),
            new("ingest", $"raw floor: share of writer time spent extracting, {w}", 100 * floor.ExtractSeconds / (floor.ExtractSeconds + floor.InsertSeconds), "%", null, null),
        ];
    }
}
