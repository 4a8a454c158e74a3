using System.CommandLine;
using Claims.Cli.Database;
using Claims.Cli.Hosting;
using Claims.Domain.Application;
using JasperFx.CodeGeneration.Commands;
using JasperFx.CommandLine;
using JasperFx.CommandLine.Descriptions;
using JasperFx.Events.CommandLine;
using Weasel.Core.CommandLine;
using ApplyCommand = Weasel.CommandLine.ApplyCommand;

namespace Claims.Cli.Commands;

/// <summary>
/// The stack's own admin verbs (Marten's projections, Weasel's schema commands, JasperFx's code generation and description),
/// run by JasperFx's command line on a Claims host over the CLI's database. Each is declared here with the options Claims
/// offers, so System.CommandLine parses it like Claims' own verbs (same --help, same errors and exit code 2), and JasperFx
/// receives only tokens that parsed. Left out on purpose: options for several stores, databases or tenants (Claims has one
/// of each), the host-building flags (the host is Claims'), `projections run` (`serve` runs the daemon, elected among servers)
/// and `--advance` (it skips events, which Claims promises never to do).
/// </summary>
public static class StackCommands
{
    public const string Epilogue = """
        Run by the stack's own command line (JasperFx) on a Claims host over the CLI's database: CLAIMS_DB, else the local
        PostgreSQL (see `claims serve --help`). No projection daemon runs in that host.
        """;

    public static IEnumerable<Command> Create()
    {
        var projectionNames = ClaimsStack.ProjectionNames.ToArray();
        var action = Argument("action", "status (the default): each read model's place in the log against its head; list: name, version, shards, lifecycle; rebuild.",
            defaultValue: "status", among: ["status", nameof(ProjectionAction.list), nameof(ProjectionAction.rebuild)]);
        yield return Verb<ProjectionsCommand>("Marten's projections: their progress, their list, or a rebuild.",
            [
                action,
                Option<string>("--projection", "-p", $"Only this projection: {string.Join(", ", projectionNames)}.", among: projectionNames),
                Option<string>("--shard-timeout", null, "How long a rebuild waits for each shard, e.g. 30m (the daemon's default when left out)."),
            ],
            // JasperFx lists and rebuilds; the progress is read by Claims, which knows its read models' versions.
            answeredHere: result => result.GetValue(action) == "status" ? ProjectionStatus.RunAsync : null);
        yield return Verb<ApplyCommand>("Apply outstanding changes to the Marten and Wolverine schemas in the database.");
        yield return Verb<AssertCommand>("Check that the database's Marten and Wolverine schemas match this version's configuration (exit code 1 if not).");
        yield return Verb<PatchCommand>("Write the SQL that would bring the database's schemas up to date, and a matching drop file.",
            [
                Argument("file", "Where to write the patch."),
                Database(),
                Option<bool>("--transactional-script", "-t", "Wrap the script in a transaction."),
            ]);
        yield return Verb<DumpCommand>("Write the whole DDL of the Marten and Wolverine schemas.",
            [
                Argument("path", "The SQL file to write (a folder with --by-feature)."),
                Database(),
                Option<bool>("--by-feature", "-f", "One file per feature, in the folder given as path."),
                Option<bool>("--transactional-script", "-t", "Wrap the script in a transaction."),
            ]);
        yield return Verb<GenerateCodeCommand>("The code Wolverine and Marten generate: preview it, write it to the project (Internal/Generated), test that it compiles, or delete it.",
            [
                Argument("action", "preview (the default), write, test or delete.", defaultValue: nameof(CodeAction.preview), among: Enum.GetNames<CodeAction>()),
                Option<string>("--type", "-t", "Only this kind of generated code (e.g. 'Wolverine Handlers')."),
            ]);
        yield return Verb<DescribeCommand>("Describe the configured application: Marten's store, Wolverine's handlers, routing and settings.",
            [
                Option<string>("--file", "-f", "Write the description to this file instead of the console."),
                Option<string>("--title", null, "Only the part with this title."),
                Option<bool>("--list", "-l", "Only list the parts' titles."),
            ]);
    }

    private static Command Verb<TCommand>(string description) where TCommand : IJasperFxCommand => Verb<TCommand>(description, []);

    /// <param name="answeredHere">For the arguments Claims answers itself, the body to run on the database instead of JasperFx's command.</param>
    private static Command Verb<TCommand>(string description, Symbol[] symbols, Func<ParseResult, Func<string, Task<int>>?>? answeredHere = null)
        where TCommand : IJasperFxCommand
    {
        var name = CommandFactory.CommandNameFor(typeof(TCommand));
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is System.CommandLine.Argument argument) command.Add(argument);
            else command.Add((Option)symbol);
        }
        command.SetAction(result => CliRuntime.WithDatabaseAsync(name, async connectionString =>
        {
            await CliRuntime.EnsureReachableAsync(connectionString);
            return answeredHere?.Invoke(result) is { } body
                ? await body(connectionString)
                : await StackHostBuilder.RunAsync<TCommand>(connectionString, Tokens(result, command));
        }));
        return command;
    }

    /// <summary>The parsed values back as JasperFx's tokens: arguments in order (defaults included), then `--option value`
    /// or `--flag`, always under the long name JasperFx knows.</summary>
    private static IEnumerable<string> Tokens(ParseResult result, Command command)
    {
        foreach (var argument in command.Arguments.Cast<Argument<string>>())
            if (result.GetValue(argument) is { } value) yield return value;
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<bool> flag when result.GetValue(flag):
                    yield return flag.Name;
                    break;
                case Option<string> valued when result.GetValue(valued) is { } value:
                    yield return valued.Name;
                    yield return value;
                    break;
            }
        }
    }

    // Weasel sees two databases in the one PostgreSQL database: Marten's store and Wolverine's message storage. The commands
    // that write one script need to be told which.
    private static Option<string> Database() =>
        Option<string>("--database", "-d", "Which one: marten://store/ (events, streams, projection progress) or wolverine://messages/main (the inbox and outbox).",
            among: ["marten://store/", "wolverine://messages/main"]);

    private static Argument<string> Argument(string name, string description, string? defaultValue = null, string[]? among = null)
    {
        var argument = new Argument<string>(name) { Description = description }.RefusingOptions();
        if (defaultValue is not null)
        {
            argument.Arity = ArgumentArity.ZeroOrOne;
            argument.DefaultValueFactory = _ => defaultValue;
        }
        if (among is not null) argument.AcceptOnlyFromAmong(among);
        return argument;
    }

    private static Option<T> Option<T>(string name, string? alias, string description, string[]? among = null)
    {
        var option = alias is null ? new Option<T>(name) : new Option<T>(name, alias);
        option.Description = description;
        if (among is not null) option.AcceptOnlyFromAmong(among);
        return option;
    }
}
