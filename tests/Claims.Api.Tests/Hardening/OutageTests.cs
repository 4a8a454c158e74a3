using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Auth;
using Claims.Api.Tests.Support;
using Claims.LocalPostgres;

namespace Claims.Api.Tests.Hardening;

/// <summary>
/// PostgreSQL stopped and started again while Claims serves: requests meanwhile get 503 problem+json with Retry-After (not
/// 500), and Claims carries on afterwards without a restart, its daemon included. The cluster is this test's own (a local
/// throwaway cluster), since stopping the shared one would stop every other test class's database.
/// </summary>
public sealed class OutageTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;
    private ApiHost _api = null!;
    private static readonly ApiKeyRing Keys = ApiKeyRing.Parse("feeder-key=feeder:ingest");

    public async Task InitializeAsync()
    {
        _cluster = await LocalCluster.StartThrowawayAsync();
        _api = await ApiHost.StartAsync(await _cluster.CreateDatabaseAsync("outage"), Keys);
    }

    [Fact]
    public async Task While_the_database_restarts_requests_get_503_with_Retry_After_and_Claims_recovers_by_itself()
    {
        using var client = _api.Client("feeder-key");
        var (created, body, _) = await client.PostJsonAsync("/articles", Article(0));
        Assert.True(created == HttpStatusCode.Created, body?.ToJsonString());

        await _cluster.StopAsync();
        foreach (var path in new[] { "/contradictions", "/actors", $"/articles/{body.Str("articleId")}" })
        {
            using var read = await client.GetAsync(path);
            AssertUnavailable(read, await Http.ReadAsync(read));
        }
        var (_, refusedBody, refused) = await client.PostJsonAsync("/articles", Article(1));
        AssertUnavailable(refused, refusedBody);
        using (var health = await client.GetAsync("/health"))
            Assert.NotEqual(HttpStatusCode.OK, health.StatusCode);

        await _cluster.StartAgainAsync();
        var (status, second, _) = await client.PostJsonAsync("/articles", Article(1));
        Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, second?.ToJsonString());
        // The daemon resumed where it stopped: the read models take in the article written after the outage.
        await _api.Runtime.Application.WaitForProjectionsAsync(TimeSpan.FromSeconds(90));
        var listed = (await client.GetJsonAsync("/articles")).AsArray().Select(a => a.Str("articleId")).ToList();
        Assert.Contains(body.Str("articleId"), listed);
        Assert.Contains(second.Str("articleId"), listed);
    }

    private static void AssertUnavailable(HttpResponseMessage response, JsonNode? body)
    {
        Http.AssertProblem(response, body, HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
    }

    private static JsonObject Article(int seed) => new() { ["text"] = File.ReadAllText(Repository.SeedFiles[seed]) };

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _cluster.DisposeAsync();
    }
}
