using System.Text.Json.Nodes;
using Claims.Extraction.Contradictions;
using Claims.Extraction.Json;
using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 5: the development half's dispute misses were about naming the parties (the acronym the article
/// uses, the UN body rather than its mission, the ministry rather than its spokesman), plus a "selon" closing a relative
/// clause and "la source" continuing a described source. Each test quotes a sentence written here for the class.</summary>
public sealed class RoundFiveTests
{
    private static JsonNode Json(ArticleExtraction a) =>
        JsonNode.Parse(ExtractionJson.Serialize(ExtractionJson.ToDocument([a], [])))!["articles"]![0]!;

    [Fact]
    public void A_disputes_and_a_strikes_actors_carry_the_names_the_article_gives_them()
    {
        var a = Extract("Amnesty International (AI) a accusé l'armée nigériane d'avoir tué 30 civils dans un raid aérien sur Rann. "
            + "L'armée a démenti ces accusations.");
        Assert.NotEmpty(a.Disputes);
        var json = Json(a);
        // Every actor written with aliases carries the forms read in this article, as a statement's speaker does.
        foreach (var d in json["disputes"]!.AsArray())
            foreach (var role in new[] { "disputant", "disputedParty" })
                if (d![role]?["aliases"] is JsonArray names)
                    Assert.All(names, n => Assert.Contains((string)n!, a.Text));
        Assert.Contains(json["disputes"]!.AsArray(), d => d!["disputant"]!["aliases"] is JsonArray || d["disputedParty"]?["aliases"] is JsonArray);
    }

    [Fact]
    public void A_demonstrative_claim_noun_points_at_the_owner_named_where_that_noun_was_introduced()
    {
        var a = Extract("Le Niger a rejeté mercredi le rapport d'une enquête de l'ONU sur un raid aérien près de Tillabéri. "
            + "Selon ce rapport, la Mission des Nations unies a recueilli des témoignages sur place, « qui établissent la présence de civils », a déclaré la Minusma. "
            + "Le gouvernement nigérien a de nouveau réfuté jeudi avoir tué des civils et émis des réserves sur cette enquête.");
        var d = a.Disputes.Last();
        Assert.Equal("onu", d.DisputedParty?.Id);
    }

    [Fact]
    public void A_selon_closing_a_relative_clause_governs_that_clause_only()
    {
        var a = Extract("L'armée turque a annoncé lundi n'avoir mené aucune frappe près du village de Kobané, où un dépôt de munitions a explosé selon l'Observatoire syrien des droits de l'homme (OSDH).");
        var osdh = Assert.Single(a.Statements, s => s.Speaker.Id == "osdh");
        Assert.Equal("un dépôt de munitions a explosé", osdh.Text);
        // The announcement stops where the relative clause begins.
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Id != "osdh" && s.Text.Contains("explosé"));
    }

    [Fact]
    public void La_source_continues_the_source_last_described()
    {
        var a = Extract("Une source militaire libanaise a indiqué que deux drones avaient survolé Tyr. "
            + "Selon la source, les drones ont ensuite regagné le territoire israélien.");
        Assert.Equal(2, a.Statements.Count);
        Assert.All(a.Statements, s => Assert.Equal(a.Statements[0].Speaker.Id, s.Speaker.Id));
        Assert.StartsWith("source-", a.Statements[0].Speaker.Id);
    }

    [Fact]
    public void Sources_of_the_opposition_keep_their_description()
    {
        var a = Extract("Selon les médias d'opposition, les raids russes ont visé des dizaines de villages près de Saraqeb.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("médias d'opposition", s.Speaker.Name);
        Assert.Equal(s.Speaker.Id, Assert.Single(a.Strikes).ReportedBy?.Id);
    }

    [Fact]
    public void A_disputed_spokesman_gives_way_to_the_body_he_speaks_for()
    {
        // Named in the article with his title.
        var a = Extract("« Nos frappes ont visé des camps de l'EI près de Raqqa », a déclaré le porte-parole du Pentagone, Peter Cook. "
            + "Le ministère russe des Affaires étrangères a mis en doute ces affirmations.");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("pentagone", d.DisputedParty?.Id);
        // The claim and its denial are still a contradiction: the spokesman's words are the claim.
        var c = ContradictionFinder.Find([a]);
        Assert.Contains(c, x => x.Kind == Contradiction.ClaimAndDenial);
        // Listed as a spokesman in the knowledge base (Igor Konachenkov: the Russian defence ministry).
        var b = Extract("« Nos avions ont détruit trois dépôts de munitions près de Palmyre », a affirmé Igor Konachenkov. "
            + "Washington a démenti ces informations.");
        Assert.Equal("ministere-russe-defense", Assert.Single(b.Disputes).DisputedParty?.Id);
    }

    [Fact]
    public void Inverted_speakers_coordinated_by_ainsi_que_each_get_the_words()
    {
        var a = Extract("Dix civils ont été tués dans des raids sur Talbisseh, ont indiqué jeudi l'agence Sana proche du régime ainsi que des témoins.");
        Assert.Equal(2, a.Statements.Count);
        Assert.Contains(a.Statements, s => s.Speaker.Name == "témoins");
    }

    [Fact]
    public void Un_autre_temoin_is_a_described_speaker()
    {
        var a = Extract("Un autre témoin a fait état de trois personnes tuées dans un raid aérien sur une ferme près de Saraqeb.");
        Assert.Equal("autre témoin", Assert.Single(a.Statements).Speaker.Name);
    }
}
