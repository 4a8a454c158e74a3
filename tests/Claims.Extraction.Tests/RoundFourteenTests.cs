using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, session 14: another source's account of the strikes just told, naming what they hit but not where
/// ("les raids avaient visé…", "ces raids ont touché…"), is about the same place; what it says they hit stays its own. A
/// doubt ("aucune preuve que ces frappes visent l'EI") reports no strike; a striker accused by name after a strike told
/// without one ("Les Casques blancs ont accusé l'aviation russe") is its striker; a denied presence ("a démenti toute présence
/// de l'EI à…") disputes the claim that placed the group there. Each test quotes sentences written here.</summary>
public sealed class RoundFourteenTests
{
    private const string Talbisseh = "L'aviation russe a bombardé lundi la ville de Talbisseh, dans la province de Homs, tuant 17 civils dont cinq enfants, selon l'OSDH.";

    [Theory]
    [InlineData("Une source militaire syrienne a indiqué à l'AFP que les raids avaient visé des « repaires terroristes » du Front al-Nosra.")]
    [InlineData("Une source militaire syrienne a indiqué à l'AFP que ces raids avaient visé des « repaires terroristes » du Front al-Nosra.")]
    public void Another_sources_account_of_the_strikes_just_told_names_what_they_hit_at_the_same_place(string account)
    {
        var a = Extract($"Un titre\n\n{Talbisseh}\n\n{account}");
        var retold = Assert.Single(a.Strikes, k => k.ReportedBy?.Name == "source militaire syrienne");
        Assert.Contains(retold.Locations, l => l.Name == "Talbisseh");
        Assert.Contains(retold.Targets, t => t.Name == "Front Al-Nosra");
        // Its targets are its own: the civilians are the OSDH's account.
        Assert.DoesNotContain(retold.Targets, t => t.Name == "civils");
        Assert.Contains(Contradictions.ContradictionFinder.Find([a]), c => c.Kind == Contradictions.Contradiction.DifferentTargets);
    }

    [Fact]
    public void A_doubt_that_the_strikes_hit_a_group_reports_no_strike_and_disputes_the_strikers_claim()
    {
        var a = Extract("Un titre\n\nLe ministère russe de la Défense a affirmé que ses avions avaient détruit 40 positions de l'EI à Raqqa.\n\n"
            + "« Nous n'avons aucune preuve que ces frappes visent l'Etat islamique », a déclaré le porte-parole du département d'Etat, John Kirby.");
        Assert.DoesNotContain(a.Strikes, k => k.ReportedBy?.Name == "John Kirby");
        Assert.Contains(a.Disputes, d => d.Disputant.Name == "John Kirby" && d.DisputedParty?.Name == "Russie");
    }

    [Fact]
    public void A_striker_accused_by_name_after_a_strike_told_without_one_is_its_striker()
    {
        var a = Extract("Un titre\n\nAu moins 30 personnes, dont des enfants, ont été tuées jeudi dans des frappes aériennes sur un marché de Douma, "
            + "près de Damas, selon des secouristes.\n\nLes Casques blancs ont accusé l'aviation russe.");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal("Russie", strike.Perpetrator.Name);
        Assert.Contains(strike.Locations, l => l.Name == "Douma");
    }

    [Fact]
    public void A_denied_presence_of_a_group_disputes_the_claim_that_placed_it_there()
    {
        var a = Extract("Un titre\n\nDes bombardements russes ont frappé dimanche la ville rebelle de Jisr al-Choughour, dans la province d'Idleb, "
            + "ont rapporté des militants.\n\nLe ministère russe de la Défense a indiqué avoir visé un camp d'entraînement de l'EI dans cette région.\n\n"
            + "L'Armée syrienne libre a démenti toute présence de l'EI à Jisr al-Choughour.");
        var denial = Assert.Single(a.Disputes);
        Assert.Equal("Ministère russe de la Défense", denial.DisputedParty?.Name);
    }

    [Fact]
    public void A_general_claim_about_the_strikes_takes_no_place_from_the_strike_told_before()
    {
        var a = Extract($"Un titre\n\n{Talbisseh}\n\nLe Kremlin répète que les frappes russes visent les terroristes de l'Etat islamique.");
        Assert.DoesNotContain(a.Strikes, k => k.ReportedBy?.Name != "OSDH" && k.Locations.Any(l => l.Name == "Talbisseh"));
    }
}
