using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Contradictions;

/// <summary>Every contradiction the annotator found in the seeds is served by GET /contradictions with both of its sides.</summary>
[Collection(SeededCollection.Name)]
public sealed class GoldContradictionTests(SeededApi api)
{
    public static TheoryData<string> GoldIds => new(Repository.Gold["contradictions"]!.AsArray().Select(c => c.Str("id")));

    [Theory]
    [MemberData(nameof(GoldIds))]
    public async Task The_gold_contradiction_is_served_with_each_side_from_the_expected_articles(string goldId)
    {
        var gold = Repository.Gold["contradictions"]!.AsArray().Single(c => c.Str("id") == goldId)!;
        using var client = api.Client();
        var served = (await client.GetJsonAsync("/contradictions")).AsArray().Select(c => c!).ToList();

        var match = served.FirstOrDefault(c => Matches(gold, c));
        Assert.True(match is not null,
            $"No served contradiction matches {goldId} «{gold.Str("about")}». Served: {string.Join(" | ", served.Select(c => c.Str("about")))}");
        Assert.True(match!["sides"]!.AsArray().Count >= 2);
        // The evidence a side shows is the record as its article serves it: the same words, span and actor.
        foreach (var side in match["sides"]!.AsArray())
        foreach (var record in side!["records"]!.AsArray())
        {
            Assert.False(string.IsNullOrEmpty(record.Str("text")));
            var inArticle = (await client.GetJsonAsync($"/articles/{record.Str("articleId")}"))["records"]!.AsArray()
                .Single(r => r.Str("recordId") == record.Str("recordId"))!;
            Assert.Equal(inArticle.Str("text"), record.Str("text"));
            Assert.Equal(inArticle["span"]!.ToJsonString(), record!["span"]!.ToJsonString());
            Assert.Equal(inArticle["actor"]!.ToJsonString(), record["actor"]!.ToJsonString());
            Assert.Equal(inArticle.Str("type"), record.Str("type"));
        }

        // The same contradiction by id, and the records it names say they take part in it.
        var byId = await client.GetJsonAsync($"/contradictions/{Uri.EscapeDataString(match.Str("id"))}");
        Assert.Equal(match.Str("about"), byId.Str("about"));
        var first = match["sides"]![0]!["records"]![0]!;
        var article = await client.GetJsonAsync($"/articles/{first.Str("articleId")}");
        var record0 = article["records"]!.AsArray().Single(r => r.Str("recordId") == first.Str("recordId"))!;
        Assert.Contains(match.Str("id"), record0["contradictions"]!.AsArray().Select(n => (string)n!));
        // So does the ledger of its actor, with the same list.
        var ledger = await client.GetJsonAsync($"/actors/{Uri.EscapeDataString(first["actor"].Str("id"))}/ledger?limit=1000");
        var entries = new[] { "statements", "strikesReported", "strikesAttributed", "disputesMade", "disputesReceived" }.SelectMany(role => ledger[role]!.AsArray())
            .Where(e => e.Str("articleId") == first.Str("articleId") && e!["record"].Str("recordId") == first.Str("recordId")).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(record0["contradictions"]!.ToJsonString(), e!["record"]!["contradictions"]!.ToJsonString()));
    }

    [Fact]
    public async Task Open_contradictions_are_listed_by_status_and_by_actor()
    {
        using var client = api.Client();
        var open = (await client.GetJsonAsync("/contradictions?status=open")).AsArray();
        Assert.NotEmpty(open);
        Assert.All(open, c => Assert.Equal("open", c.Str("status")));

        var lavrov = (await client.GetJsonAsync("/contradictions?actor=Lavrov")).AsArray();
        Assert.NotEmpty(lavrov);
        Assert.All(lavrov, c => Assert.Contains(c!["sides"]!.AsArray().SelectMany(s => s!["records"]!.AsArray()),
            r => ((string)r!["actor"]!["name"]!).Contains("Lavrov", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Gold sides map onto distinct served sides; a served side matches a gold side when it shares a record with it and holds records
    /// from every article the gold side draws on. Record ids are the seeds' ("003:s7" = article of seed 003, record s7).
    /// </summary>
    private bool Matches(JsonNode gold, JsonNode served)
    {
        var servedSides = served["sides"]!.AsArray()
            .Select(s => s!["records"]!.AsArray().Select(r => (Article: r.Str("articleId"), Record: r.Str("recordId"))).ToHashSet())
            .ToList();
        if (servedSides.Count < 2) return false;
        var goldSides = gold["sides"]!.AsArray()
            .Select(s => s!["records"]!.AsArray().Select(r => (string)r!).Select(r => (Article: api.ArticleIdOf(r[..3]), Record: r[(r.IndexOf(':') + 1)..])).ToHashSet())
            .ToList();
        return Assign(goldSides, servedSides, 0, []);
    }

    private static bool Assign(List<HashSet<(string Article, string Record)>> gold, List<HashSet<(string Article, string Record)>> served, int next, HashSet<int> used)
    {
        if (next == gold.Count) return true;
        for (var i = 0; i < served.Count; i++)
        {
            if (used.Contains(i)) continue;
            var sharesRecord = gold[next].Overlaps(served[i]);
            var coversArticles = gold[next].Select(r => r.Article).ToHashSet().IsSubsetOf(served[i].Select(r => r.Article));
            if (!sharesRecord || !coversArticles) continue;
            used.Add(i);
            if (Assign(gold, served, next + 1, used)) return true;
            used.Remove(i);
        }
        return false;
    }
}
