namespace Claims.Cli.Commands;

/// <summary>The few options of a command: `--name value` or `--name=value`, positional arguments, and the unknown ones (an error).</summary>
public sealed record CliArgs(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Errors, bool Help)
{
    public static CliArgs Parse(string[] args, params string[] optionsWithValue)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        var help = false;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help") { help = true; continue; }
            if (!arg.StartsWith("--", StringComparison.Ordinal)) { positional.Add(arg); continue; }
            var (name, value) = arg.IndexOf('=') is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (!optionsWithValue.Contains(name)) { errors.Add($"unknown option '{name}'"); continue; }
            value ??= i + 1 < args.Length ? args[++i] : null;
            if (value is null) errors.Add($"option '{name}' needs a value");
            else options[name] = value;
        }
        return new CliArgs(positional, options, errors, help);
    }

    public string? this[string option] => Options.GetValueOrDefault(option);

    /// <summary>--help: the usage line on stdout, exit code 0.</summary>
    public static int PrintHelp(string usage)
    {
        Console.WriteLine($"usage: claims {usage}");
        return 0;
    }

    /// <summary>Prints the errors and the usage line; returns the exit code for bad usage.</summary>
    public static async Task<int> UsageAsync(string command, string usage, IEnumerable<string> errors)
    {
        foreach (var error in errors) await Console.Error.WriteLineAsync($"claims {command}: {error}");
        await Console.Error.WriteLineAsync($"usage: claims {usage}");
        return 2;
    }
}
