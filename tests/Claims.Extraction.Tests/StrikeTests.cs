using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Strike reports on snippets written for these tests: counts in words, weekday dates, gazetteer variants, negation.</summary>
public sealed class StrikeTests
{
    private static readonly DateOnly Thursday = new(2015, 10, 8);

    [Fact]
    public void Counts_in_words_and_approximate_counts()
    {
        var a = Extract("Trois bombardiers russes ont frappé des positions de l'EI près de Palmyre. Le ministère russe de la Défense a annoncé avoir tiré une vingtaine de missiles sur Raqa.");
        Assert.Equal(2, a.Strikes.Count);
        Assert.Equal(3, a.Strikes[0].Counts["aircraft"]);
        Assert.Equal("Palmyre", Assert.Single(a.Strikes[0].Locations).Name);
        Assert.Equal(20, a.Strikes[1].Counts["missiles"]);
        // Named as the article spells it (round 6); the id is the listed place's.
        Assert.Equal("Raqa", Assert.Single(a.Strikes[1].Locations).Name);
        Assert.Equal("raqqa-ville", Assert.Single(a.Strikes[1].Locations).Id);
        Assert.Equal("Ministère russe de la Défense", a.Strikes[1].ReportedBy?.Name);
        Assert.All(a.Strikes, k => Assert.Equal("Russie", k.Perpetrator.Name));
    }

    [Fact]
    public void Weekdays_resolve_against_the_publication_date()
    {
        var a = Extract("Mardi, des avions russes ont bombardé des dépôts d'armes à Idlib, selon l'OSDH.", Thursday);
        var k = Assert.Single(a.Strikes);
        Assert.Equal(new DateOnly(2015, 10, 6), k.Date);
        Assert.Equal("OSDH", k.ReportedBy?.Name);
        Assert.Equal("Idlib", k.Locations.Single().Name);
        Assert.Equal("Idleb", k.Locations.Single().Province);
    }

    [Fact]
    public void Without_a_publication_date_the_weekday_is_kept_but_not_resolved()
    {
        var k = Assert.Single(Extract("Jeudi, l'aviation russe a pilonné des positions rebelles à Latakia.").Strikes);
        Assert.Null(k.Date);
        Assert.Equal("jeudi", k.Weekday);
        Assert.Equal("Latakia", k.Locations.Single().Name);
    }

    [Fact]
    public void Provinces_are_named_as_provinces_including_enumerations()
    {
        var k = Assert.Single(Extract("Moscou a bombardé dix cibles dans les provinces de Hama, d'Idlib et de Deir Ezzor, selon l'armée russe.").Strikes);
        Assert.Equal(["province de Hama", "province d'Idlib", "province de Deir Ezzor"], k.Locations.Select(p => p.Name));
        Assert.Equal(10, k.Counts["targets"]);
    }

    [Fact]
    public void Negated_or_wished_strikes_are_not_reports()
    {
        var a = Extract("Les frappes russes ne visaient pas l'État islamique à Alep, a jugé Ashton Carter. Paris a appelé Moscou à concentrer ses bombardements sur Raqqa.");
        Assert.Empty(a.Strikes);
    }

    [Fact]
    public void A_count_noun_before_a_named_group_yields_the_group_and_the_count_never_a_cut_off_phrase()
    {
        var k = Assert.Single(Extract("Selon l'armée russe, des bombardiers russes ont frappé vendredi 9 positions de l'Etat islamique et trois sites du Front Al-Nosra près de Palmyre.").Strikes);
        Assert.Equal(["Front Al-Nosra", "État islamique"], k.Targets.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(9, k.Counts["targets"]);
        Assert.DoesNotContain(k.Targets, t => t.Name.EndsWith('\'') || t.Name.EndsWith(" de", StringComparison.Ordinal) || t.Name.EndsWith(" du", StringComparison.Ordinal));
    }

    [Fact]
    public void A_noun_complement_is_kept_whole_and_never_ends_on_a_preposition_or_an_article()
    {
        var k = Assert.Single(Extract("Des avions russes ont bombardé mardi un dépôt de carburant des groupes terroristes et un camp de combattants de Lattaquié.").Strikes);
        Assert.Contains(k.Targets, t => t.Name == "camp de combattants");
        Assert.Contains(k.Targets, t => t.Name.StartsWith("dépôt", StringComparison.Ordinal) || t.Name == "groupes terroristes");
        Assert.DoesNotContain(k.Targets, t => t.Name.EndsWith('\'') || t.Name.EndsWith(" de", StringComparison.Ordinal) || t.Name.EndsWith(" des", StringComparison.Ordinal));
    }
}
