using Claims.Cli.Database;

namespace Claims.Cli.Commands;

/// <summary>`claims rebuild [projection]`: replays the event log into one read model, or all of them.</summary>
public static class RebuildCommand
{
    public const string Usage = "rebuild [projection]                 rebuild one read model from the events, or all of them";

    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = CliArgs.Parse(args);
        if (parsed.Help) return CliArgs.PrintHelp(Usage);
        if (parsed.Errors.Count > 0 || parsed.Positional.Count > 1)
            return await CliArgs.UsageAsync("rebuild", Usage, parsed.Errors.Concat(parsed.Positional.Skip(1).Select(p => $"unexpected argument '{p}'")));
        var projection = parsed.Positional.FirstOrDefault();

        return await CliRuntime.RunAsync("rebuild", async runtime =>
        {
            var names = runtime.Projections.Select(p => p.Projection.Name).ToList();
            if (projection is not null && !names.Contains(projection))
            {
                await Console.Error.WriteLineAsync($"claims rebuild: no projection named '{projection}'. Projections: {string.Join(", ", names)}.");
                return 2;
            }
            var started = System.Diagnostics.Stopwatch.StartNew();
            await runtime.RebuildAsync(projection);
            Console.WriteLine($"Rebuilt {projection ?? string.Join(", ", names)} in {started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
    }
}
