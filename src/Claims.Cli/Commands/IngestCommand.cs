using Claims.Cli.Database;
using Claims.Cli.Ingestion;

namespace Claims.Cli.Commands;

/// <summary>`claims ingest &lt;file|folder&gt;...`: ingests article files with a progress bar; already-ingested ones are reported, bad ones named.
/// Exit code 1 when a file failed (the others are still ingested).</summary>
public static class IngestCommand
{
    public const string Usage = "ingest <file|folder>...              ingest article files (text or HTML; a folder's manifest.json gives metadata)";

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Help) return CliArgs.PrintHelp(Usage);
        if (parsed.Errors.Count > 0 || parsed.Positional.Count == 0)
            return await CliArgs.UsageAsync("ingest", Usage, parsed.Errors);

        return await CliRuntime.RunAsync("ingest", async runtime =>
        {
            var outcomes = await IngestProgress.RunAsync(runtime.Application, parsed.Positional);
            IngestProgress.PrintSummary(outcomes);
            return outcomes.Any(o => o.Error is not null) ? 1 : 0;
        });
    }
}
