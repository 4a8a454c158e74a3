using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Verdicts;

/// <summary>A verdict changes a contradiction's status, is recorded under the key's owner, and survives a restart and a rebuild.
/// The tests of this class run in order on one database (xunit runs a class's tests one at a time).</summary>
public sealed class VerdictTests(SeededApi api) : IClassFixture<SeededApi>
{
    [Fact]
    public async Task A_verdict_changes_the_status_and_survives_a_restart_and_a_rebuild()
    {
        var id = await AnOpenContradictionAsync();
        using (var reviewer = api.Client(SeededApi.ReviewKey))
        {
            var (status, body, response) = await reviewer.PostJsonAsync($"/contradictions/{id}/verdicts",
                new JsonObject { ["verdict"] = "confirmed", ["note"] = "Checked against the Pentagon briefing." });
            Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
            Assert.Equal("confirmed", body.Str("status"));
            Assert.Equal($"/contradictions/{id}", response.Headers.Location?.OriginalString);
        }
        await AssertConfirmedAsync(id);

        await api.RestartAsync();
        await AssertConfirmedAsync(id);

        await api.Runtime.RebuildAsync(null);
        await api.WaitForProjectionsAsync();
        await AssertConfirmedAsync(id);
    }

    [Fact]
    public async Task The_claimreview_of_a_judged_record_carries_the_verdict()
    {
        var id = await AnOpenContradictionAsync();
        using var reviewer = api.Client(SeededApi.ReviewKey);
        var (status, body, _) = await reviewer.PostJsonAsync($"/contradictions/{id}/verdicts", new JsonObject { ["verdict"] = "dismissed" });
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
        await api.WaitForProjectionsAsync();

        var record = body!["sides"]![0]!["records"]![0]!;
        using var response = await reviewer.GetAsync($"/records/{record.Str("articleId")}/{record.Str("recordId")}/claimreview");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var review = (await Http.ReadAsync(response))!;
        Assert.Equal("ClaimReview", review.Str("@type"));
        Assert.Contains("schema.org", review.Str("@context"));
        Assert.StartsWith("Not contradicted", review["reviewRating"].Str("alternateName"));
    }

    [Fact]
    public async Task A_verdict_without_the_review_role_gets_403_and_writes_nothing()
    {
        var id = await AnOpenContradictionAsync();
        using var ingestOnly = api.Client(SeededApi.IngestKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await ingestOnly.PostJsonAsync($"/contradictions/{id}/verdicts", new JsonObject { ["verdict"] = "confirmed" });
            Http.AssertProblem(response, problem, HttpStatusCode.Forbidden);
            Assert.Contains("review", problem.Str("detail"));
        });
        Assert.Equal("open", (await api.Client().GetJsonAsync($"/contradictions/{id}")).Str("status"));
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData(null)]
    public async Task A_verdict_with_a_wrong_or_missing_key_gets_401_and_writes_nothing(string? key)
    {
        var id = await AnOpenContradictionAsync();
        using var client = api.Client(key);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await client.PostJsonAsync($"/contradictions/{id}/verdicts", new JsonObject { ["verdict"] = "confirmed" });
            Http.AssertProblem(response, problem, HttpStatusCode.Unauthorized);
            Assert.Contains("X-Api-Key", problem.Str("detail"));
        });
    }

    public static TheoryData<string, string> InvalidVerdicts => new()
    {
        { """{ "verdict": "probably-true" }""", "verdict" },
        { """{ "note": "no verdict" }""", "verdict" },
        { """{ "verdict": 1 }""", "verdict" },
        { """{ "verdict": "confirmed", "reviewer": "mallory" }""", "reviewer" },
    };

    [Theory]
    [MemberData(nameof(InvalidVerdicts))]
    public async Task An_invalid_verdict_gets_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var id = await AnOpenContradictionAsync();
        using var reviewer = api.Client(SeededApi.ReviewKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await reviewer.PostJsonAsync($"/contradictions/{id}/verdicts", body);
            Http.AssertProblem(response, problem, HttpStatusCode.BadRequest);
            Assert.Equal(field, (string?)problem!["field"]);
        });
    }

    [Fact]
    public async Task A_verdict_on_an_unknown_contradiction_is_a_404()
    {
        using var reviewer = api.Client(SeededApi.ReviewKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await reviewer.PostJsonAsync("/contradictions/no-such-contradiction/verdicts", new JsonObject { ["verdict"] = "confirmed" });
            Http.AssertProblem(response, problem, HttpStatusCode.NotFound);
        });
    }

    [Fact]
    public async Task A_correction_is_recorded_under_the_key_owner()
    {
        var article = api.Seeds[0].ArticleId;
        using var reviewer = api.Client(SeededApi.ReviewKey);
        var records = (await reviewer.GetJsonAsync($"/articles/{article}"))["records"]!.AsArray();
        var statement = records.First(r => r.Str("type") == "statement")!;
        var (status, body, _) = await reviewer.PostJsonAsync($"/articles/{article}/records/{statement.Str("recordId")}/corrections",
            new JsonObject { ["kind"] = "not-a-claim", ["note"] = "A question, not an assertion." });
        Assert.True(status == HttpStatusCode.Created, body?.ToJsonString());
        Assert.Equal("retracted", body.Str("status"));

        using var ingestOnly = api.Client(SeededApi.IngestKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await ingestOnly.PostJsonAsync($"/articles/{article}/records/{statement.Str("recordId")}/corrections",
                new JsonObject { ["kind"] = "text", ["text"] = "autre chose" });
            Http.AssertProblem(response, problem, HttpStatusCode.Forbidden);
        });
    }

    private async Task AssertConfirmedAsync(string id)
    {
        using var client = api.Client();
        var contradiction = await client.GetJsonAsync($"/contradictions/{id}");
        Assert.Equal("confirmed", contradiction.Str("status"));
        var verdict = contradiction["history"]!.AsArray().Last()!;
        Assert.Equal("confirmed", verdict.Str("verdict"));
        Assert.Equal(SeededApi.Reviewer, verdict.Str("reviewer"));
        Assert.Equal("Checked against the Pentagon briefing.", verdict.Str("note"));
        Assert.Contains((await client.GetJsonAsync("/contradictions?status=confirmed")).AsArray(), c => c.Str("id") == id);
        Assert.DoesNotContain((await client.GetJsonAsync("/contradictions?status=open")).AsArray(), c => c.Str("id") == id);
    }

    // Read at the time of asking: a contradiction judged by an earlier test is no longer open.
    private async Task<string> AnOpenContradictionAsync()
    {
        using var client = api.Client();
        var open = (await client.GetJsonAsync("/contradictions?status=open")).AsArray();
        Assert.NotEmpty(open);
        return open[0].Str("id");
    }
}
