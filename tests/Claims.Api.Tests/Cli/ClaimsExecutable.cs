using System.Diagnostics;
using Claims.Api.Tests.Support;
using Claims.Cli.Commands;
using Claims.Cli.Database;

namespace Claims.Api.Tests.Cli;

/// <summary>The `claims` executable run as its own process with CLAIMS_DB set: the stack's verbs write through JasperFx and
/// Spectre.Console to the process's console, which only a process of its own lets a test read.</summary>
public sealed class ClaimsExecutable(string connectionString)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public ProcessStartInfo StartInfo(params string[] args)
    {
        // The SDK names the dotnet that runs the tests; `dotnet exec` runs claims.dll with the test project's runtime and
        // dependency files, which hold everything the CLI needs (the tests reference it).
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root,
        };
        var cli = typeof(CommandLine).Assembly.Location;
        var tests = Path.ChangeExtension(typeof(ClaimsExecutable).Assembly.Location, null);
        foreach (var arg in (string[])["exec", "--runtimeconfig", tests + ".runtimeconfig.json", "--depsfile", tests + ".deps.json", cli, .. args])
            info.ArgumentList.Add(arg);
        info.Environment[ClaimsDatabase.Setting] = connectionString;
        return info;
    }

    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"claims {string.Join(' ', args)} did not end within {Timeout}.");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts `claims serve` on a free port, waits until it says it listens (after seeding an empty database), and kills it.</summary>
    public async Task ServeUntilListeningAsync()
    {
        using var process = Process.Start(StartInfo("serve", "--urls", "http://127.0.0.1:0"))!;
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                if (line.StartsWith("Claims API listening on", StringComparison.Ordinal)) return;
            throw new InvalidOperationException($"claims serve ended (exit code {(process.WaitForExit(5000) ? process.ExitCode : -1)}) without listening: {await error}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
