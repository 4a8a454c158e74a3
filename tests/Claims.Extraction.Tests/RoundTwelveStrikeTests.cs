using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Round 12: strikes on text nobody tuned on (classes seen in the fresh excerpts). Sentences written here in
/// wire-service style, so that what they check is the rule, not a sentence of the corpus.</summary>
public sealed class RoundTwelveStrikeTests
{
    // Class 1: a state's army named as the striker ("l'armée soudanaise", "l'armée malienne") is the name its strikes are known
    // by in a civil war: the force's name goes beside the state's on the strike record.
    [Theory]
    [InlineData("Les avions de l'armée nigérienne ont bombardé mardi le marché de Tillia, tuant une vingtaine de civils, selon une ONG locale.", "nigérienne")]
    [InlineData("Dans un communiqué, l'armée burkinabè affirme avoir mené des frappes sur la localité de Djibo et neutralisé plusieurs terroristes.", "burkinab")]
    public void The_army_named_as_striker_is_an_alias_of_its_state(string text, string adjective)
    {
        var a = Extract(text);
        var k = Assert.Single(a.Strikes);
        Assert.True(a.ActorAliases.TryGetValue(k.Perpetrator.Id, out var names));
        Assert.Contains(names!, n => n.StartsWith("armée", StringComparison.OrdinalIgnoreCase) && n.Contains(adjective, StringComparison.OrdinalIgnoreCase));
    }

    // Class 2: "tirs d'artillerie des forces turques", "tirs d'obus de l'armée azerbaïdjanaise": the owner of the weapon fired,
    // in the complement after it, is the striker (as the owner of the machines in "frappes de drones de l'armée").
    [Theory]
    [InlineData("Au moins dix civils ont été tués jeudi dans des tirs d'artillerie des forces birmanes sur le village de Kyauktaw, selon un groupe local.", "birmanie")]
    [InlineData("La ville de Tovouz a été visée dans la nuit par des tirs d'obus de l'armée arménienne, a indiqué Bakou.", "armenie")]
    public void The_owner_of_the_weapon_fired_is_the_striker(string text, string striker)
    {
        var a = Extract(text);
        Assert.Contains(a.Strikes, k => k.Perpetrator.Id == striker);
    }

    // Class 3: ordnance dropped from aircraft ("ont lâché leurs bombes près de X", "a largué une bombe sur le théâtre"): "lâcher"
    // reports a strike as "larguer" does, and a theatre is a building struck, as a school or a hospital is.
    [Fact]
    public void Aircraft_that_let_go_their_load_strike_where_it_falls()
    {
        var a = Extract("Le gouverneur a déclaré jeudi que des avions russes avaient lâché, dans la précipitation, leurs bombes près de Koupiansk.");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("russie", k.Perpetrator.Id);
        Assert.Contains(k.Locations, p => p.Name == "Koupiansk");
    }

    [Fact]
    public void A_theatre_bombed_is_the_strikes_target()
    {
        var a = Extract("Selon le maire, « l'aviation russe a délibérément largué une bombe sur le théâtre ».");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("russie", k.Perpetrator.Id);
        Assert.Contains(k.Targets, t => t.Name == "théâtre");
    }
}
