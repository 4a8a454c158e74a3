using System.Diagnostics;
using System.Text;

namespace Claims.LocalPostgres;

/// <summary>Runs an external program, capturing its output; server programs run as `postgres` when we are root.</summary>
internal static class CommandRunner
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public static Task<Result> RunAsServerUserAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout) =>
        CurrentUser.IsRoot
            ? RunAsync("runuser", ["-u", CurrentUser.PostgresUser, "--", program, .. arguments], timeout)
            : RunAsync(program, arguments, timeout);

    public static async Task<Result> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        // Server messages in English whatever the machine's language, so errors can be read in logs.
        startInfo.Environment["LC_MESSAGES"] = "C";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new Result(127, $"could not run {program}: {e.Message}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            lock (output) return new Result(124, $"{program} timed out after {timeout.TotalSeconds:0}s\n{output}");
        }
        lock (output) return new Result(process.ExitCode, output.ToString());
    }

    public static string Describe(string program, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { program }.Concat(arguments));

    /// <summary>Hands a folder we created to the `postgres` user (as root only); PostgreSQL insists on owning its data.</summary>
    public static async Task GiveToServerUserAsync(string directory)
    {
        if (!CurrentUser.IsRoot) return;
        var result = await RunAsync("chown", ["-R", $"{CurrentUser.PostgresUser}:", directory], TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not give {directory} to the `{CurrentUser.PostgresUser}` user: {result.Output}");
    }
}
