using System.CommandLine;
using Claims.Cli.Database;
using Claims.Domain.Application;
using Spectre.Console;

namespace Claims.Cli.Commands;

/// <summary>`claims contradictions [--status open] [--actor name]`: the contradictions with both sides and their status.</summary>
public static class ContradictionsCommand
{
    private static readonly TimeSpan ProjectionWait = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var status = new Option<string>("--status") { HelpName = "S", Description = "Only contradictions in this status: open, confirmed, dismissed or needs-evidence." };
        var actor = new Option<string>("--actor") { HelpName = "A", Description = "Only contradictions with this actor on a side (name, alias or id)." };
        var command = new Command("contradictions", "The contradictions, with their sides, records and verdicts.") { status, actor };
        command.SetAction(result => RunAsync(result.GetValue(status), result.GetValue(actor)));
        return command;
    }

    private static Task<int> RunAsync(string? status, string? actor) =>
        CliRuntime.RunAsync("contradictions", async runtime =>
        {
            await runtime.Application.WaitForProjectionsAsync(ProjectionWait);
            IReadOnlyList<ContradictionView> contradictions;
            try
            {
                contradictions = await ListAllAsync(runtime.Application, status, actor);
            }
            catch (RequestValidationException e)
            {
                await Console.Error.WriteLineAsync($"claims contradictions: {e.Field}: {e.Message}");
                return 2;
            }
            foreach (var c in contradictions) Print(c);
            Console.WriteLine($"{contradictions.Count} contradictions.");
            return 0;
        });

    // Every page, one after the other.
    private static async Task<IReadOnlyList<ContradictionView>> ListAllAsync(IClaimsApplication app, string? status, string? actor)
    {
        var all = new List<ContradictionView>();
        for (var page = new ContradictionPage(Limit: ContradictionPage.MaxLimit); ; page = page with { After = all[^1].Id })
        {
            var next = await app.ListContradictionsAsync(status, actor, page);
            all.AddRange(next);
            if (next.Count < page.Limit) return all;
        }
    }

    private static void Print(ContradictionView c)
    {
        var tree = new Tree($"[bold]{Markup.Escape(c.Id)}[/] [yellow]{Markup.Escape(c.Status)}[/] {Markup.Escape(c.About)} [grey]({Markup.Escape(c.Kind)})[/]");
        foreach (var side in c.Sides)
        {
            var node = tree.AddNode(Markup.Escape(side.Position));
            foreach (var r in side.Records)
                node.AddNode($"[bold]{Markup.Escape(r.Actor.Name)}[/]: {Markup.Escape(r.Text)} [grey]{Markup.Escape(r.Outlet ?? "")} {Markup.Escape(r.ArticleId)}:{Markup.Escape(r.RecordId)}[/]");
        }
        foreach (var v in c.History)
            tree.AddNode($"[grey]verdict {Markup.Escape(v.Verdict)} by {Markup.Escape(v.Reviewer)} at {v.RecordedAt:yyyy-MM-dd HH:mm}{(v.Note is null ? "" : ": " + Markup.Escape(v.Note))}[/]");
        AnsiConsole.Write(tree);
    }
}
