using Claims.Api.Tests.Support;
using Claims.Cli.Commands;
using Claims.Cli.Database;
using Claims.Cli.Ingestion;
using Claims.Domain.Application;
using Claims.TestKit;

namespace Claims.Api.Tests.Cli;

/// <summary>
/// The `claims` verbs against a real database given in CLAIMS_DB (no other test reads that variable).
/// Checked through exit codes and the database, not through console text.
/// </summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private PostgresDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        Environment.SetEnvironmentVariable(ClaimsDatabase.Setting, _database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(ClaimsDatabase.Setting, null);
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Ingest_then_ledger_contradictions_and_rebuild_work_on_the_database_of_CLAIMS_DB()
    {
        Assert.Equal(0, await CommandLine.RunAsync(["ingest", Repository.Seeds]));
        Assert.Equal(0, await CommandLine.RunAsync(["ingest", Repository.SeedFiles[0]]));   // already ingested: not an error

        await using (var runtime = await ClaimsRuntime.StartAsync(_database.ConnectionString))
        {
            var articles = await runtime.Application.ListArticlesAsync();
            Assert.Equal(5, articles.Count);
            Assert.Contains(articles, a => a is { Outlet: "Atlantico", PublishedOn: { Year: 2015, Month: 10, Day: 8 } });
        }

        Assert.Equal(0, await CommandLine.RunAsync(["ledger", "serguei", "lavrov"]));
        Assert.Equal(1, await CommandLine.RunAsync(["ledger", "Nobody Atall"]));
        Assert.Equal(0, await CommandLine.RunAsync(["contradictions", "--status", "open"]));
        Assert.Equal(2, await CommandLine.RunAsync(["rebuild", "no-such-projection"]));
        Assert.Equal(0, await CommandLine.RunAsync(["rebuild"]));
    }

    [Fact]
    public async Task A_missing_file_fails_the_ingest_and_the_others_still_go_in()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-article-{Guid.NewGuid():N}.txt");
        Assert.Equal(1, await CommandLine.RunAsync(["ingest", missing, Repository.SeedFiles[1]]));
        await using var runtime = await ClaimsRuntime.StartAsync(_database.ConnectionString);
        Assert.Single(await runtime.Application.ListArticlesAsync());
    }

    [Fact]
    public void Seeds_are_found_from_anywhere_inside_the_repository()
    {
        var deep = Path.Combine(Repository.Root, "src", "Claims.Api", "Articles");
        Assert.Equal(Repository.Seeds, SeedsFolder.Find(deep));
        Assert.Equal(Repository.Seeds, SeedsFolder.Find(Repository.Root));
        Assert.Null(SeedsFolder.Find(Path.GetTempPath()));
    }
}
