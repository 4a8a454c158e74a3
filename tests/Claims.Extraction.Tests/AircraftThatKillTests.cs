using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: "un drone américain a tué…", "des hélicoptères syriens ont tué…": aircraft, drones or missiles that kill
/// report a strike by the nation that flies them, as when they bomb or hit. Killing alone does not: its passive subject is the
/// victim, ground forces and fighting kill too, and an accusation of killing names no weapon. A pronoun taking up the strikes
/// of the sentence before ("qu'elles ont touché des civils") stands for their aircraft. Each test quotes sentences written
/// here.</summary>
public sealed class AircraftThatKillTests
{
    [Fact]
    public void A_drone_that_killed_someone_somewhere_reports_a_strike_by_its_nation()
    {
        var a = Extract("Un drone américain a tué un haut responsable de l'EI à Raqa, a annoncé le Pentagone.");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal("États-Unis", strike.Perpetrator.Name);
        Assert.Equal("Pentagone", strike.ReportedBy?.Name);
        Assert.Contains(strike.Locations, l => l.Name == "Raqa");
    }

    [Fact]
    public void Helicopters_that_killed_give_the_toll()
    {
        var a = Extract("Des hélicoptères syriens ont tué huit personnes à Daraya.");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal("Syrie", strike.Perpetrator.Name);
        Assert.Equal(8, strike.Counts["killed"]);
    }

    [Fact]
    public void Soldiers_killed_are_victims_not_strikers()
    {
        Assert.Empty(Extract("Deux soldats russes ont été tués par des tirs de mortier à Lattaquié.").Strikes);
    }

    [Fact]
    public void Killing_without_aircraft_is_no_strike()
    {
        Assert.Empty(Extract("Les combats ont tué douze personnes à Alep.").Strikes);
        Assert.DoesNotContain(Extract("Des frappes aériennes ont visé la région hier. Les forces de sécurité ont tué treize insurgés lors d'une opération au sol.").Strikes,
            k => k.Counts.ContainsKey("killed"));
    }

    [Fact]
    public void An_accusation_of_killing_names_no_strike()
    {
        Assert.Empty(Extract("L'OSDH accuse la Russie de tuer des civils à Idleb.").Strikes);
    }

    [Fact]
    public void A_pronoun_taking_up_the_strikes_named_before_reports_another_account_of_them()
    {
        var a = Extract("Moscou affirme que ses frappes à Hama ont visé des dépôts de l'EI. Washington assure qu'elles ont touché des civils.");
        Assert.Contains(a.Strikes, k => k.Perpetrator.Name == "Russie" && k.ReportedBy?.Name == "États-Unis" && k.Targets.Any(t => t.Name == "civils"));
    }

    [Fact]
    public void A_pronoun_after_a_sentence_naming_no_strike_reports_none()
    {
        Assert.Empty(Extract("Les rebelles ont lancé une contre-offensive. Ils ont touché deux chars du régime.").Strikes);
    }
}
