using System.Text.Json.Nodes;
using Claims.Extraction.Batch;
using Claims.Extraction.Json;
using Claims.Extraction.Tests.Scoring;
using Xunit.Abstractions;

namespace Claims.Extraction.Tests.RealText;

/// <summary>Issue #16's development corpus: 72 real French news excerpts of other wars and years than the seeds' month,
/// annotated by GUIDELINES.md before any tuning and split once into a development half (tuned on) and a test half (scored
/// once per change). The manifest checks always run; the scores need the local copy of the texts and are skipped without it.</summary>
public sealed class RealTextTests(ITestOutputHelper output)
{
    [Fact]
    public void Manifest_and_annotations_agree_and_keep_the_split_decided_up_front()
    {
        var excerpts = RealTextCorpus.Excerpts();
        Assert.True(excerpts.Count >= 30, $"only {excerpts.Count} excerpts");
        var gold = new[] { "dev", "test" }.ToDictionary(h => h, h => JsonNode.Parse(File.ReadAllText(RealTextCorpus.DataFile(h + ".gold.json")))!["articles"]!.AsArray()
            .Select(a => (string)a!["file"]!).ToHashSet());
        foreach (var e in excerpts)
        {
            var file = (string)e!["file"]!;
            var half = (string)e["half"]!;
            Assert.Equal(RealTextCorpus.HalfOf(file), half);
            Assert.Contains(file, gold[half]);
            Assert.Matches("^https?://", (string)e["url"]!);
            Assert.Matches("^[0-9a-f]{64}$", (string)e["sha256"]!);
            Assert.False(string.IsNullOrWhiteSpace((string?)e["cut"]), file);
        }
        Assert.Equal(excerpts.Count, gold["dev"].Count + gold["test"].Count);
        Assert.NotEmpty(gold["dev"]);
        Assert.NotEmpty(gold["test"]);
    }

    // Floors a little under the scores reached (round 12, 120 excerpts: dev 0.824, test 0.638; round 11: dev 0.800, test 0.632,
    // the last twelve added after it and not tuned on, and on the 108 before them dev 0.815, test 0.660; round 9, 84 excerpts: dev 0.764, test
    // 0.638; round 6, 72 excerpts: dev 0.829, test 0.633; round 5, 60 excerpts: 0.81 and 0.63; the twelve excerpts added in rounds 4,
    // 6 and 9 had lowered the development half to 0.73, 0.77 and 0.736 before any fix): a regression on unseen text fails.
    [RealTextFact]
    public Task Development_half_holds_its_score() => Check("dev", 0.80);

    [RealTextFact]
    public Task Test_half_holds_its_score() => Check("test", 0.62);

    private async Task Check(string half, double floor)
    {
        var folder = RealTextCorpus.HalfFolder(half);
        try
        {
            var result = await new ExtractionBatch(TestSupport.Extractor).RunAsync([folder]);
            Assert.Empty(result.Errors);
            var predicted = JsonNode.Parse(ExtractionJson.Serialize(ExtractionJson.ToDocument(result.Articles, result.Contradictions)))!;
            var gold = JsonNode.Parse(await File.ReadAllTextAsync(RealTextCorpus.DataFile(half + ".gold.json")))!;
            var report = GoldScorer.Score(gold, predicted);
            output.WriteLine(report.ToString());
            Assert.True(report.MicroF1 >= floor, $"{half} micro F1 {report.MicroF1:0.000} < {floor}\n{report}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
