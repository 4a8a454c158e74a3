using Claims.Cli.Commands;

// The `claims` executable: one verb per capability. Each command lives in Commands/ and returns the process exit code.
return await CommandLine.RunAsync(args);
