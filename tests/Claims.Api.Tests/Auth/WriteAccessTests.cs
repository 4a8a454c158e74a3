using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Auth;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Auth;

/// <summary>Who may write: keys and roles, and with no keys configured, the local machine only, recorded as "local".</summary>
public sealed class WriteAccessTests(SeededApi api) : IClassFixture<SeededApi>
{
    [Fact]
    public async Task Without_configured_keys_a_loopback_client_writes_as_local()
    {
        await using var keyless = await ApiHost.StartAsync(api.Database.ConnectionString, ApiKeyRing.Empty, JasperFx.Events.Daemon.DaemonMode.Disabled);
        using var client = keyless.Client();
        var id = (await client.GetJsonAsync("/contradictions?status=open")).AsArray()[0].Str("id");

        var (status, body, _) = await client.PostJsonAsync($"/contradictions/{id}/verdicts", new JsonObject { ["verdict"] = "needs-evidence" });
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
        Assert.Equal("needs-evidence", body.Str("status"));
        Assert.Equal(ApiKeyRing.LocalOwner, body!["history"]!.AsArray().Last().Str("reviewer"));
    }

    [Fact]
    public async Task Without_configured_keys_a_key_that_is_sent_is_still_refused()
    {
        await using var keyless = await ApiHost.StartAsync(api.Database.ConnectionString, ApiKeyRing.Empty, JasperFx.Events.Daemon.DaemonMode.Disabled);
        using var client = keyless.Client(apiKey: "made-up");
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await client.PostJsonAsync("/articles", new JsonObject { ["text"] = "Lavrov a dit bonjour." });
            Http.AssertProblem(response, problem, HttpStatusCode.Unauthorized);
        });
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    public async Task Ingest_needs_a_known_key(string? key, HttpStatusCode expected)
    {
        using var client = api.Client(key);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await client.PostJsonAsync("/articles", new JsonObject { ["text"] = "Lavrov a dit bonjour." });
            Http.AssertProblem(response, problem, expected);
            Assert.Contains("ApiKey", response.Headers.WwwAuthenticate.ToString());
        });
    }

    [Fact]
    public async Task Reads_need_no_key()
    {
        using var client = api.Client();
        Assert.Equal(5, (await client.GetJsonAsync("/articles")).AsArray().Count);
        Assert.NotEmpty((await client.GetJsonAsync("/contradictions")).AsArray());
    }

    [Fact]
    public async Task The_reviewer_is_the_key_owner()
    {
        using var client = api.Client(SeededApi.ReviewKey);
        var id = (await client.GetJsonAsync("/contradictions?status=open")).AsArray()[0].Str("id");
        var (status, body, _) = await client.PostJsonAsync($"/contradictions/{id}/verdicts", new JsonObject { ["verdict"] = "dismissed", ["note"] = "n" });
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
        Assert.Equal(SeededApi.Reviewer, body!["history"]!.AsArray().Last().Str("reviewer"));
    }
}
