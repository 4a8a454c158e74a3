using System.Text.Json;
using Claims.Bench.Append;
using Claims.Bench.Extraction;
using Claims.Bench.Harness;

// claims-bench [--quick] [--json] [append|extraction ...]: runs the benchmarks (all by default), each figure against a
// baseline measured in the same run, and prints one markdown table (and with --json the same figures as JSON).
var quick = args.Contains("--quick");
var json = args.Contains("--json");
var selected = args.Where(a => !a.StartsWith("--")).ToHashSet(StringComparer.OrdinalIgnoreCase);
bool Wanted(string name) => selected.Count == 0 || selected.Contains(name);

var rows = new List<BenchRow>();
if (Wanted("extraction"))
    rows.AddRange((await ExtractionBenchmark.RunAsync(quick)).Select(r =>
        new BenchRow("extraction", r.Name, r.MegabytesPerSecond, "MB/s", r.MegabytesPerSecond / r.Ratio, "page reading + tokenizer + sentence splitter",
            r.Name.StartsWith("ArticleExtractor") ? "≥ 1 MB/s" : null)));

string? databaseDescription = null;
if (Wanted("append"))
{
    await using var database = await BenchDatabase.StartAsync();
    databaseDescription = database.Describe();
    rows.AddRange(await AppendBenchmark.RunAsync(database, quick));
}

Console.WriteLine($"Claims benchmarks ({(quick ? "quick" : "full")}; {Environment.ProcessorCount} cores; database: {databaseDescription ?? "none"})");
Console.WriteLine();
Console.WriteLine("| benchmark | case | value | unit | baseline (same run) | ratio | target |");
Console.WriteLine("|---|---|---:|---|---|---:|---|");
foreach (var r in rows)
    Console.WriteLine($"| {r.Benchmark} | {r.Case} | {r.Value:0.##} | {r.Unit} | {r.BaselineName} {(r.Baseline is { } b ? $"({b:0.##})" : "")} | {(r.Ratio is { } x ? $"{x:0.00}" : "")} | {r.Target} |");
if (json) Console.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
