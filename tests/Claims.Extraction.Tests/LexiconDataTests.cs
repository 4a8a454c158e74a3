using System.Text.Json.Nodes;
using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: the cue lexicons are data a linguist edits (src/Claims.Extraction/Data/*.json), not code. Adding a
/// contesting verb or a described-speaker head to a copy of the files changes what is extracted, with no rebuild.</summary>
public sealed class LexiconDataTests
{
    private static string CopyOfData()
    {
        var dir = Path.Combine(Path.GetTempPath(), "claims-data-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(Path.Combine(TestSupport.RepoRoot, "src", "Claims.Extraction", "Data"), "*.json"))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    [Fact]
    public void A_contesting_verb_added_to_the_data_is_a_dispute_cue()
    {
        const string text = "Le ministère des Affaires étrangères a battu en brèche les accusations de l'OTAN selon lesquelles des avions russes auraient visé des civils à Homs.";
        Assert.Empty(TestSupport.Extract(text).Disputes);

        var dir = CopyOfData();
        try
        {
            var path = Path.Combine(dir, "reporting-verbs.json");
            var verbs = JsonNode.Parse(File.ReadAllText(path))!;
            verbs["verbs"]!.AsArray().Add(new JsonObject
            {
                ["lemma"] = "battre en brèche", ["participle"] = "battu en brèche", ["forms"] = new JsonArray("bat en brèche", "battent en brèche"),
                ["dispute"] = true, ["complement"] = "object",
            });
            File.WriteAllText(path, verbs.ToJsonString());
            var edited = new ArticleExtractor(KnowledgeBase.LoadFrom(dir)).Extract(new ArticleInput("snippet.txt", text));
            Assert.Contains(edited.Disputes, d => d.DisputedParty?.Name == "OTAN");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_described_speaker_head_added_to_the_data_names_a_speaker()
    {
        const string text = "Selon un pompier, le feu a pris après la frappe sur le dépôt de carburant.";
        Assert.Empty(TestSupport.Extract(text).Statements);

        var dir = CopyOfData();
        try
        {
            var path = Path.Combine(dir, "open-class.json");
            var data = JsonNode.Parse(File.ReadAllText(path))!;
            data["descriptiveSources"]!["heads"]!.AsArray().Add("pompier");
            File.WriteAllText(path, data.ToJsonString());
            var edited = new ArticleExtractor(KnowledgeBase.LoadFrom(dir)).Extract(new ArticleInput("snippet.txt", text));
            Assert.Equal("pompier", Assert.Single(edited.Statements).Speaker.Name);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
