using Claims.Extraction.Contradictions;

namespace Claims.Extraction.Tests;

/// <summary>The finder is pure and keyed by article key, not by file: the projections will call it with article ids.</summary>
public sealed class ContradictionTests
{
    private static readonly ActorRef Russia = new("russie", "Russie");

    private static Strike StrikeAt(string id, string place, string target, string targetClass, ActorRef? reporter) =>
        new(id, Russia, reporter, [new PlaceRef(place.ToLowerInvariant(), place, "Idleb")], [new ActorRef(target, target)], null, null, new Dictionary<string, int>(), "", new Span(0, 1))
        { Stance = new TargetStance(Russia, targetClass, reporter?.Id == "ministere-russe-defense"), Weekday = "jeudi" };

    [Fact]
    public void Same_strike_said_to_hit_different_targets_is_found_with_its_sides_and_a_stable_id()
    {
        var records = new List<ArticleRecord>
        {
            new("article-1", null, StrikeAt("k1", "Saraqeb", "etat-islamique", TargetStance.Jihadists, new ActorRef("ministere-russe-defense", "Ministère russe de la Défense"))),
            new("article-2", null, StrikeAt("k4", "Saraqeb", "jaich-al-fatah", TargetStance.Opposition, new ActorRef("osdh", "OSDH"))),
        };
        var c = Assert.Single(ContradictionFinder.Find(records));
        Assert.Equal(Contradiction.DifferentTargets, c.Kind);
        Assert.Equal(2, c.Sides.Count);
        Assert.Contains(c.Sides, s => s.Records.Contains(new RecordKey("article-2", "k4")));
        Assert.Equal(c.Id, Assert.Single(ContradictionFinder.Find(records.AsEnumerable().Reverse())).Id);
    }

    [Fact]
    public void A_side_takes_the_statements_that_carry_its_strikes_from_their_own_article_only()
    {
        var ministry = new ActorRef("ministere-russe-defense", "Ministère russe de la Défense");
        var osdh = new ActorRef("osdh", "OSDH");
        static Statement Said(string id, ActorRef speaker) => new(id, speaker, [], "…", Statement.Indirect, new Span(0, 1));
        var records = new List<ArticleRecord>
        {
            new("article-1", null, StrikeAt("k1", "Saraqeb", "etat-islamique", TargetStance.Jihadists, ministry)),
            new("article-1", null, Said("s1", ministry)),  // the reporter's words over the strike's: they carry k1
            new("article-2", null, StrikeAt("k4", "Saraqeb", "jaich-al-fatah", TargetStance.Opposition, osdh)),
            new("article-2", null, Said("s2", ministry)),  // the same speaker at the same place, but in another article than k1
            new("article-2", null, Said("s3", osdh)),      // they carry k4
        };
        var c = Assert.Single(ContradictionFinder.Find(records));
        Assert.Equal([new RecordKey("article-2", "k4"), new RecordKey("article-2", "s3")], c.Sides[0].Records);
        Assert.Equal([new RecordKey("article-1", "k1"), new RecordKey("article-1", "s1")], c.Sides[1].Records);
    }

    [Fact]
    public void Strikes_on_different_days_are_not_the_same_event()
    {
        var a = StrikeAt("k1", "Saraqeb", "etat-islamique", TargetStance.Jihadists, new ActorRef("ministere-russe-defense", "Ministère russe de la Défense"));
        var b = StrikeAt("k2", "Saraqeb", "jaich-al-fatah", TargetStance.Opposition, new ActorRef("osdh", "OSDH")) with { };
        var records = new[] { new ArticleRecord("x", null, a), new ArticleRecord("y", null, b with { Weekday = "mardi" }) };
        Assert.Empty(ContradictionFinder.Find(records));
    }
}
