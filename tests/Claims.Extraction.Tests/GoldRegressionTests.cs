using System.Text.Json.Nodes;
using Claims.Extraction.Tests.Scoring;
using Xunit.Abstractions;

namespace Claims.Extraction.Tests;

/// <summary>The issue's quality bar on the five seed articles, scored like score.py against the gold file copied into Gold/.</summary>
public sealed class GoldRegressionTests(ITestOutputHelper output)
{
    private static Task<(JsonNode Gold, JsonNode Predicted)> RunAsync() =>
        GoldRun.ExtractAsync(Path.Combine(TestSupport.RepoRoot, "seeds"), "seeds.gold.json");

    [Fact]
    public async Task Seeds_meet_the_issue_thresholds()
    {
        var (gold, predicted) = await RunAsync();
        var report = GoldScorer.Score(gold, predicted);
        output.WriteLine(report.ToString());
        Assert.True(report.MicroF1 >= 0.85, $"micro F1 {report.MicroF1:0.000} < 0.85\n{report}");
        foreach (var kind in report.Kinds) Assert.True(kind.F1 >= 0.75, $"{kind.Kind} F1 {kind.F1:0.00} < 0.75\n{report}");
        Assert.Equal(report.GoldContradictions, report.FoundContradictions);
        Assert.True(report.UsefulPredicted * 2 >= report.PredictedContradictions, $"too many spurious contradictions\n{report}");
    }

    [Fact]
    public async Task Output_has_the_gold_shape()
    {
        var (_, predicted) = await RunAsync();
        var articles = predicted["articles"]!.AsArray();
        Assert.Equal(5, articles.Count);
        foreach (var a in articles)
        {
            foreach (var key in new[] { "file", "outlet", "title", "publishedOn", "statements", "strikes", "disputes", "comments" }) Assert.True(a!.AsObject().ContainsKey(key), key);
            var ids = a!["statements"]!.AsArray().Concat(a["strikes"]!.AsArray()).Concat(a["disputes"]!.AsArray()).Select(r => (string)r!["id"]!).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            foreach (var s in a["statements"]!.AsArray())
            {
                Assert.NotNull(s!["speaker"]!["id"]);
                Assert.Equal(2, s["span"]!.AsArray().Count);
            }
        }
        foreach (var c in predicted["contradictions"]!.AsArray())
            foreach (var side in c!["sides"]!.AsArray())
                foreach (var r in side!["records"]!.AsArray()) Assert.Matches(@"^\d{3}_[0-9a-f]+\.txt:[skd]\d+$", (string)r!);
    }

    [Fact]
    public async Task Contradiction_ids_are_stable_across_runs()
    {
        var (_, first) = await RunAsync();
        var (_, second) = await RunAsync();
        Assert.Equal(first["contradictions"]!.AsArray().Select(c => (string)c!["id"]!), second["contradictions"]!.AsArray().Select(c => (string)c!["id"]!));
    }
}
