using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 9: classes of wire-copy phrasing found by writing press-style sentences about air strikes,
/// ministries' statements, NGO counts and denials. Each test quotes sentences written here.</summary>
public sealed class RoundNineTests
{
    [Theory]
    [InlineData("« Toutes les cibles étaient des positions terroristes », a assuré son porte-parole, le général Igor Konachenkov, lors d'un point de presse.", "igor-konachenkov")]
    [InlineData("Le porte-parole du Pentagone, le capitaine Jeff Davis, a affirmé que les frappes visaient des rebelles.", "jeff-davis")]
    public void A_title_apposed_with_a_second_title_names_the_speaker(string text, string speaker)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Id == speaker);
    }

    [Theory]
    [InlineData("Le ministère russe de la Défense a publié un bilan. Selon son porte-parole, toutes les cibles étaient des positions terroristes.", "ministere-russe-defense")]
    [InlineData("L'OSDH a publié un nouveau bilan. D'après son directeur, les avions russes ont bombardé un hôpital à Sermine.", "osdh")]
    public void A_possessive_title_speaks_for_the_body_named_before(string text, string speaker)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Id == speaker && s.Text.Length > 30);
    }

    [Fact]
    public void A_possessive_title_is_not_the_person_named_before()
    {
        var a = Extract("Vladimir Poutine a reçu mardi le président syrien. Selon son porte-parole, les frappes vont se poursuivre.");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Id == "vladimir-poutine");
    }

    [Theory]
    [InlineData("Michael Fallon est arrivé dimanche à Bruxelles. L'ambassadeur russe à Londres a affirmé que les frappes ne visaient que des terroristes.", "michael-fallon")]
    [InlineData("Le ministre britannique de la Défense, Michael Fallon, a critiqué Moscou. L'ambassadeur russe a dit que la Russie ne frappait que l'EI.", "michael-fallon")]
    public void A_title_of_another_nation_is_not_the_person_named_before(string text, string notSpeaker)
    {
        var a = Extract(text);
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Id == notSpeaker);
        Assert.Contains(a.Statements, s => s.Speaker.Name.StartsWith("ambassadeur russe", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_of_the_same_nation_still_refers_back()
    {
        var a = Extract("Sergueï Lavrov a rencontré John Kerry mardi. Le ministre russe a ensuite dit que les frappes allaient continuer.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "serguei-lavrov");
    }

    [Fact]
    public void A_source_short_name_in_brackets_is_not_part_of_the_words()
    {
        var a = Extract("Selon l'Observatoire syrien des droits de l'homme (OSDH), les raids russes ont touché le village de Kafr Zita et tué huit civils.");
        var s = Assert.Single(a.Statements, s => s.Speaker.Id == "osdh");
        Assert.StartsWith("les raids russes", s.Text, StringComparison.Ordinal);
    }
}
