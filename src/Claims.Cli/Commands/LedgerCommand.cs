using System.CommandLine;
using Claims.Cli.Database;
using Claims.Domain.Actors;
using Claims.Domain.Application;
using Spectre.Console;

namespace Claims.Cli.Commands;

/// <summary>`claims ledger &lt;actor&gt;`: everything one actor said, reported, was blamed for and disputed, with sources.
/// The actor is found by name, alias or id (accents and case ignored); an ambiguous name lists the candidates.</summary>
public static class LedgerCommand
{
    private static readonly TimeSpan ProjectionWait = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var actor = new Argument<string[]>("actor") { Arity = ArgumentArity.OneOrMore, Description = "Name, alias or id of the actor; several words are one name (accents and case ignored)." }.RefusingOptions();
        var command = new Command("ledger", "An actor's ledger: what they said, reported, were blamed for and disputed, with sources.") { actor };
        command.SetAction(result => RunAsync(string.Join(' ', result.GetRequiredValue(actor))));
        return command;
    }

    private static Task<int> RunAsync(string wanted) =>
        CliRuntime.RunAsync("ledger", async runtime =>
        {
            var app = runtime.Application;
            await app.WaitForProjectionsAsync(ProjectionWait);
            var candidates = await app.SearchActorsAsync(wanted);
            var actor = Choose(wanted, candidates);
            if (actor is null)
            {
                if (candidates.Count == 0) await Console.Error.WriteLineAsync($"claims ledger: no actor matches '{wanted}'.");
                else
                {
                    await Console.Error.WriteLineAsync($"claims ledger: '{wanted}' matches {candidates.Count} actors; name one:");
                    foreach (var c in candidates) await Console.Error.WriteLineAsync($"  {c.Name} (id {c.Id}, {c.Records} records)");
                }
                return 1;
            }
            Print(await WholeLedgerAsync(app, actor.Id));
            return 0;
        });

    // The command line prints everything: the pages joined back into one ledger.
    private static async Task<ActorLedger> WholeLedgerAsync(IClaimsApplication app, string actorId)
    {
        var page = await app.GetLedgerAsync(actorId, new LedgerPage(Limit: LedgerPage.MaxLimit)) ?? throw new NotFoundException($"Actor '{actorId}'");
        var whole = page;
        while (page.Next is { } next)
        {
            page = await app.GetLedgerAsync(actorId, new LedgerPage(next, LedgerPage.MaxLimit)) ?? throw new NotFoundException($"Actor '{actorId}'");
            whole = whole with
            {
                Statements = [.. whole.Statements, .. page.Statements], StrikesReported = [.. whole.StrikesReported, .. page.StrikesReported],
                StrikesAttributed = [.. whole.StrikesAttributed, .. page.StrikesAttributed], DisputesMade = [.. whole.DisputesMade, .. page.DisputesMade],
                DisputesReceived = [.. whole.DisputesReceived, .. page.DisputesReceived], Next = null,
            };
        }
        return whole;
    }

    private static ActorSummary? Choose(string wanted, IReadOnlyList<ActorSummary> candidates)
    {
        var folded = SearchKey.Of(wanted);
        var exact = candidates.Where(c => c.Id == wanted || SearchKey.Of(c.Name) == folded || c.Aliases.Any(a => SearchKey.Of(a) == folded)).ToList();
        if (exact.Count == 1) return exact[0];
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static void Print(ActorLedger ledger)
    {
        var a = ledger.Actor;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(a.Name)}[/]{(a.Affiliation is null ? "" : $" ({Markup.Escape(a.Affiliation)})")} — id {Markup.Escape(a.Id)}, {a.Records} records");
        if (a.Aliases.Count > 0) AnsiConsole.MarkupLine($"[grey]also: {Markup.Escape(string.Join(", ", a.Aliases))}[/]");
        Section("Statements", ledger.Statements);
        Section("Strikes reported", ledger.StrikesReported);
        Section("Strikes attributed", ledger.StrikesAttributed);
        Section("Disputes made", ledger.DisputesMade);
        Section("Disputes received", ledger.DisputesReceived);
    }

    private static void Section(string title, IReadOnlyList<LedgerEntry> entries)
    {
        if (entries.Count == 0) return;
        var table = new Table().Title($"{title} ({entries.Count})").Expand()
            .AddColumn("Source").AddColumn("Record").AddColumn("Contradictions");
        foreach (var e in entries)
        {
            var where = (e.Outlet ?? Shorten(e.Title) ?? "(no outlet)") + (e.PublishedOn is { } day ? $", {day:yyyy-MM-dd}" : "");
            var text = e.Record.Status == "active" ? e.Record.Text : $"{e.Record.Text} [{e.Record.Status}]";
            table.AddRow(new Markup($"{Markup.Escape(where)}\n[grey]{Markup.Escape(e.ArticleId)}:{Markup.Escape(e.Record.RecordId)}[/]"),
                new Text(text), new Text(string.Join(", ", e.Record.Contradictions)));
        }
        AnsiConsole.Write(table);
    }

    private static string? Shorten(string? title) => title is null ? null : title.Length <= 40 ? title : title[..39] + "…";
}
