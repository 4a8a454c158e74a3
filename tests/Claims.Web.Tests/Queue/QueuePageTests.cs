using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Claims.Web.Tests.Queue;

/// <summary>The review queue in a real Chromium: priority order with the reasons, claim and release, the filters, two
/// reviewers claiming the same contradiction, and a reopened contradiction with what arrived since its verdict. Expected
/// values come from the JSON API of the same server.</summary>
public sealed class QueuePageTests(TeamSite site) : IClassFixture<TeamSite>
{
    [Fact]
    public async Task The_queue_lists_open_contradictions_in_priority_order_with_their_reasons()
    {
        var queue = (await site.GetJsonAsync("/contradictions?status=open,reopened&sort=priority&limit=200")).AsArray();
        Assert.NotEmpty(queue);
        await using var tab = await site.OpenAsync("#/queue", apiKey: TeamSite.AliceKey);

        var items = tab.Page.Locator("ol.queue > li > article");
        await Expect(items).ToHaveCountAsync(queue.Count);
        for (var i = 0; i < queue.Count; i++)
        {
            var item = items.Nth(i);
            await Expect(item).ToHaveAttributeAsync("data-id", (string)queue[i]!["id"]!);
            await Expect(item.Locator(".reasons > li")).ToHaveTextAsync(queue[i]!["reasons"]!.AsArray().Select(r => (string)r!).ToArray());
        }
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_queue_longer_than_its_page_says_it_shows_the_first_ones_only()
    {
        var queue = (await site.GetJsonAsync("/contradictions?status=open,reopened&sort=priority&limit=200")).AsArray();
        Assert.True(queue.Count > 1, "the queue needs more than one contradiction");
        await using var tab = await site.OpenAsync(apiKey: TeamSite.AliceKey);
        // The page asks for one contradiction at a time: the server's own paging then says there are more.
        await tab.Page.RouteAsync(url => new Uri(url).AbsolutePath == "/contradictions",
            route => route.ContinueAsync(new() { Url = route.Request.Url.Replace("limit=200", "limit=1") }));
        await tab.Page.GotoAsync("/#/queue");

        await Expect(tab.Page.Locator("ol.queue > li > article")).ToHaveCountAsync(1);
        await Expect(tab.Page.Locator("ol.queue article").First).ToHaveAttributeAsync("data-id", (string)queue[0]!["id"]!);
        await Expect(tab.Page.Locator("p.count")).ToContainTextAsync("en tête de file (la file continue au-delà)");
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task A_reviewer_claims_sees_it_under_mine_and_releases_it_back_to_the_unassigned()
    {
        await using var tab = await site.OpenAsync("#/queue", apiKey: TeamSite.AliceKey);
        var first = tab.Page.Locator("ol.queue article[data-assignee='']").First;
        var id = await first.GetAttributeAsync("data-id");
        await first.GetByRole(AriaRole.Button, new() { Name = "Prendre" }).ClickAsync();
        var item = tab.Page.Locator($"article[data-id='{id}']");
        await Expect(item).ToHaveAttributeAsync("data-assignee", "alice");
        await Expect(item.Locator(".assignee")).ToHaveTextAsync("vous");
        Assert.Equal("alice", (string?)(await site.GetJsonAsync($"/contradictions/{id}"))["assignee"]);

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Les miennes" }).ClickAsync();
        await Expect(tab.Page.Locator("ol.queue article")).ToHaveCountAsync(1);
        await Expect(tab.Page.Locator("ol.queue article")).ToHaveAttributeAsync("data-id", id!);

        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Rendre" }).ClickAsync();
        await Expect(tab.Page.Locator("ol.queue article")).ToHaveCountAsync(0);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Non attribuées" }).ClickAsync();
        await Expect(tab.Page.Locator($"article[data-id='{id}']")).ToHaveAttributeAsync("data-assignee", "");
        Assert.Null((await site.GetJsonAsync($"/contradictions/{id}"))["assignee"]);
        tab.AssertNoErrors();
    }

    [Fact]
    public async Task Two_reviewers_claiming_the_same_contradiction_one_gets_it_and_the_other_is_told_who()
    {
        await using var alice = await site.OpenAsync("#/queue?filter=unassigned", apiKey: TeamSite.AliceKey);
        await using var bob = await site.OpenAsync("#/queue?filter=unassigned", apiKey: TeamSite.BobKey);
        var id = await alice.Page.Locator("ol.queue article").Last.GetAttributeAsync("data-id");
        var claimAlice = alice.Page.Locator($"article[data-id='{id}']").GetByRole(AriaRole.Button, new() { Name = "Prendre" });
        var claimBob = bob.Page.Locator($"article[data-id='{id}']").GetByRole(AriaRole.Button, new() { Name = "Prendre" });
        await Expect(claimBob).ToBeVisibleAsync();

        // Both click at once; each page's claim is answered (the server waits for its read models before it answers).
        static bool IsClaim(IResponse r) => r.Url.EndsWith("/assignment", StringComparison.Ordinal) && r.Request.Method == "POST";
        await Task.WhenAll(alice.Page.RunAndWaitForResponseAsync(() => claimAlice.ClickAsync(), IsClaim),
            bob.Page.RunAndWaitForResponseAsync(() => claimBob.ClickAsync(), IsClaim));

        var winner = (string)(await site.GetJsonAsync($"/contradictions/{id}"))["assignee"]!;
        Assert.Contains(winner, new[] { "alice", "bob" });
        var (won, lost) = winner == "alice" ? (alice, bob) : (bob, alice);
        await Expect(lost.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync($"Déjà prise par {winner}.");
        await Expect(won.Page.Locator("main .form-error")).ToBeEmptyAsync();
        // The loser's queue of unassigned ones no longer offers it; the winner's "mine" has it.
        await Expect(lost.Page.Locator($"article[data-id='{id}']")).ToHaveCountAsync(0);
        await won.Page.GetByRole(AriaRole.Button, new() { Name = "Les miennes" }).ClickAsync();
        await Expect(won.Page.Locator($"article[data-id='{id}'] .assignee")).ToHaveTextAsync("vous");

        await won.Page.GetByRole(AriaRole.Button, new() { Name = "Rendre" }).ClickAsync();
        await Expect(won.Page.Locator($"article[data-id='{id}']")).ToHaveCountAsync(0);
        won.AssertNoErrors();
    }

    [Fact]
    public async Task A_reopened_contradiction_carries_a_badge_and_its_new_records_highlighted()
    {
        using var client = site.Client();
        foreach (var c in (await site.GetJsonAsync("/contradictions?status=open&limit=200")).AsArray())
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/contradictions/{(string)c!["id"]!}/verdicts", new { verdict = "confirmed" })).StatusCode);
        // The same reports in another newsroom's articles join the contradictions across articles.
        foreach (var articleId in site.SeedArticleIds)
        {
            var article = await site.GetJsonAsync($"/articles/{articleId}");
            var posted = await client.PostAsJsonAsync("/articles", new { text = (string)article["text"]! + "\n\nMise à jour.", outlet = "Autre Journal", publishedOn = "2015-10-09" });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        }
        await site.Runtime.Application.WaitForProjectionsAsync(TeamSite.ProjectionWait);
        var reopened = (await site.GetJsonAsync("/contradictions?status=reopened&sort=priority")).AsArray();
        Assert.NotEmpty(reopened);

        await using var tab = await site.OpenAsync("#/queue", apiKey: TeamSite.AliceKey);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Rouvertes" }).ClickAsync();
        await Expect(tab.Page.Locator("ol.queue article")).ToHaveCountAsync(reopened.Count);
        var first = reopened[0]!;
        var item = tab.Page.Locator($"article[data-id='{(string)first["id"]!}']");
        await Expect(item.Locator(".reopened-badge")).ToBeVisibleAsync();
        await Expect(item.Locator(".new-record mark")).ToHaveTextAsync(first["newSinceVerdict"]!.AsArray().Select(r => (string)r!["text"]!).ToArray());
        // The heading counts all that joined (the API lists each side's first ones only).
        await Expect(item.Locator(".new-since h3")).ToHaveTextAsync(new Regex($"^{(int)first["newSinceVerdictCount"]!} enregistrements? arrivés? depuis le verdict$"));

        // The contradiction's own page marks the new records among its sides.
        await item.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(tab.Page.Locator(".meta .reopened-badge")).ToBeVisibleAsync();
        var shownNew = first["newSinceVerdict"]!.AsArray().Select(r => $"{(string)r!["articleId"]!}/{(string)r["recordId"]!}")
            .Intersect(first["sides"]!.AsArray().SelectMany(s => s!["records"]!.AsArray()).Select(r => $"{(string)r!["articleId"]!}/{(string)r["recordId"]!}")).ToList();
        await Expect(tab.Page.Locator("li.new-record")).ToHaveCountAsync(shownNew.Count);
        tab.AssertNoErrors();
    }
}
