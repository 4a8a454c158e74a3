using Claims.Bench.Extraction;

// Minimal runner written by the extraction task (the lead owns this file and may replace it): prints the extraction rows as a markdown table.
var quick = args.Contains("--quick");
var rows = await ExtractionBenchmark.RunAsync(quick);
Console.WriteLine("| benchmark | MB/s | ratio to baseline |");
Console.WriteLine("|---|---:|---:|");
foreach (var r in rows) Console.WriteLine($"| {r.Name} | {r.MegabytesPerSecond:0.00} | {r.Ratio:0.00} |");
