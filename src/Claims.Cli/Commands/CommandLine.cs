namespace Claims.Cli.Commands;

/// <summary>Dispatches the first argument to a command. Kept hand-written: the verbs are few and each parses its own options.</summary>
public static class CommandLine
{
    private static readonly Dictionary<string, (string Usage, Func<string[], Task<int>> Run)> Commands = new()
    {
        ["extract"] = ("extract <file|folder>... --json   extract statements, strikes and disputes (no database)", ExtractCommand.RunAsync),
        ["serve"] = (ServeCommand.Usage, ServeCommand.RunAsync),
        ["ingest"] = (IngestCommand.Usage, IngestCommand.RunAsync),
        ["ledger"] = (LedgerCommand.Usage, LedgerCommand.RunAsync),
        ["contradictions"] = (ContradictionsCommand.Usage, ContradictionsCommand.RunAsync),
        ["rebuild"] = (RebuildCommand.Usage, RebuildCommand.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(Console.Out);
            return args.Length == 0 ? 2 : 0;
        }
        if (!Commands.TryGetValue(args[0], out var command))
        {
            Console.Error.WriteLine($"claims: unknown command '{args[0]}'.");
            PrintUsage(Console.Error);
            return 2;
        }
        return await command.Run(args[1..]);
    }

    private static void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("usage: claims <command> [options]");
        foreach (var (_, (usage, _)) in Commands) writer.WriteLine("  " + usage);
    }
}
