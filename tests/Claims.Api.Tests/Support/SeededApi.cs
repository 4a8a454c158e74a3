using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Auth;
using Claims.Cli.Ingestion;
using Claims.Domain.Application;
using Claims.TestKit;

namespace Claims.Api.Tests.Support;

/// <summary>One seed's ingestion over HTTP: the file, the status (201/200) and the body.</summary>
public sealed record SeedIngest(string File, HttpStatusCode Status, string ArticleId, int Records);

/// <summary>
/// A database of its own, the Claims runtime on it, the real HTTP host, and the five seeds ingested over HTTP (as an ingest-only client,
/// with the metadata of seeds/manifest.json). Read models are caught up before any test runs.
/// </summary>
public sealed class SeededApi : IAsyncLifetime
{
    public const string IngestKey = "feeder-key-5d1c";
    public const string ReviewKey = "alice-key-93fa=";   // '=' inside a key, as in base64 keys
    public const string IngestOwner = "feeder";
    public const string Reviewer = "alice";
    public const string SecondReviewKey = "bob-key-07c2";
    public const string SecondReviewer = "bob";
    public static readonly ApiKeyRing Keys = ApiKeyRing.Parse($"{IngestKey}={IngestOwner}:ingest; {ReviewKey}={Reviewer}:ingest+review; {SecondReviewKey}={SecondReviewer}:review");
    public static readonly TimeSpan ProjectionWait = TimeSpan.FromMinutes(1);

    private PostgresDatabase? _database;

    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("not initialised");
    public ClaimsRuntime Runtime { get; private set; } = null!;
    public ApiHost Host { get; private set; } = null!;
    public IReadOnlyList<SeedIngest> Seeds { get; private set; } = [];

    /// <summary>The article id of a seed by its 3-digit prefix ("003"), as the gold file names them.</summary>
    public string ArticleIdOf(string prefix) => Seeds.Single(s => Path.GetFileName(s.File).StartsWith(prefix + "_", StringComparison.Ordinal)).ArticleId;

    public HttpClient Client(string? apiKey = null) => Host.Client(apiKey);

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        await StartAsync();
        Seeds = await IngestSeedsAsync(Client(IngestKey));
        await WaitForProjectionsAsync();
    }

    /// <summary>Waits for the read models (a poisoned event would be in Marten's dead letters, not a stuck projection).</summary>
    public Task WaitForProjectionsAsync() => Runtime.Application.WaitForProjectionsAsync(ProjectionWait);

    /// <summary>Stops the host and the runtime, and starts new ones on the same database: what a process restart does.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
        await WaitForProjectionsAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    private async Task StartAsync()
    {
        Host = await ApiHost.StartAsync(Database.ConnectionString, Keys);
        Runtime = Host.Runtime;
    }

    private async Task StopAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }

    public static async Task<IReadOnlyList<SeedIngest>> IngestSeedsAsync(HttpClient client)
    {
        var results = new List<SeedIngest>();
        var manifests = ArticleFiles.ManifestCache(_ => { });
        foreach (var file in Repository.SeedFiles)
        {
            var article = await ArticleFiles.ReadAsync(file, manifests);
            var request = article.Request ?? throw new InvalidOperationException(article.Error);
            var body = new JsonObject
            {
                ["text"] = request.Text,
                ["outlet"] = request.Outlet,
                ["title"] = request.Title,
                ["publishedOn"] = request.PublishedOn?.ToString("yyyy-MM-dd"),
            };
            var (status, response, message) = await client.PostJsonAsync("/articles", body);
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"{file}: {(int)status} {response?.ToJsonString()}");
            results.Add(new SeedIngest(file, status, response.Str("articleId"), (int)response!["records"]!));
            message.Dispose();
        }
        return results;
    }
}

/// <summary>Read-only test classes share one seeded database.</summary>
[CollectionDefinition(Name)]
public sealed class SeededCollection : ICollectionFixture<SeededApi>
{
    public const string Name = "seeded (read-only)";
}
