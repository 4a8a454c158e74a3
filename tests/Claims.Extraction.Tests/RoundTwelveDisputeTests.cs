using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Round 12: denials bound to the wrong claim on unseen press text. The claim a denial answers is the one just reported,
/// not an earlier one tied to it by something other than the matter: the disputant's own name in both sentences, or the
/// disputant told as striker in an earlier claim when the denial's words point back ("ces accusations"). Each test quotes
/// sentences written here.</summary>
public sealed class RoundTwelveDisputeTests
{
    // Class 1a: the disputant's own name shared with an earlier sentence is not the matter the denial answers.
    [Theory]
    [InlineData("Le Soudan a annoncé avoir mené des frappes aériennes contre une base rebelle au Tchad.\nSelon une source humanitaire, au moins 40 personnes auraient péri au cours des bombardements.\nLe Tchad, pour sa part, a nié qu'il y ait eu des morts.", "tchad", "source-humanitaire")]
    [InlineData("La Russie a affirmé avoir détruit un dépôt de munitions en Moldavie.\nSelon l'ONU, une dizaine de soldats auraient été tués au cours de la frappe.\nLa Moldavie, cependant, a nié qu'il y ait eu des victimes.", "moldavie", "onu")]
    public void A_denial_answers_the_claim_just_told_not_an_earlier_one_naming_the_disputant(string text, string disputant, string party)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.Disputant.Id == disputant && d.DisputedParty?.Id.Contains(party, StringComparison.Ordinal) == true);
    }

    // Class 1b: "ces accusations" take up the claim reported last, even when an earlier one tells the disputant's strikes in
    // other words.
    [Theory]
    [InlineData("Le ministère arménien de la Défense a déclaré que les forces azerbaïdjanaises avaient violé le cessez-le-feu et « bombardé pendant la nuit nos positions dans la zone de Goris avec des mortiers ».\nErevan a déclaré que des soldats azerbaïdjanais avaient franchi la frontière près de deux villages arméniens. Le porte-parole de l'armée azerbaïdjanaise, Anar Eyvazov, a démenti ces accusations.", "armenie")]
    public void Words_pointing_back_take_up_the_last_claim(string text, string party)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.DisputedParty?.Id == party);
    }
}
