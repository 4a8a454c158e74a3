using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.ReviewQueue;

/// <summary>The review queue over HTTP on the seeds: priority order with reasons and its paging, assignment (409 naming the
/// holder, force, two claims at once, listing by assignee, release), duplicates and their undo. A database of its own.</summary>
public sealed class QueueTests(SeededApi api) : IClassFixture<SeededApi>
{
    [Fact]
    public async Task Open_contradictions_come_in_descending_priority_with_reasons_and_page_in_that_order()
    {
        using var client = api.Client();
        var queue = (await client.GetJsonAsync("/contradictions?status=open&sort=priority&limit=1000")).AsArray().Select(c => c!).ToList();
        Assert.True(queue.Count >= 2, "the seeds hold several open contradictions");
        var priorities = queue.Select(c => (double)c["priority"]!).ToList();
        Assert.Equal(priorities.OrderByDescending(p => p), priorities);
        Assert.All(queue, c => Assert.NotEmpty(c["reasons"]!.AsArray()));
        Assert.All(queue, c => Assert.Equal("open", c.Str("status")));

        // Page by page through Link: rel="next", the same order.
        var paged = new List<string>();
        var next = "/contradictions?status=open&sort=priority&limit=1";
        while (next is not null)
        {
            var response = await client.GetAsync(next);
            response.EnsureSuccessStatusCode();
            paged.AddRange((await Http.ReadAsync(response))!.AsArray().Select(c => c.Str("id")));
            next = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split(';')[0].Trim('<', '>') : null;
        }
        Assert.Equal(queue.Select(c => c.Str("id")), paged);

        // The default order stays id order.
        var byId = (await client.GetJsonAsync("/contradictions?status=open&limit=1000")).AsArray().Select(c => c.Str("id")).ToList();
        Assert.Equal(byId.Order(StringComparer.Ordinal), byId);
    }

    [Fact]
    public async Task A_sort_that_is_not_id_or_priority_is_refused_naming_it()
    {
        using var client = api.Client();
        var response = await client.GetAsync("/contradictions?sort=loudest");
        var problem = Http.AssertProblem(response, await Http.ReadAsync(response), HttpStatusCode.BadRequest);
        Assert.Equal("sort", problem.Str("field"));
    }

