using System.CommandLine;
using Claims.Cli.Database;
using Claims.Cli.Ingestion;

namespace Claims.Cli.Commands;

/// <summary>`claims ingest &lt;file|folder&gt;...`: ingests article files with a progress bar; already-ingested ones are reported, bad ones named.
/// Exit code 1 when a file failed (the others are still ingested).</summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("file|folder") { Arity = ArgumentArity.OneOrMore, Description = "Article files (text or HTML), or folders of them; a folder's manifest.json gives their metadata." }.RefusingOptions();
        var command = new Command("ingest", "Ingest article files (exit code 1 if one failed; the others still go in).") { paths };
        command.SetAction(result => RunAsync(result.GetRequiredValue(paths)));
        return command;
    }

    private static Task<int> RunAsync(IReadOnlyList<string> paths) =>
        CliRuntime.RunAsync("ingest", async runtime =>
        {
            var outcomes = await IngestProgress.RunAsync(runtime.Application, paths);
            IngestProgress.PrintSummary(outcomes);
            return outcomes.Any(o => o.Error is not null) ? 1 : 0;
        });
}
