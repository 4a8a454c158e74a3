using Claims.Cli.Commands;

namespace Claims.Api.Tests.Cli;

/// <summary>
/// What `claims` says before it touches a database: the command list, each command's --help, and bad usage (exit code 2,
/// the error naming what was wrong, the usage line). In-process, with the output captured.
/// </summary>
public sealed class CommandLineUsageTests
{
    private static readonly string[] ClaimsVerbs = ["serve", "ingest", "extract", "ledger", "contradictions", "rebuild"];
    private static readonly string[] StackVerbs = ["projections", "db-apply", "db-assert", "db-patch", "db-dump", "codegen", "describe"];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_command_list_names_Claims_verbs_and_the_stacks()
    {
        var (code, output, _) = await RunAsync("--help");
        Assert.Equal(0, code);
        foreach (var verb in ClaimsVerbs.Concat(StackVerbs))
            Assert.Matches($@"(?m)^\s+{verb}\b", output);
        // Bare `claims` lists them too, as bad usage; `claims help <verb>` is that verb's help.
        var bare = await RunAsync();
        Assert.Equal(2, bare.Code);
        Assert.Contains("ledger", bare.Output);
        var help = await RunAsync("help", "ledger");
        Assert.Equal(0, help.Code);
        Assert.Contains("claims ledger", help.Output);
    }

    [Theory]
    [InlineData("serve", "--urls", "CLAIMS_DB", "CLAIMS_API_KEYS")]
    [InlineData("ingest", "<file|folder>")]
    [InlineData("extract", "<file|folder>", "--json")]
    [InlineData("ledger", "<actor>")]
    [InlineData("contradictions", "--status", "--actor", "needs-evidence")]
    [InlineData("rebuild", "ledger", "contradictions", "strikes")]
    [InlineData("projections", "status", "list", "rebuild", "--projection", "--shard-timeout", "CLAIMS_DB")]
    [InlineData("db-apply", "CLAIMS_DB")]
    [InlineData("db-assert", "CLAIMS_DB")]
    [InlineData("db-patch", "<file>", "--database", "--transactional-script")]
    [InlineData("db-dump", "<path>", "--database", "--by-feature", "--transactional-script")]
    [InlineData("codegen", "preview", "write", "--type")]
    [InlineData("describe", "--file", "--title", "--list")]
    public async Task Help_of_every_command_shows_its_usage_and_options(string verb, params string[] shown)
    {
        var (code, output, error) = await RunAsync(verb, "--help");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains($"claims {verb}", output);
        foreach (var text in shown) Assert.Contains(text, output);
    }

    public static TheoryData<string> AllVerbs => new(ClaimsVerbs.Concat(StackVerbs));

    [Theory]
    [MemberData(nameof(AllVerbs))]
    public async Task An_unknown_option_exits_2_naming_it_with_the_usage_line(string verb)
    {
        var (code, output, error) = await RunAsync(verb, "--no-such-option");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains($"claims {verb}: ", error);
        Assert.Contains("'--no-such-option'", error);
        Assert.Contains($"usage: claims {verb}", error);
    }

    [Theory]
    [InlineData("no-such-verb")]
    [InlineData("ingest")]                                    // no file
    [InlineData("ledger")]                                    // no actor
    [InlineData("serve", "--port", "80")]
    [InlineData("contradictions", "--colour", "red")]
    [InlineData("rebuild", "no-such-projection")]
    [InlineData("projections", "run")]                        // serve runs the daemon; not offered
    [InlineData("projections", "--advance")]                  // would skip events; not offered
    [InlineData("projections", "rebuild", "--projection", "nope")]
    [InlineData("db-dump", "schema.sql", "--database", "nowhere")]
    [InlineData("codegen", "compile")]
    public async Task Bad_usage_exits_2_before_any_database_is_used(params string[] args)
    {
        // No CLAIMS_DB is needed for these: a command that went on would have to find or provision a database.
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains("usage: claims", error);
    }

    [Fact]
    public void Every_option_of_a_stack_verb_is_one_JasperFx_knows()
    {
        // Claims hands JasperFx the options under their long names; after an upgrade that renamed one, JasperFx would
        // refuse it at run time. Checked here against JasperFx's own description of each command.
        var factory = new JasperFx.CommandLine.CommandFactory();
        foreach (var type in (Type[])[typeof(JasperFx.Events.CommandLine.ProjectionsCommand), typeof(Weasel.CommandLine.ApplyCommand),
                     typeof(Weasel.Core.CommandLine.AssertCommand), typeof(Weasel.Core.CommandLine.PatchCommand), typeof(Weasel.Core.CommandLine.DumpCommand),
                     typeof(JasperFx.CodeGeneration.Commands.GenerateCodeCommand), typeof(JasperFx.CommandLine.Descriptions.DescribeCommand)])
            factory.RegisterCommand(type);

        var verbs = CommandLine.Create().Subcommands.Where(c => StackVerbs.Contains(c.Name)).ToList();
        Assert.Equal(StackVerbs.Order(), verbs.Select(v => v.Name).Order());
        foreach (var verb in verbs)
        {
            var flags = factory.Build(verb.Name).Usages.Flags.Select(f => f.ToUsageDescription()).ToList();
            foreach (var option in verb.Options)
                Assert.True(flags.Any(f => f.Contains(option.Name + " ", StringComparison.Ordinal) || f.Contains(option.Name + "]", StringComparison.Ordinal)),
                    $"{verb.Name} {option.Name} is not among JasperFx's flags: {string.Join(" ", flags)}");
        }
    }
}
