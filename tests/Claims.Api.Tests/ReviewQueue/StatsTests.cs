using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.ReviewQueue;

/// <summary>GET /review/stats against figures counted by hand on the four seed contradictions. A database of its own.</summary>
public sealed class StatsTests(SeededApi api) : IClassFixture<SeededApi>
{
    [Fact]
    public async Task The_team_figures_are_those_counted_by_hand()
    {
        using var alice = api.Client(SeededApi.ReviewKey);
        using var bob = api.Client(SeededApi.SecondReviewKey);
        var ids = (await alice.GetJsonAsync("/contradictions?limit=1000")).AsArray().Select(c => c.Str("id")).ToList();
        Assert.Equal(4, ids.Count);

        var before = await alice.GetJsonAsync("/review/stats");
        Assert.Equal(4, (int)before["open"]!);
        Assert.Equal(0, (int)before["assigned"]!);
        Assert.Null(before["medianHoursToFirstVerdict"]);

        await Ok(alice.PostJsonAsync($"/contradictions/{ids[0]}/assignment", new JsonObject()));
        await Ok(bob.PostJsonAsync($"/contradictions/{ids[1]}/assignment", new JsonObject()));
        await Ok(bob.PostJsonAsync($"/contradictions/{ids[2]}/assignment", new JsonObject()));
        await Ok(alice.PostJsonAsync($"/contradictions/{ids[2]}/verdicts", new JsonObject { ["verdict"] = "dismissed" }));
        await Ok(bob.PostJsonAsync($"/contradictions/{ids[3]}/verdicts", new JsonObject { ["verdict"] = "needs-evidence" }));
        await Ok(bob.PostJsonAsync($"/contradictions/{ids[3]}/verdicts", new JsonObject { ["verdict"] = "confirmed" }));

        var stats = await alice.GetJsonAsync("/review/stats");
        Assert.Equal(2, (int)stats["open"]!);              // ids[0], ids[1]
        Assert.Equal(2, (int)stats["assigned"]!);          // ids[2] is held by bob but decided: out of the queue
        Assert.Equal(0, (int)stats["reopened"]!);
        Assert.Equal(3, (int)stats["verdictsLast7Days"]!);
        // The seeds were ingested moments before the verdicts.
        var median = (double)stats["medianHoursToFirstVerdict"]!;
        Assert.InRange(median, 0, 1);
        var reviewers = stats["reviewers"]!.AsArray().ToDictionary(r => r.Str("reviewer"), r => ((int)r!["assigned"]!, (int)r["decided"]!));
        Assert.Equal((1, 1), reviewers["alice"]);
        Assert.Equal((1, 2), reviewers["bob"]);
    }

    private static async Task Ok(Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> call)
    {
        var (status, body, _) = await call;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, body?.ToJsonString());
    }
}
