using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Claims.Cli.Commands;

/// <summary>
/// The `claims` command line on System.CommandLine: Claims' own verbs, and the stack's admin verbs (<see cref="StackCommands"/>)
/// parsed the same way before JasperFx runs them. Every verb has `--help`; bad usage prints the errors and the verb's usage
/// line on stderr and exits <see cref="BadUsage"/>.
/// </summary>
public static class CommandLine
{
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = Create();
        // Serve and the JasperFx verbs stop on Ctrl-C through their own hosts; System.CommandLine must neither catch it
        // nor end the process while they shut down. Exceptions are not turned into a message here either: an unexpected
        // failure keeps its stack trace, as before.
        var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };

        // `claims` alone: the list of commands, as bad usage. `claims help <command>`: that command's help.
        if (args.Length == 0)
        {
            await root.Parse(["--help"]).InvokeAsync(invocation);
            return BadUsage;
        }
        if (args[0] == "help") args = [.. args[1..], "--help"];

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not ClaimsHelpAction)
        {
            var command = parsed.CommandResult.Command;
            var prefix = command == root ? "claims" : $"claims {command.Name}";
            foreach (var e in parsed.Errors) await error.WriteLineAsync($"{prefix}: {e.Message}");
            await error.WriteLineAsync($"usage: {Usage.Of(command)}");
            await error.WriteLineAsync($"Run '{prefix} --help' for more.");
            return BadUsage;
        }
        return await parsed.InvokeAsync(invocation);
    }

    public static Command Create()
    {
        // A command named `claims`, not a RootCommand: that one takes its name from the process (testhost, in the tests).
        var root = new Command("claims", "Claims: an event-sourced claims tracker for fact-checkers (Marten and Wolverine on PostgreSQL).")
        {
            new HelpOption(), new VersionOption(),
        };
        var commands = new List<(Command Command, string? Epilogue)>
        {
            (ServeCommand.Create(), ServeCommand.Settings),
            (IngestCommand.Create(), null),
            (ExtractCommand.Create(), null),
            (LedgerCommand.Create(), null),
            (ContradictionsCommand.Create(), null),
            (RebuildCommand.Create(), null),
        };
        commands.AddRange(StackCommands.Create().Select(c => (c, (string?)StackCommands.Epilogue)));
        foreach (var (command, _) in commands) root.Add(command);

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ClaimsHelpAction((HelpAction)help.Action!,
            commands.Where(c => c.Epilogue is not null).ToDictionary(c => c.Command, c => c.Epilogue!));
        return root;
    }

    /// <summary>The standard help, followed by what a verb adds (serve's settings, where the stack's verbs come from).</summary>
    private sealed class ClaimsHelpAction(HelpAction help, IReadOnlyDictionary<Command, string> epilogues) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = help.Invoke(parseResult);
            if (epilogues.TryGetValue(parseResult.CommandResult.Command, out var epilogue))
                parseResult.InvocationConfiguration.Output.WriteLine(epilogue);
            return code;
        }
    }
}

/// <summary>One usage line of a command, for the error path: `claims contradictions [--status &lt;S&gt;] [--actor &lt;A&gt;]`.</summary>
public static class Usage
{
    public static string Of(Command command)
    {
        if (command.Parents.FirstOrDefault() is null) return "claims <command> [options]   (claims --help lists the commands)";
        var parts = new List<string> { "claims", command.Name };
        foreach (var a in command.Arguments.Where(a => !a.Hidden))
        {
            var label = $"<{a.HelpName ?? a.Name}>" + (a.Arity.MaximumNumberOfValues > 1 ? "..." : "");
            parts.Add(a.Arity.MinimumNumberOfValues == 0 ? $"[{label}]" : label);
        }
        foreach (var o in command.Options.Where(o => !o.Hidden))
            parts.Add(o.ValueType == typeof(bool) ? $"[{o.Name}]" : $"[{o.Name} <{o.HelpName ?? o.Name.TrimStart('-')}>]");
        return string.Join(' ', parts);
    }
}

public static class ArgumentRules
{
    /// <summary>An argument that takes any number of values would also take `--typo` as one (a file or an actor named so);
    /// refused instead, like an unknown option of a command without arguments.</summary>
    public static Argument<T> RefusingOptions<T>(this Argument<T> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-')))
                result.AddError($"Unrecognized option '{token.Value}'.");
        });
        return argument;
    }
}
