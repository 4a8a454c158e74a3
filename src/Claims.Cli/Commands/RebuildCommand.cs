using System.CommandLine;
using Claims.Cli.Database;
using Claims.Domain.Application;

namespace Claims.Cli.Commands;

/// <summary>`claims rebuild [projection]`: replays the event log into one read model, or all of them.</summary>
public static class RebuildCommand
{
    public static Command Create()
    {
        var names = ClaimsStack.ProjectionNames.ToArray();
        var projection = new Argument<string?>("projection") { Arity = ArgumentArity.ZeroOrOne, Description = $"The read model to rebuild: {string.Join(", ", names)}. All of them when left out." };
        projection.AcceptOnlyFromAmong(names);
        var command = new Command("rebuild", "Rebuild one read model from the events, or all of them (this process's daemon pauses meanwhile).") { projection };
        command.SetAction(result => RunAsync(result.GetValue(projection)));
        return command;
    }

    private static Task<int> RunAsync(string? projection) =>
        CliRuntime.RunAsync("rebuild", async runtime =>
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            await runtime.RebuildAsync(projection);
            Console.WriteLine($"Rebuilt {projection ?? string.Join(", ", runtime.Projections.Select(p => p.Projection.Name))} in {started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
}
