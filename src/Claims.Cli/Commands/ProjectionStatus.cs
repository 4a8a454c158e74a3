using Claims.Cli.Hosting;
using Claims.Domain.Projections.Running;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Claims.Cli.Commands;

/// <summary>`claims projections status`: where each read model stands in the log, against the head and the daemon's
/// high-water mark, and what holds them back when something does. Read from the database, so it shows the progress of
/// whichever `claims serve` runs the daemon.</summary>
public static class ProjectionStatus
{
    public static async Task<int> RunAsync(string connectionString)
    {
        using var host = new StackHostBuilder(connectionString).Build();
        var progress = host.Services.GetRequiredService<ProjectionProgress>();
        var places = await progress.PlacesAsync();
        var head = await progress.HeadAsync();
        var highWaterMark = await progress.HighWaterMarkAsync();
        var projections = host.Services.GetRequiredService<IReadOnlyList<TableProjection>>();

        var table = new Table().AddColumn("Projection").AddColumn(new TableColumn("Version").RightAligned()).AddColumn("Schema")
            .AddColumn(new TableColumn("Applied up to").RightAligned()).AddColumn(new TableColumn("Behind").RightAligned());
        foreach (var place in places)
        {
            var projection = projections.Single(p => p.Projection.Name == place.Name);
            table.AddRow(place.Name, projection.Projection.Version.ToString(), projection.Schema, place.Sequence.ToString(), Math.Max(0, head - place.Sequence).ToString());
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"Log head {head}, high-water mark {highWaterMark}.");
        if (highWaterMark < head && await progress.OldestOpenTransactionAsync() is { } holder)
            Console.WriteLine($"Held back by a {holder}.");
        return 0;
    }
}
