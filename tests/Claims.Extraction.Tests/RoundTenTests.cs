using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 10: attribution syntax in wire copy. An inverted speaker placed after circumstantial phrases, a
/// reporting verb parted from its "que", and speakers given only by anaphora ("la même source", "a-t-elle ajouté" after a body).
/// Each test quotes sentences written here.</summary>
public sealed class RoundTenTests
{
    [Theory]
    [InlineData("« Nous avons perdu tout contact avec nos équipes sur place », a déclaré via SMS à l'AFP un responsable humanitaire.", "source-responsable-humanitaire", "Nous avons perdu tout contact")]
    [InlineData("Toutes les cibles visées étaient des dépôts de munitions de l'EI, a affirmé jeudi soir à la télévision d'État le porte-parole du ministère, Igor Konachenkov.", "igor-konachenkov", "Toutes les cibles visées")]
    [InlineData("« Nous ne sommes pas en guerre contre la Turquie », a souligné mardi lors d'une conférence de presse à Moscou le ministre russe des Affaires étrangères, Sergueï Lavrov.", "serguei-lavrov", "Nous ne sommes pas en guerre")]
    [InlineData("« Le convoi a été touché à deux reprises », affirmait mercredi soir sur son compte Twitter l'ONG Médecins sans frontières.", "msf", "Le convoi a été touché")]
    [InlineData("« Cinq civils ont péri dans le bombardement », a rapporté par téléphone à l'AFP Rami Abdel Rahmane, directeur de l'OSDH.", "rami-abdel-rahmane", "Cinq civils ont péri")]
    public void An_inverted_speaker_stands_past_circumstantial_phrases(string text, string speaker, string words)
    {
        var a = Extract(text);
        var s = Assert.Single(a.Statements);
        Assert.Equal(speaker, s.Speaker.Id);
        Assert.StartsWith(words, s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(a.Statements, x => x.Speaker.Name.Contains("AFP", StringComparison.Ordinal) || x.Speaker.Name.Contains("Twitter", StringComparison.Ordinal));
    }

    [Fact]
    public void A_body_the_knowledge_base_does_not_list_is_the_inverted_subject_of_an_incise()
    {
        var a = Extract("« Quatre écoles ont été détruites », a fait savoir dimanche l'Unicef dans un communiqué.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("Unicef", s.Speaker.Name);
        Assert.Equal("Quatre écoles ont été détruites", s.Text);
    }

    [Theory]
    [InlineData("Un diplomate occidental a confié mardi à l'AFP, sous couvert de l'anonymat, que les Russes visaient d'abord les rebelles.", "source-diplomate-occidental", "les Russes visaient d'abord les rebelles")]
    [InlineData("Moscou a répété à plusieurs reprises depuis le début de l'intervention que l'EI était sa seule cible.", "russie", "l'EI était sa seule cible")]
    [InlineData("Le Kremlin a assuré mercredi, par la voix de son porte-parole, que les frappes visaient uniquement des terroristes.", "russie", "les frappes visaient uniquement des terroristes")]
    [InlineData("Le porte-parole de l'armée syrienne a précisé à la télévision publique que l'offensive terrestre avait commencé.", "armee-syrienne", "l'offensive terrestre avait commencé")]
    public void A_reporting_verb_reaches_its_clause_past_circumstantial_phrases(string text, string speaker, string words)
    {
        var a = Extract(text);
        var s = Assert.Single(a.Statements);
        Assert.Equal(speaker, s.Speaker.Id);
        Assert.Equal(words, s.Text);
    }

    [Theory]
    [InlineData("L'OSDH a fait état de 18 morts dans les raids. Parmi eux figurent cinq enfants, a précisé la même source.", "osdh", "Parmi eux figurent cinq enfants")]
    [InlineData("Un responsable militaire syrien a annoncé la reprise de trois villages. Selon la même source, les combats se poursuivent à Kafr Nabouda.", "source-responsable-militaire-syrien", "les combats se poursuivent à Kafr Nabouda")]
    [InlineData("L'OSDH a recensé 45 frappes dans la province de Hama. Ces raids ont tué onze combattants, selon cette source.", "osdh", "Ces raids ont tué onze combattants")]
    [InlineData("Deux sources militaires ont confirmé l'attaque à l'AFP. Selon l'une de ces sources, les avions ont visé un dépôt d'armes.", "source-sources-militaires", "les avions ont visé un dépôt d'armes")]
    public void The_same_source_is_the_speaker_last_quoted(string text, string speaker, string words)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Id == speaker && s.Text == words);
        Assert.All(a.Statements, s => Assert.Equal(speaker, s.Speaker.Id));
    }

    [Theory]
    [InlineData("L'Unicef a publié mardi un nouveau bilan. « Au moins 40 enfants sont morts depuis le début du mois », a-t-elle ajouté.", "unicef", null)]
    [InlineData("Le ministère turc des Affaires étrangères a convoqué l'ambassadeur russe. « Nous ne tolérerons pas de nouvelle violation », a-t-il précisé.", "ministere-turc-des-affaires-etrangeres", "ambassadeur")]
    public void An_inverted_pronoun_before_any_speaker_is_the_subject_of_the_sentence_before(string text, string speaker, string? notSpeaker)
    {
        var a = Extract(text);
        var s = Assert.Single(a.Statements);
        Assert.Equal(speaker, s.Speaker.Id);
        if (notSpeaker is not null) Assert.DoesNotContain(notSpeaker, s.Speaker.Name, StringComparison.Ordinal);
    }
}
