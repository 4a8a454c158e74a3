using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Claims.Api.Auth;
using Claims.Api.Hosting;
using Claims.Cli.Ingestion;
using Claims.Domain.Application;
using Claims.Feed;
using Claims.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Claims.Web.Tests.Support;

/// <summary>
/// What `claims serve` runs, for one test class: a database of its own, the Claims runtime on it, the real Kestrel host on
/// 127.0.0.1 with the API, the event feed and the review page, and the seeds ingested over HTTP. No API keys are configured,
/// so the browser writes from loopback as "local", as on a fact-checker's laptop.
/// </summary>
public class SeededSite : IAsyncLifetime
{
    public static readonly TimeSpan ProjectionWait = TimeSpan.FromMinutes(1);

    private PostgresDatabase? _database;
    private WebApplication? _host;

    public ClaimsRuntime Runtime { get; private set; } = null!;
    public Uri Address { get; private set; } = null!;
    public IReadOnlyList<string> SeedArticleIds { get; private set; } = [];

    /// <summary>The API keys the server takes; none (loopback writes as "local") unless a fixture names some.</summary>
    protected virtual ApiKeyRing Keys => ApiKeyRing.Empty;

    /// <summary>The key the test's own client writes with (the seeds' ingestion), when <see cref="Keys"/> holds any.</summary>
    protected virtual string? WriterKey => null;

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        if (WriterKey is not null) client.DefaultRequestHeaders.Add(Claims.Api.Auth.ApiKeyAuthenticationHandler.HeaderName, WriterKey);
        return client;
    }

    public virtual async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _host = ClaimsWebHost.Build(new ClaimsWebHostOptions
        {
            Urls = "http://127.0.0.1:0",
            ApiKeys = Keys,
            MinimumLogLevel = LogLevel.Warning,
            ConfigureEndpoints = app =>
            {
                app.MapEventFeed(Claims.Feed.Log.EventLog.Of(ClaimsRuntime.Of(app)));
                app.MapReviewPage();
            },
        }, _database.ConnectionString, new ClaimsRuntimeOptions { Daemon = JasperFx.Events.Daemon.DaemonMode.Solo });
        await _host.StartAsync();
        Runtime = ClaimsRuntime.Of(_host);
        Address = new Uri(_host.Urls.Single());
        using var client = Client();
        SeedArticleIds = await IngestSeedsAsync(client);
        await Runtime.Application.WaitForProjectionsAsync(ProjectionWait);
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }
        if (Runtime is not null) await Runtime.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    /// <summary>GET a JSON document of the API, as the page reads it.</summary>
    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var client = Client();
        return (await client.GetFromJsonAsync<JsonNode>(path))!;
    }

    /// <summary>The seeds with the metadata of seeds/manifest.json, posted as `claims ingest` would.</summary>
    private static async Task<IReadOnlyList<string>> IngestSeedsAsync(HttpClient client)
    {
        var ids = new List<string>();
        var manifests = ArticleFiles.ManifestCache(_ => { });
        var files = ArticleFiles.Expand([Repository.Seeds], []);
        foreach (var file in files)
        {
            var article = await ArticleFiles.ReadAsync(file, manifests);
            var request = article.Request ?? throw new InvalidOperationException(article.Error);
            var body = new JsonObject
            {
                ["text"] = request.Text,
                ["html"] = request.Html,
                ["url"] = request.Url,
                ["outlet"] = request.Outlet,
                ["title"] = request.Title,
                ["publishedOn"] = request.PublishedOn?.ToString("yyyy-MM-dd"),
            };
            using var response = await client.PostAsJsonAsync("/articles", body);
            var answer = await response.Content.ReadFromJsonAsync<JsonNode>();
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{file}: {(int)response.StatusCode} {answer?.ToJsonString()}");
            ids.Add((string)answer!["articleId"]!);
        }
        return ids;
    }
}
