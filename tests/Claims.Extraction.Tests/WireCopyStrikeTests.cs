using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: strike reports of wire copy that were lost or given the wrong striker. A defence ministry's
/// claim to have destroyed military sites, in a paragraph of its own after one about the air war, reports its own
/// strikes; a state telling where projectiles fell does not become their striker; a strike told by two sources at once
/// is a record for each; a government speaking of the story's strikes is not their striker; an ambassador's posting is
/// no place struck; unidentified aircraft are nobody's; a group said not to be hit is no target; "les aviations
/// syrienne et russe" are two strikers. Each test quotes sentences written here.</summary>
public sealed class WireCopyStrikeTests
{
    private const string AirWar = "L'aviation russe poursuit depuis une semaine sa campagne aérienne dans le pays, au côté du régime.";

    [Fact]
    public void A_ministry_claiming_destroyed_sites_in_a_paragraph_of_its_own_after_the_air_war_reports_a_strike()
    {
        var a = Extract($"Un titre\n\n{AirWar}\n\nLe ministère russe de la Défense a affirmé avoir détruit un centre de commandement de l'EI près de Raqa.");
        var strike = Assert.Single(a.Strikes, k => k.Locations.Any(l => l.Name == "Raqa"));
        Assert.Equal("Russie", strike.Perpetrator.Name);
        Assert.Equal("Ministère russe de la Défense", strike.ReportedBy?.Name);
        Assert.Contains(strike.Targets, t => t.Name == "État islamique");
    }

    [Fact]
    public void Sites_destroyed_with_no_air_war_in_the_paragraphs_around_are_no_strike()
    {
        // Destroying is a strike only when aircraft or missiles do it: an army on the ground destroys too.
        var a = Extract($"Un titre\n\n{Lead}\n\nL'armée syrienne a affirmé avoir détruit des positions rebelles près de Hama.\n\n{Lead}");
        Assert.Empty(a.Strikes);
    }

    [Fact]
    public void Missiles_a_state_saw_fall_are_the_strikers_who_fired_them()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLa Russie a tiré mercredi 26 missiles de croisière depuis la mer Caspienne.\n\n"
            + "Selon le Pentagone, quatre missiles se sont écrasés en Iran.");
        var fell = Assert.Single(a.Strikes, k => k.Locations.Any(l => l.Name == "Iran"));
        Assert.Equal("Russie", fell.Perpetrator.Name);
        Assert.Equal("Pentagone", fell.ReportedBy?.Name);
        Assert.DoesNotContain(a.Strikes, k => k.Perpetrator.Name == "États-Unis");
    }

    [Fact]
    public void Missiles_that_fell_with_no_striker_anywhere_are_nobodys_strike()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nSelon le Pentagone, quatre missiles se sont écrasés en Iran.");
        Assert.DoesNotContain(a.Strikes, k => k.Perpetrator.Name == "États-Unis");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Pentagone");
    }

    [Fact]
    public void One_strike_told_by_two_sources_in_one_sentence_is_a_record_for_each()
    {
        // GUIDELINES.md: the same strike told by two sources is two records.
        var a = Extract($"Un titre\n\n{Lead}\n\nDes avions russes ont frappé un hôpital à Sarmine, ont indiqué l'OSDH et des secouristes.");
        Assert.Equal(["OSDH", "secouristes"], a.Strikes.Select(k => k.ReportedBy?.Name).Order());
        Assert.All(a.Strikes, k => Assert.Equal("Russie", k.Perpetrator.Name));
        var b = Extract($"Un titre\n\n{Lead}\n\nSelon l'OSDH et des militants locaux, des raids russes ont touché un marché à Maaret al-Noomane.");
        Assert.Equal(2, b.Strikes.Count);
        // One source telling it alone is one record.
        Assert.Single(Extract($"Un titre\n\n{Lead}\n\nDes avions russes ont frappé un hôpital à Sarmine, a indiqué l'OSDH.").Strikes);
    }

    [Fact]
    public void A_government_speaking_of_the_storys_strikes_is_neither_their_striker_nor_on_the_strikers_side()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLa Russie a bombardé mercredi des positions rebelles près de Hama.\n\n"
            + "« Plus de 90 % des frappes que nous avons observées ne visaient pas l'EI », a déclaré le département d'Etat américain.");
        Assert.All(a.Strikes, k => Assert.Equal("Russie", k.Perpetrator.Name));
        // Its words are a stance against Russia's account, not a denial of its own side's.
        Assert.Contains(a.Disputes, d => d.Disputant.Name == "Département d'État" && d.DisputedParty?.Name == "Russie");
        // With no other striker in the story, a government's own forces strike.
        var own = Extract($"Un titre\n\n{Lead}\n\nDes frappes ont visé jeudi un dépôt d'armes de l'EI près de Raqa, a indiqué le Pentagone.");
        Assert.Equal("États-Unis", Assert.Single(own.Strikes).Perpetrator.Name);
    }

    [Fact]
    public void An_ambassadors_posting_is_no_place_struck()
    {
        Assert.Empty(Extract($"Un titre\n\n{Lead}\n\nL'ambassadeur de Syrie à Moscou a salué « l'efficacité » des frappes russes.").Strikes);
        // A place after the strike words still is.
        var a = Extract($"Un titre\n\n{Lead}\n\nL'ambassadeur de Syrie à Moscou a salué les frappes russes sur Raqa.");
        Assert.Contains(Assert.Single(a.Strikes).Locations, l => l.Name == "Raqa");
    }

    [Fact]
    public void Unidentified_aircraft_are_not_the_storys_striker()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nL'aviation russe a poursuivi vendredi ses frappes près de Jisr al-Choughour, a rapporté l'OSDH. "
            + "Des avions non identifiés ont par ailleurs bombardé le village de Tal Rifaat.");
        Assert.DoesNotContain(a.Strikes, k => k.Locations.Any(l => l.Name == "Tal Rifaat"));
        Assert.Contains(a.Strikes, k => k.Perpetrator.Name == "Russie" && k.Locations.Any(l => l.Name == "Jisr al-Choughour"));
    }

    [Fact]
    public void A_group_the_words_say_is_not_hit_is_no_target()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nSelon Jens Stoltenberg, les frappes russes près de Hama ne visent pas l'EI mais l'opposition.");
        Assert.DoesNotContain(a.Strikes.SelectMany(k => k.Targets), t => t.Name == "État islamique");
        // "Non seulement" adds a target rather than denying one.
        var b = Extract($"Un titre\n\n{Lead}\n\nSelon Washington, les frappes russes près de Hama visent non seulement l'EI mais aussi les rebelles.");
        Assert.Contains(b.Strikes.SelectMany(k => k.Targets), t => t.Name == "État islamique");
    }

    [Fact]
    public void Two_air_forces_named_by_two_nationalities_are_two_strikers()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLes aviations syrienne et russe ont mené jeudi des dizaines de raids sur le nord de la province de Homs, a rapporté l'agence officielle Sana.");
        Assert.Equal(["Russie", "Syrie"], a.Strikes.Select(k => k.Perpetrator.Name).Order());
        Assert.All(a.Strikes, k => Assert.Contains(k.Locations, l => l.Name == "province de Homs"));
    }
}
