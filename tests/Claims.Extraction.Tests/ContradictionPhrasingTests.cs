using System.Text;
using Claims.Extraction.Contradictions;

namespace Claims.Extraction.Tests;

/// <summary>Contradictions are worded in French for the fact-checkers (Data/phrasing.json), with French articles,
/// contractions and elisions; their ids do not depend on the wording.</summary>
public sealed class ContradictionPhrasingTests
{
    private static readonly ActorRef Russia = new("russie", "Russie");
    private static readonly ActorRef UnitedStates = new("etats-unis", "États-Unis");
    private static readonly ActorRef Ministry = new("ministere-russe-defense", "Ministère russe de la Défense");
    private static readonly ActorRef Osdh = new("osdh", "OSDH");

    private static Strike StrikeAt(string id, ActorRef striker, PlaceRef[] places, string stance, ActorRef? reporter, Dictionary<string, int>? counts = null) =>
        new(id, striker, reporter, places, [], null, null, counts ?? new Dictionary<string, int>(), "", new Span(0, 1))
        { Stance = stance.Length == 0 ? null : new TargetStance(striker, stance, reporter?.Id == Ministry.Id), Weekday = "jeudi" };

    private static readonly PlaceRef[] SeaAndTown = [new("mer-caspienne", "mer Caspienne", null), new("saraqeb", "Saraqeb", "Idleb"), new("province-idleb", "province d'Idleb", "Idleb")];

    [Fact]
    public void Different_targets_are_worded_in_french_with_articles_and_elisions()
    {
        var c = Assert.Single(ContradictionFinder.Find(new List<ArticleRecord>
        {
            new("a-1", null, StrikeAt("k1", Russia, SeaAndTown, TargetStance.Jihadists, Ministry)),
            new("a-2", null, StrikeAt("k2", Russia, SeaAndTown, TargetStance.Opposition, null)),
        }));
        Assert.Equal("Ce qu'ont touché les frappes de la Russie sur la mer Caspienne, Saraqeb et la province d'Idleb", c.About);
        Assert.Equal("L'article : les frappes de la Russie visent des groupes rebelles ou d'opposition (pas seulement, ou pas, l'État islamique)", c.Sides[0].Position);
        Assert.Equal("Le ministère russe de la Défense : les frappes de la Russie visent l'État islamique / des groupes « terroristes »", c.Sides[1].Position);
        Assert.DoesNotContain("'s ", c.About + string.Concat(c.Sides.Select(s => s.Position)), StringComparison.Ordinal);
    }

    [Fact]
    public void Plural_strikers_contract_de_les_and_counts_are_named_in_french()
    {
        var c = Assert.Single(ContradictionFinder.Find(new List<ArticleRecord>
        {
            new("a-1", null, StrikeAt("k1", UnitedStates, SeaAndTown, "", Osdh, new() { ["aircraft"] = 4 })),
            new("a-2", null, StrikeAt("k2", UnitedStates, SeaAndTown, "", null, new() { ["aircraft"] = 6 })),
        }));
        Assert.Equal(Contradiction.DifferentNumbers, c.Kind);
        Assert.Equal("Combien d'avions lors des frappes des États-Unis sur la mer Caspienne, Saraqeb et la province d'Idleb", c.About);
        Assert.Contains(c.Sides, s => s.Position == "L'OSDH : 4 avions");
        Assert.Contains(c.Sides, s => s.Position == "L'article : 6 avions");
    }

    [Fact]
    public void The_id_depends_on_the_kind_and_the_records_not_on_the_wording()
    {
        var records = new List<ArticleRecord>
        {
            new("a-1", null, StrikeAt("k1", Russia, SeaAndTown, TargetStance.Jihadists, Ministry)),
            new("a-2", null, StrikeAt("k2", Russia, SeaAndTown, TargetStance.Opposition, null)),
        };
        // The id scheme of the English wording (extractor-2025.2): stored verdicts keep their contradiction.
        var subject = Contradiction.DifferentTargets + "|a-1:k1,a-2:k2";
        var expected = "c-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(subject)), 0, 5).ToLowerInvariant();
        Assert.Equal(expected, Assert.Single(ContradictionFinder.Find(records)).Id);
    }

    [Fact]
    public void A_phrasing_file_missing_a_template_is_rejected_by_name()
    {
        using var json = new MemoryStream(Encoding.UTF8.GetBytes("""
            {"templates": {"side": "{sources} : {position}"}, "units": {}, "actorArticles": {}, "headArticles": {}, "lowercaseHeads": [],
             "placeArticles": {}, "contractions": {}, "elisions": {}, "vowels": "aeiou", "listSeparator": ", ", "listLastSeparator": " et ",
             "distributivePrepositions": []}
            """));
        var e = Assert.Throws<InvalidDataException>(() => FrenchPhrasing.Parse(json));
        Assert.Contains("stanceJihadists", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_slot_that_is_not_given_is_named_in_the_error()
    {
        var e = Assert.Throws<InvalidDataException>(() => FrenchPhrasing.Default.Render("side", ("sources", "l'article")));
        Assert.Contains("{position}", e.Message, StringComparison.Ordinal);
    }
}
