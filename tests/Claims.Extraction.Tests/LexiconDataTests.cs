using System.Text.Json.Nodes;
using Claims.Extraction.Batch;
using Claims.Extraction.Contradictions;
using Claims.Extraction.Knowledge;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: the cue lexicons are data a linguist edits (src/Claims.Extraction/Data/*.json), not code. Adding a
/// contesting verb or a described-speaker head to a copy of the files changes what is extracted, with no rebuild.</summary>
public sealed class LexiconDataTests
{
    /// <summary>Runs <paramref name="check"/> on a copy of the data files where <paramref name="file"/> was edited, then deletes the copy.</summary>
    private static void WithEditedData(string file, Action<JsonNode> edit, Action<string> check)
    {
        var dir = Path.Combine(Path.GetTempPath(), "claims-data-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            foreach (var f in Directory.GetFiles(Path.Combine(TestSupport.RepoRoot, "src", "Claims.Extraction", "Data"), "*.json"))
                File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
            var path = Path.Combine(dir, file);
            var data = JsonNode.Parse(File.ReadAllText(path))!;
            edit(data);
            File.WriteAllText(path, data.ToJsonString());
            check(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_contesting_verb_added_to_the_data_is_a_dispute_cue()
    {
        const string text = "Le ministère des Affaires étrangères a battu en brèche les accusations de l'OTAN selon lesquelles des avions russes auraient visé des civils à Homs.";
        Assert.Empty(TestSupport.Extract(text).Disputes);

        WithEditedData("reporting-verbs.json",
            verbs => verbs["verbs"]!.AsArray().Add(new JsonObject
            {
                ["lemma"] = "battre en brèche", ["participle"] = "battu en brèche", ["forms"] = new JsonArray("bat en brèche", "battent en brèche"),
                ["dispute"] = true, ["complement"] = "object",
            }),
            dir =>
            {
                var edited = new ArticleExtractor(KnowledgeBase.LoadFrom(dir)).Extract(new ArticleInput("snippet.txt", text));
                Assert.Contains(edited.Disputes, d => d.DisputedParty?.Name == "OTAN");
            });
    }

    [Fact]
    public void A_described_speaker_head_added_to_the_data_names_a_speaker()
    {
        const string text = "Selon un pompier, le feu a pris après la frappe sur le dépôt de carburant.";
        Assert.Empty(TestSupport.Extract(text).Statements);

        WithEditedData("open-class.json", data => data["descriptiveSources"]!["heads"]!.AsArray().Add("pompier"), dir =>
        {
            var edited = new ArticleExtractor(KnowledgeBase.LoadFrom(dir)).Extract(new ArticleInput("snippet.txt", text));
            Assert.Equal("pompier", Assert.Single(edited.Statements).Speaker.Name);
        });
    }

    [Fact]
    public void A_judgement_verb_taken_out_of_the_data_no_longer_makes_its_object_a_dispute()
    {
        const string text = "Moscou a annoncé avoir frappé des positions de l'État islamique près de Homs. Le ministère turc des Affaires étrangères dénonce « une opération de propagande ».";
        Assert.NotEmpty(TestSupport.Extract(text).Disputes);

        WithEditedData("dispute-cues.json", data =>
        {
            var verbs = data["judgementVerbs"]!.AsArray();
            verbs.Remove(verbs.Single(v => (string)v! == "dénoncer"));
        }, dir => Assert.Empty(new ArticleExtractor(KnowledgeBase.LoadFrom(dir)).Extract(new ArticleInput("snippet.txt", text)).Disputes));
    }

    // The contradictions of one article extracted, as the CLI does, by a batch over the data files of the folder.
    private static IReadOnlyList<Contradiction> ContradictionsWith(string dataFolder, string text)
    {
        var article = Path.Combine(dataFolder, "article", "snippet.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(article)!);
        File.WriteAllText(article, text);
        var result = new ExtractionBatch(new ArticleExtractor(KnowledgeBase.LoadFrom(dataFolder))).RunAsync([article]).GetAwaiter().GetResult();
        Assert.Single(result.Articles);
        return result.Contradictions;
    }

    [Fact]
    public void A_civilian_target_word_added_to_the_data_makes_two_accounts_of_a_strike_a_contradiction()
    {
        // "un bâtiment" says neither civilians nor fighters: against "des terroristes", no contradiction until the word is civilian.
        const string text = "La Défense civile a annoncé qu'une frappe israélienne avait touché un bâtiment à Rafah. "
            + "L'armée israélienne a affirmé avoir frappé des terroristes du Hamas qui opéraient dans un centre de commandement.";
        Assert.DoesNotContain(ContradictionFinder.Find([TestSupport.Extract(text)]), c => c.Kind == Contradiction.DifferentTargets);

        WithEditedData("strikes.json", data => data["civilianTargetWords"]!.AsArray().Add("batiment"), dir =>
        {
            var c = Assert.Single(ContradictionsWith(dir, text), c => c.Kind == Contradiction.DifferentTargets);
            Assert.Equal(2, c.Sides.Count);
        });
    }

    [Fact]
    public void A_military_target_word_added_to_the_data_makes_a_civilian_account_a_fighters_one()
    {
        const string text = "La Défense civile a annoncé qu'une frappe israélienne avait touché une école abritant des déplacés à Rafah. "
            + "L'armée israélienne a affirmé avoir frappé des terroristes du Hamas qui opéraient dans un centre de commandement.";
        Assert.Contains(ContradictionFinder.Find([TestSupport.Extract(text)]), c => c.Kind == Contradiction.DifferentTargets);

        // A linguist classing "école" as a military target (an odd edit, but one the data must carry): both accounts then say
        // fighters, and nothing contradicts.
        WithEditedData("strikes.json", data => data["militaryTargetWords"]!.AsArray().Add("ecole"),
            dir => Assert.DoesNotContain(ContradictionsWith(dir, text), c => c.Kind == Contradiction.DifferentTargets));
    }
}
