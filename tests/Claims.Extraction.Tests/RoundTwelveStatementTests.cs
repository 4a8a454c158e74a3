using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Round 12: who said what in fresh press text. Coordinated speakers each speak, whatever the construction ("selon X et
/// Y", "X, …, ainsi que les miliciens de Y ont déclaré", "Abuja et Niamey affirment tous deux"), and a concessive clause
/// (", bien que…") is the article's, not the speaker's. Each test quotes sentences written here.</summary>
public sealed class RoundTwelveStatementTests
{
    [Fact]
    public void Coordinated_sources_after_selon_each_vouch_for_the_words()
    {
        var a = Extract("Deux écoles ont été touchées lundi, selon l'ONU et des témoins.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "ONU" && s.Text == "Deux écoles ont été touchées lundi");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "témoins" && s.Text == "Deux écoles ont été touchées lundi");
    }

    [Fact]
    public void Two_capitals_coordinated_as_the_subject_each_speak_and_tous_deux_is_not_their_words()
    {
        var a = Extract("Abuja et Niamey affirment tous deux que les rebelles ont franchi la frontière.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Nigeria" && s.Text == "les rebelles ont franchi la frontière");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Niger" && s.Text == "les rebelles ont franchi la frontière");
    }

    [Fact]
    public void A_subject_coordinated_by_ainsi_que_after_an_apposition_speaks_too()
    {
        var a = Extract("L'OSDH, basé à Londres, ainsi que les miliciens des FDS ont déclaré que le pont avait été détruit.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "osdh" && s.Text == "le pont avait été détruit");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "FDS" && s.Text == "le pont avait été détruit");
    }

    [Fact]
    public void A_concessive_clause_after_the_words_is_not_the_speakers()
    {
        var a = Extract("Le Mali affirme que la base a été visée, bien que l'armée n'ait rien confirmé.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Mali" && s.Text == "la base a été visée");
    }

    [Fact]
    public void A_second_inverted_subject_after_the_comma_closing_an_apposition_speaks_too()
    {
        var a = Extract("Un drone a tiré quatre missiles sur l'hôpital, a déclaré le porte-parole Karim Salah, et la municipalité de Tarhouna.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Karim Salah" && s.Text == "Un drone a tiré quatre missiles sur l'hôpital");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "municipalité de Tarhouna" && s.Text == "Un drone a tiré quatre missiles sur l'hôpital");
    }

    [Fact]
    public void A_town_hall_or_a_resistance_committee_named_by_its_place_speaks_and_its_bare_head_takes_it_up()
    {
        var a = Extract("« Le bilan est impossible à établir », a indiqué la mairie de Kherson sur Telegram. « Les mots manquent », a dénoncé la mairie.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "mairie de Kherson" && s.Text == "Le bilan est impossible à établir");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "mairie de Kherson" && s.Text == "Les mots manquent");
        var b = Extract("Les paramilitaires ont bombardé le marché, a affirmé le comité de résistance de Nyala.");
        Assert.Contains(b.Statements, s => s.Speaker.Name == "comité de résistance de Nyala" && s.Text == "Les paramilitaires ont bombardé le marché");
    }

    [Fact]
    public void Members_of_a_body_coordinated_after_an_inverted_subject_speak_for_that_body()
    {
        var a = Extract("Deux ponts ont été détruits dans la nuit, ont affirmé un habitant et des éléments du mouvement \"Hezbollah\".");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "habitant" && s.Text == "Deux ponts ont été détruits dans la nuit");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "hezbollah" && s.Text == "Deux ponts ont été détruits dans la nuit");
    }

    [Theory]
    [InlineData("Trois maisons ont été détruites, selon un employé communal et des témoins.", "témoins")]
    [InlineData("Trois maisons ont été détruites, ont rapporté un collectif de paysans et une organisation humanitaire.", "organisation humanitaire")]
    public void A_known_speaker_coordinated_after_one_no_lexicon_describes_still_speaks(string text, string speaker)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Name == speaker && s.Text == "Trois maisons ont été détruites");
    }

    [Fact]
    public void A_bare_definite_noun_as_inverted_subject_takes_up_the_speaker_last_quoted()
    {
        var a = Extract("« Terrible nouvelle », écrit l'ambassadrice Deborah Jones sur son compte Twitter. « Cette violence ne sert personne », ajoute la diplomate, qui vit à Tunis.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Deborah Jones" && s.Text == "Cette violence ne sert personne");
        var b = Extract("Cinq civils sont morts, a rapporté samedi une organisation humanitaire. Les villageois avaient fui avant les frappes, poursuit l'ONG.");
        Assert.Contains(b.Statements, s => s.Speaker.Name == "organisation humanitaire" && s.Text == "Les villageois avaient fui avant les frappes");
    }

    [Fact]
    public void Air_defence_forces_named_without_nationality_are_the_inverted_subject_not_the_state_in_the_words()
    {
        var a = Extract("Israël \"a visé trois casernes près de la frontière\", ont indiqué dans un communiqué les forces de défense aérienne, ajoutant que les dégâts étaient \"limités\".");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "forces de défense aérienne" && s.Text.Contains("trois casernes", StringComparison.Ordinal));
        Assert.Contains(a.Statements, s => s.Speaker.Name == "forces de défense aérienne" && s.Text.StartsWith("les dégâts", StringComparison.Ordinal));
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Id == "israel");
    }
}
