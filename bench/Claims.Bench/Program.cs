using System.Text.Json;
using Claims.Bench.Append;
using Claims.Bench.Corpus;
using Claims.Bench.Extraction;
using Claims.Bench.Harness;
using Claims.Bench.Ingest;
using Claims.Bench.Queries;
using Claims.Bench.Soak;
using Claims.Bench.Store;

// claims-bench [--quick] [--json] [extraction|corpus|append|rebuild|lag|ingest|queries ...]: runs the benchmarks (all by default), each figure against a
// baseline measured in the same run, and prints one markdown table (and with --json the same figures as JSON).
var quick = args.Contains("--quick");
var json = args.Contains("--json");
var selected = args.Where(a => !a.StartsWith("--")).ToHashSet(StringComparer.OrdinalIgnoreCase);
bool Wanted(string name) => selected.Count == 0 || selected.Contains(name);

var rows = new List<BenchRow>();
// A section that fails is reported and the others still run and print: a full run is a quarter of an hour.
var failed = new List<string>();
if (Wanted("extraction"))
    rows.AddRange((await Timed("extraction", async () => await ExtractionBenchmark.RunAsync(quick))).Select(r =>
        new BenchRow("extraction", r.Name, r.MegabytesPerSecond, r.Unit, r.MegabytesPerSecond / r.Ratio, r.BaselineName ?? "page reading + tokenizer + sentence splitter", r.Target)));

if (Wanted("corpus")) rows.AddRange(await Timed("corpus", CorpusProfile.RunAsync));

string? databaseDescription = null;
string[] databaseSections = ["append", "rebuild", "lag", "ingest", "queries", "soak", "relay"];
if (databaseSections.Any(Wanted))
{
    // One server for every database benchmark: each figure and its baseline still run back to back on it.
    await using var database = await BenchDatabase.StartAsync();
    databaseDescription = database.Describe();
    if (Wanted("append")) rows.AddRange(await Timed("append", () => AppendBenchmark.RunAsync(database, quick)));
    if (Wanted("rebuild")) rows.AddRange(await Timed("rebuild", () => RebuildBenchmark.RunAsync(database, quick)));
    if (Wanted("lag")) rows.AddRange(await Timed("lag", () => LiveLagBenchmark.RunAsync(database, quick)));
    if (Wanted("ingest")) rows.AddRange(await Timed("ingest", () => IngestBenchmark.RunAsync(database, quick)));
    if (Wanted("queries")) rows.AddRange(await Timed("queries", () => QueryBenchmark.RunAsync(database, quick)));
    if (Wanted("soak")) rows.AddRange(await Timed("soak", () => SoakRun.RunAsync(database, quick)));
    if (Wanted("relay")) rows.AddRange(await Timed("relay", () => Claims.Bench.Relay.RelayBenchmark.RunAsync(database, quick)));
}

Console.WriteLine($"Claims benchmarks ({(quick ? "quick" : "full")}; {Environment.ProcessorCount} cores; database: {databaseDescription ?? "none"})");
Console.WriteLine();
Console.WriteLine("| benchmark | case | value | unit | baseline (same run) | ratio | target |");
Console.WriteLine("|---|---|---:|---|---|---:|---|");
foreach (var r in rows)
    Console.WriteLine($"| {r.Benchmark} | {r.Case} | {r.Value:0.##} | {r.Unit} | {r.BaselineName} {(r.Baseline is { } b ? $"({b:0.##})" : "")} | {(r.Ratio is { } x ? $"{x:0.00}" : "")} | {r.Target} |");
if (json) Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
if (failed.Count > 0)
{
    Console.Error.WriteLine($"failed sections (no rows above): {string.Join(", ", failed)}");
    return 1;
}
return 0;

// Progress on stderr, so that stdout stays one table.
async Task<IReadOnlyList<T>> Timed<T>(string section, Func<Task<IReadOnlyList<T>>> run)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    try
    {
        var result = await run();
        Console.Error.WriteLine($"{section}: {clock.Elapsed.TotalSeconds:0} s");
        return result;
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"{section}: failed after {clock.Elapsed.TotalSeconds:0} s: {e}");
        failed.Add(section);
        return [];
    }
}
