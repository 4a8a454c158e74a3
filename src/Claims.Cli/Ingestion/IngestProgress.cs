using Claims.Domain.Application;
using Spectre.Console;

namespace Claims.Cli.Ingestion;

/// <summary>Ingestion with a Spectre.Console progress bar, then a summary; shared by `ingest` and `serve` (seeding).</summary>
public static class IngestProgress
{
    private static readonly TimeSpan ProjectionWait = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<FileOutcome>> RunAsync(IClaimsApplication application, IEnumerable<string> paths)
    {
        var warnings = new List<string>();
        IReadOnlyList<FileOutcome> outcomes = [];
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Ingesting", autoStart: true, maxValue: 1);
                outcomes = await FolderIngestion.IngestAsync(application, paths, warnings.Add,
                    progress: outcome =>
                    {
                        task.Description = Markup.Escape(Path.GetFileName(outcome.Path));
                        task.Increment(1);
                    },
                    total: count => task.MaxValue = Math.Max(count, 1));
                task.Description = "Ingested";
                task.Value = task.MaxValue;
            });
        foreach (var warning in warnings) await Console.Error.WriteLineAsync($"claims: {warning}");
        // Ledgers and contradictions are async read models: wait so that the next command sees what was just ingested.
        await application.WaitForProjectionsAsync(ProjectionWait);
        return outcomes;
    }

    public static void PrintSummary(IReadOnlyList<FileOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            if (o.Error is not null) Console.Error.WriteLine($"claims: {o.Error}");
            else Console.WriteLine($"{Path.GetFileName(o.Path)}: {(o.Result!.Created ? "ingested" : "already ingested")} as {o.Result.ArticleId} ({o.Result.Records} records)");
        }
        var created = outcomes.Count(o => o.Result?.Created == true);
        var already = outcomes.Count(o => o.Result?.Created == false);
        var failed = outcomes.Count(o => o.Error is not null);
        Console.WriteLine($"{created} ingested, {already} already ingested, {failed} failed.");
    }
}
