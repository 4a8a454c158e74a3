using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;
using Claims.TestKit;

namespace Claims.Api.Tests.Verdicts;

/// <summary>Reviewers writing at once: the ETag and If-Match of a contradiction and an article, 412 with what stands now, and
/// concurrent verdicts without If-Match all recorded in order. A database of its own (these tests write).</summary>
public sealed class ConcurrentReviewTests(SeededApi api) : IClassFixture<SeededApi>
{
    [Fact]
    public async Task A_verdict_with_a_stale_If_Match_gets_412_with_the_current_history_and_writes_nothing()
    {
        var id = await OpenContradictionAsync();
        using var reviewer = api.Client(SeededApi.ReviewKey);
        var seen = await ETagOfAsync(reviewer, $"/contradictions/{id}");

        var (first, firstBody, _) = await PostVerdictAsync(reviewer, id, "confirmed", "first look", seen);
        Assert.True(first == HttpStatusCode.Created, firstBody?.ToJsonString());

        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (status, body, response) = await PostVerdictAsync(reviewer, id, "dismissed", "on the old page", seen);
            var problem = Http.AssertProblem(response, body, HttpStatusCode.PreconditionFailed);
            Assert.Equal(1, (int)problem["currentVersion"]!);
            Assert.Equal(0, (int)problem["expectedVersion"]!);
            Assert.Equal("first look", problem["current"]!["history"]!.AsArray().Single()!.Str("note"));
        });
        Assert.Equal("\"1\"", await ETagOfAsync(reviewer, $"/contradictions/{id}"));
    }

    [Fact]
    public async Task Concurrent_verdicts_without_If_Match_are_all_recorded_and_the_last_answer_shows_them_all()
    {
        var id = await OpenContradictionAsync();
        using var a = api.Client(SeededApi.ReviewKey);
        using var b = api.Client(SeededApi.ReviewKey);
        var answers = await Task.WhenAll(PostVerdictAsync(a, id, "confirmed", "reviewer a", null), PostVerdictAsync(b, id, "dismissed", "reviewer b", null));
        Assert.All(answers, r => Assert.True(r.Status == HttpStatusCode.Created, r.Body?.ToJsonString()));
        // Each answer shows the history up to its own verdict; the longer one shows both.
        var histories = answers.Select(r => r.Body!["history"]!.AsArray().Select(v => v.Str("note")).ToList()).OrderBy(h => h.Count).ToList();
        Assert.Equal(["reviewer a", "reviewer b"], histories[^1].Order());
        Assert.Contains(histories[0].Single(), new[] { "reviewer a", "reviewer b" });

        await api.WaitForProjectionsAsync();
        var stored = await a.GetJsonAsync($"/contradictions/{id}");
        Assert.Equal(histories[^1], stored["history"]!.AsArray().Select(v => v.Str("note")).ToList());
    }

    [Fact]
    public async Task A_correction_with_a_stale_If_Match_gets_412_with_the_article_as_it_stands()
    {
        using var reviewer = api.Client(SeededApi.ReviewKey);
        var articleId = api.Seeds[2].ArticleId;
        var seen = await ETagOfAsync(reviewer, $"/articles/{articleId}");
        var article = await reviewer.GetJsonAsync($"/articles/{articleId}");
        var records = article["records"]!.AsArray().Where(r => r.Str("status") == "active").Select(r => r.Str("recordId")).ToList();

        var (first, firstBody, _) = await reviewer.PostJsonAsync(CorrectionPath(articleId, records[0]), new JsonObject { ["kind"] = "not-a-claim" }, seen);
        Assert.True(first == HttpStatusCode.Created, firstBody?.ToJsonString());
        var (status, body, response) = await reviewer.PostJsonAsync(CorrectionPath(articleId, records[1]), new JsonObject { ["kind"] = "not-a-claim" }, seen);
        var problem = Http.AssertProblem(response, body, HttpStatusCode.PreconditionFailed);
        Assert.Equal(articleId, problem["current"].Str("articleId"));
        Assert.Equal("retracted", problem["current"]!["records"]!.AsArray().Single(r => r.Str("recordId") == records[0]).Str("status"));
        Assert.Equal("active", problem["current"]!["records"]!.AsArray().Single(r => r.Str("recordId") == records[1]).Str("status"));
    }

    [Fact]
    public async Task Verdicts_given_and_decided_through_the_test_kit_show_over_HTTP_with_their_ETag()
    {
        var id = await OpenContradictionAsync();
        var at = new DateTimeOffset(2015, 10, 12, 9, 0, 0, TimeSpan.Zero);
        var earlier = new Domain.Events.ContradictionVerdictRecorded(id, "needs-evidence", "ask the ministry", "bob", at);
        await api.Runtime.Scenario()
            .Given(Domain.Contradictions.ContradictionStreams.Prefix + id, earlier)
            .When(new Domain.Contradictions.RecordVerdict(id, "confirmed", "the ministry answered", "alice", at.AddHours(2)))
            .ThenAsync(new Domain.Events.ContradictionVerdictRecorded(id, "confirmed", "the ministry answered", "alice", at.AddHours(2)));

        await api.WaitForProjectionsAsync();
        using var client = api.Client();
        using var response = await client.GetAsync($"/contradictions/{id}");
        var body = (await Http.ReadAsync(response))!;
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
        Assert.Equal("confirmed", body.Str("status"));
        Assert.Equal(["ask the ministry", "the ministry answered"], body["history"]!.AsArray().Select(v => v.Str("note")));
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"one\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task An_If_Match_that_is_not_one_of_our_tags_is_refused_naming_the_header(string ifMatch)
    {
        var id = await OpenContradictionAsync(exclusive: false);
        using var reviewer = api.Client(SeededApi.ReviewKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, body, response) = await PostVerdictAsync(reviewer, id, "confirmed", null, ifMatch);
            var problem = Http.AssertProblem(response, body, HttpStatusCode.BadRequest);
            Assert.Equal("If-Match", problem.Str("field"));
        });
    }

    private static string CorrectionPath(string articleId, string recordId) => $"/articles/{articleId}/records/{recordId}/corrections";

    private static async Task<string> ETagOfAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"{path} has no ETag");
    }

    private static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostVerdictAsync(HttpClient client, string id, string verdict, string? note, string? ifMatch) =>
        client.PostJsonAsync($"/contradictions/{id}/verdicts", new JsonObject { ["verdict"] = verdict, ["note"] = note }, ifMatch);

    /// <summary>Tests of this class share the database: one that writes takes a contradiction no other test writes to.</summary>
    private async Task<string> OpenContradictionAsync(bool exclusive = true)
    {
        using var client = api.Client();
        var open = (await client.GetJsonAsync("/contradictions?status=open")).AsArray().Select(c => c.Str("id")).ToList();
        lock (Taken) return exclusive ? open.First(Taken.Add) : open[0];
    }

    private static readonly HashSet<string> Taken = [];
}
