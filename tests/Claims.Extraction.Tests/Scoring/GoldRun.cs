using System.Text.Json.Nodes;
using Claims.Extraction.Batch;
using Claims.Extraction.Json;

namespace Claims.Extraction.Tests.Scoring;

/// <summary>Extracts a folder the way `claims extract --json` does and loads the gold file it is scored against.</summary>
public static class GoldRun
{
    public static async Task<(JsonNode Gold, JsonNode Predicted)> ExtractAsync(string inputFolder, string goldFileName)
    {
        var result = await new ExtractionBatch(TestSupport.Extractor).RunAsync([inputFolder]);
        Assert.Empty(result.Errors);
        var json = ExtractionJson.Serialize(ExtractionJson.ToDocument(result.Articles, result.Contradictions));
        var gold = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Gold", goldFileName)))!;
        return (gold, JsonNode.Parse(json)!);
    }
}