    [Fact]
    public async Task Assigned_to_alice_refuses_bob_with_409_is_listed_under_alice_is_released_then_taken_by_bob()
    {
        var id = await OpenIdAsync(0);
        using var alice = api.Client(SeededApi.ReviewKey);
        using var bob = api.Client(SeededApi.SecondReviewKey);

        var (status, body, _) = await alice.PostJsonAsync($"/contradictions/{id}/assignment", new JsonObject());
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal("alice", body.Str("assignee"));

        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, refused, response) = await bob.PostJsonAsync($"/contradictions/{id}/assignment", new JsonObject());
            var problem = Http.AssertProblem(response, refused, HttpStatusCode.Conflict);
            Assert.Equal("alice", problem.Str("assignee"));
        });

        Assert.Contains(id, (await alice.GetJsonAsync("/contradictions?assignee=alice")).AsArray().Select(c => c.Str("id")));
        Assert.DoesNotContain(id, (await alice.GetJsonAsync("/contradictions?assignee=none&limit=1000")).AsArray().Select(c => c.Str("id")));
        Assert.Equal("alice", (await alice.GetJsonAsync($"/contradictions/{id}")).Str("assignee"));

        var released = await alice.DeleteAsync($"/contradictions/{id}/assignment");
        Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        var unassigned = await alice.GetJsonAsync($"/contradictions/{id}");
        Assert.True(unassigned.AsObject().ContainsKey("assignee"), "assignee is written as null, not left out");
        Assert.Null(unassigned["assignee"]);
        Assert.Contains(id, (await alice.GetJsonAsync("/contradictions?assignee=none&limit=1000")).AsArray().Select(c => c.Str("id")));

        var (taken, byBob, _) = await bob.PostJsonAsync($"/contradictions/{id}/assignment", new JsonObject());
        Assert.True(taken == HttpStatusCode.OK, byBob?.ToJsonString());
        Assert.Equal("bob", byBob.Str("assignee"));
        Assert.Equal([id], (await bob.GetJsonAsync("/contradictions?assignee=bob")).AsArray().Select(c => c.Str("id")));
    }

    [Fact]
    public async Task Force_takes_a_held_contradiction_and_an_assignee_can_be_named()
    {
        var id = await OpenIdAsync(1);
        using var alice = api.Client(SeededApi.ReviewKey);
        using var bob = api.Client(SeededApi.SecondReviewKey);
        var (given, body, _) = await bob.PostJsonAsync($"/contradictions/{id}/assignment", new JsonObject { ["assignee"] = "carol" });
        Assert.True(given == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal("carol", body.Str("assignee"));

        var (forced, forcedBody, _) = await alice.PostJsonAsync($"/contradictions/{id}/assignment", new JsonObject { ["force"] = true });
        Assert.True(forced == HttpStatusCode.OK, forcedBody?.ToJsonString());
        Assert.Equal("alice", forcedBody.Str("assignee"));

        var events = (await alice.GetJsonAsync($"/events?stream=contradiction-{id}"))["events"]!.AsArray();
        var assigned = events.Where(e => e.Str("type") == "ContradictionAssigned").Select(e => e!["data"]!).ToList();
        Assert.Equal(["carol", "alice"], assigned.Select(a => a.Str("assignee")));
        Assert.Equal("carol", assigned[1].Str("replaced"));
        Assert.Equal("bob", assigned[0].Str("assignedBy"));
        await alice.DeleteAsync($"/contradictions/{id}/assignment");
    }

    [Fact]
    public async Task Of_two_reviewers_claiming_the_same_contradiction_at_once_exactly_one_wins()
    {
        var id = await OpenIdAsync(3);
        using var alice = api.Client(SeededApi.ReviewKey);
        using var bob = api.Client(SeededApi.SecondReviewKey);
        var answers = await Task.WhenAll(alice.PostJsonAsync($"/contradictions/{id}/assignment", new JsonObject()),
            bob.PostJsonAsync($"/contradictions/{id}/assignment", new JsonObject()));

        var won = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        var lost = Assert.Single(answers, a => a.Status == HttpStatusCode.Conflict);
        Assert.Equal(won.Body.Str("assignee"), lost.Body.Str("assignee"));
        var events = (await alice.GetJsonAsync($"/events?stream=contradiction-{id}"))["events"]!.AsArray();
        Assert.Single(events, e => e.Str("type") == "ContradictionAssigned");
        await alice.DeleteAsync($"/contradictions/{id}/assignment");
    }

    [Fact]
    public async Task Assignment_needs_the_review_role()
    {
        var id = await OpenIdAsync(0);
        using var feeder = api.Client(SeededApi.IngestKey);
        var (_, body, response) = await feeder.PostJsonAsync($"/contradictions/{id}/assignment", new JsonObject());
        Http.AssertProblem(response, body, HttpStatusCode.Forbidden);
        using var anonymous = api.Client("no-such-key");
        var (_, body2, response2) = await anonymous.PostJsonAsync($"/contradictions/{id}/assignment", new JsonObject());
        Http.AssertProblem(response2, body2, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_duplicate_leaves_the_queue_shows_under_the_other_with_its_records_and_comes_back_when_undone()
    {
        var (id, other) = (await OpenIdAsync(0), await OpenIdAsync(1));
        using var alice = api.Client(SeededApi.ReviewKey);
        var (status, body, _) = await alice.PostJsonAsync($"/contradictions/{id}/duplicate-of", new JsonObject { ["id"] = other });
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        Assert.Equal("duplicate", body.Str("status"));
        Assert.Equal(other, body.Str("duplicateOf"));

        var marked = await alice.GetJsonAsync($"/contradictions/{id}");
        Assert.Equal("duplicate", marked.Str("status"));
        Assert.DoesNotContain(id, (await alice.GetJsonAsync("/contradictions?status=open&sort=priority&limit=1000")).AsArray().Select(c => c.Str("id")));
        var host = await alice.GetJsonAsync($"/contradictions/{other}");
        var shown = Assert.Single(host["duplicates"]!.AsArray())!;
        Assert.Equal(id, shown.Str("id"));
        Assert.Equal(marked["sides"]!.ToJsonString(), shown["sides"]!.ToJsonString());

        // Marked again the same way: nothing new. As a duplicate of a third one: 409 naming the first.
        var third = await OpenIdAsync(2);
        var (again, _, _) = await alice.PostJsonAsync($"/contradictions/{id}/duplicate-of", new JsonObject { ["id"] = other });
        Assert.Equal(HttpStatusCode.OK, again);
        var (_, conflict, response) = await alice.PostJsonAsync($"/contradictions/{id}/duplicate-of", new JsonObject { ["id"] = third });
        Assert.Equal(other, Http.AssertProblem(response, conflict, HttpStatusCode.Conflict).Str("duplicateOf"));
        // A duplicate of a duplicate is refused, naming the one to use.
        var (_, chained, chainedResponse) = await alice.PostJsonAsync($"/contradictions/{third}/duplicate-of", new JsonObject { ["id"] = id });
        Assert.Contains(other, Http.AssertProblem(chainedResponse, chained, HttpStatusCode.BadRequest).Str("detail"));

        var undone = await alice.DeleteAsync($"/contradictions/{id}/duplicate-of");
        Assert.Equal(HttpStatusCode.NoContent, undone.StatusCode);
        Assert.Equal("open", (await alice.GetJsonAsync($"/contradictions/{id}")).Str("status"));
        Assert.Null((await alice.GetJsonAsync($"/contradictions/{other}"))["duplicates"]);
        var types = (await alice.GetJsonAsync($"/events?stream=contradiction-{id}"))["events"]!.AsArray().Select(e => e.Str("type")).ToList();
        Assert.Equal(["ContradictionMarkedDuplicate", "ContradictionDuplicateUndone"], types);
    }

    [Fact]
    public async Task A_contradiction_cannot_duplicate_itself_or_one_that_does_not_exist()
    {
        var id = await OpenIdAsync(0);
        using var alice = api.Client(SeededApi.ReviewKey);
        foreach (var target in new[] { id, "c-0000000000" })
            await Writes.AssertNothingWrittenAsync(api, async () =>
            {
                var (_, body, response) = await alice.PostJsonAsync($"/contradictions/{id}/duplicate-of", new JsonObject { ["id"] = target });
                Assert.Equal("id", Http.AssertProblem(response, body, HttpStatusCode.BadRequest).Str("field"));
            });
    }

    [Theory]
    [InlineData("ContradictionAssigned", "assignee")]
    [InlineData("ContradictionReleased", "releasedBy")]
    [InlineData("ContradictionMarkedDuplicate", "duplicateOf")]
    [InlineData("ContradictionDuplicateUndone", "undoneBy")]
    [InlineData("ContradictionReopened", "newRecords")]
    public async Task The_review_events_are_in_the_feed_schemas(string type, string field)
    {
        using var client = api.Client();
        var index = await client.GetJsonAsync("/events/schemas");
        Assert.Contains(type, index["events"]!.AsArray().Select(e => e.Str("type")));
        var schema = await client.GetJsonAsync($"/events/schemas/{type}.json");
        Assert.NotNull(schema["properties"]?[field]);
    }

    // The n-th contradiction in id order (the seeds hold four); a test leaves what it changed as it found it.
    private async Task<string> OpenIdAsync(int n)
    {
        using var client = api.Client();
        var open = (await client.GetJsonAsync("/contradictions?limit=1000")).AsArray().Select(c => c.Str("id")).ToList();
        Assert.True(open.Count > n, $"the seeds hold {open.Count} contradictions");
        return open[n];
    }
}
