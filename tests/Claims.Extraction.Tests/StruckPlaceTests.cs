using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: a place the gazetteer does not know, named as what a strike verb hit, is the strike's place, whether its
/// name has one word or several ("Kafr Zita", "Tal Bisseh") and with time words between ("ont frappé mercredi Tal Bisseh"); a
/// name of several words there was taken for an unknown person. Each test quotes sentences written here.</summary>
public sealed class StruckPlaceTests
{
    [Theory]
    [InlineData("Des avions russes ont bombardé Kafr Zita et Latamné.", "Kafr Zita")]
    [InlineData("Des raids russes ont frappé mercredi Tal Bisseh, une localité tenue par les rebelles.", "Tal Bisseh")]
    [InlineData("L'aviation russe a pilonné Tell Rifaat jeudi.", "Tell Rifaat")]
    public void An_unknown_place_struck_is_the_strikes_place(string sentence, string place)
    {
        var strike = Assert.Single(Extract(sentence).Strikes);
        Assert.Equal("Russie", strike.Perpetrator.Name);
        Assert.Contains(strike.Locations, l => l.Name == place);
    }

    [Fact]
    public void A_name_after_a_reporting_verb_is_still_a_speaker()
    {
        var a = Extract("Les frappes ont touché des civils, a affirmé Hadi al-Bahra.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Hadi al-Bahra");
    }
}
