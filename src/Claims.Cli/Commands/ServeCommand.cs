using System.CommandLine;
using Claims.Api.Hosting;
using Claims.Cli.Database;
using Claims.Cli.Hosting;
using Claims.Cli.Ingestion;
using Claims.Domain.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Claims.Cli.Commands;

/// <summary>`claims serve [--urls http://127.0.0.1:5080]`: on an empty database ingests seeds/ first, then serves the HTTP API until Ctrl-C.</summary>
public static class ServeCommand
{
    /// <summary>Printed after serve's --help: what it reads from the environment.</summary>
    public const string Settings = """
        Settings (environment):
          CLAIMS_DB        PostgreSQL connection string; unset: a local PostgreSQL under the user's data folder, reused next time.
          CLAIMS_RABBITMQ_ENABLED=true, CLAIMS_RABBITMQ_URI, CLAIMS_RABBITMQ_EXCHANGE, CLAIMS_RABBITMQ_STREAM_QUEUE
                           publish every event to RabbitMQ (off by default; the HTTP feed /events is always on).
          CLAIMS_API_KEYS  who may write: key=owner:role+role;key2=owner2:role   roles: ingest (POST /articles),
                           review (verdicts, corrections). The owner is recorded as the reviewer.
                           Unset: writes are accepted from this machine (loopback) only, recorded as "local".
        Reads need no key. OpenAPI: /openapi/v1.json. Event feed: /events, /events/live (SSE), /events/schemas.
        """;

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { HelpName = "url", Description = "Where to listen, e.g. http://127.0.0.1:5080 (the default); several separated by ';'." };
        var command = new Command("serve", "Serve the HTTP API, the event feed and the review page until Ctrl-C (ingests seeds/ into an empty database first).") { urls };
        command.SetAction(result => RunAsync(result.GetValue(urls)));
        return command;
    }

    private static Task<int> RunAsync(string? urls) =>
        CliRuntime.WithDatabaseAsync("serve", async connectionString =>
        {
            WebApplication host;
            try
            {
                // HotCold: of several `claims serve` on one database, one runs the projections; another takes over when it dies.
                host = ClaimsWebHost.Build(ServeCapabilities.With(new ClaimsWebHostOptions { Urls = urls }), connectionString,
                    new ClaimsRuntimeOptions { Daemon = JasperFx.Events.Daemon.DaemonMode.HotCold });
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"claims serve: {e.Message}");
                return 2;
            }
            await using (host)
            {
                await host.StartAsync();
                await SeedIfEmptyAsync(ClaimsRuntime.Of(host));
                Console.WriteLine($"Claims API listening on {string.Join(", ", host.Urls)} (OpenAPI: /openapi/v1.json). Ctrl-C stops.");
                await host.WaitForShutdownAsync();
            }
            return 0;
        });

    private static async Task SeedIfEmptyAsync(ClaimsRuntime runtime)
    {
        // The log, not a read model: projections may still be catching up at start-up, and the log is one cheap row.
        if (await runtime.Progress.HeadAsync() > 0) return;
        var application = runtime.Application;
        if (SeedsFolder.Find() is not { } seeds)
        {
            await Console.Error.WriteLineAsync("claims serve: the database is empty and no seeds/ folder was found (here or at the repository root); serving an empty database.");
            return;
        }
        Console.WriteLine($"Empty database: ingesting {seeds}.");
        var outcomes = await IngestProgress.RunAsync(application, [seeds]);
        IngestProgress.PrintSummary(outcomes);
    }
}
