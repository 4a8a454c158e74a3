using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 11: who said what in real press text. Descriptive speakers and their anaphora ("le responsable local",
/// "ces services", "l'armée" of the state now speaking, "a-t-on ajouté de même source"), incises in the present ("affirme-t-il",
/// "écrit X"), impersonal incises ("apprend-on dans un communiqué de X"), sources inside relative clauses, quotations before their
/// subject, and reporting words the lexicons lacked. Each test quotes sentences written here.</summary>
public sealed class RoundElevenStatementTests
{
    [Fact]
    public void A_described_source_taken_up_with_the_definite_article_is_that_source_not_the_person_named_last()
    {
        var a = Extract("Deux villages ont été bombardés lundi, ont raconté à l'AFP une enseignante et un responsable local. "
            + "Un médecin de la région, Karim Salah, a affirmé que dix blessés avaient été soignés. "
            + "Les secours manquent de tout, a ajouté le responsable local par téléphone. "
            + "« Nous n'avons plus d'ambulances », a déploré le responsable.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "source-responsable-local" && s.Text == "Les secours manquent de tout");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "source-responsable-local" && s.Text == "Nous n'avons plus d'ambulances");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name == "Karim Salah" && s.Text.Contains("ambulances", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_set_at_the_head_of_a_relative_clause_vouches_for_that_clause_only()
    {
        var a = Extract("L'Ukraine a accusé jeudi la Russie de bombardements sur des immeubles qui, selon Moscou, abritaient des mercenaires étrangers.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "russie" && s.Text == "abritaient des mercenaires étrangers");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Id == "russie" && s.Text.Contains("accusé", StringComparison.Ordinal));
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Id == "ukraine" && s.Text.Contains("Moscou", StringComparison.Ordinal));
    }

    [Fact]
    public void A_relative_clause_on_a_preposed_source_is_not_its_words()
    {
        var a = Extract("Selon l'agence Anadolu, qui a depuis supprimé son article, le convoi a été détruit près de la frontière.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("le convoi a été détruit près de la frontière", s.Text);
    }

    [Theory]
    [InlineData("L'agence officielle Sana avait rapporté plus tôt que la base avait été touchée par trois missiles.", "Sana", "la base avait été touchée par trois missiles")]
    [InlineData("Des sources locales évoquent au moins une trentaine de civils tués dans le bombardement.", "sources locales", "au moins une trentaine de civils tués dans le bombardement")]
    [InlineData("Cinq civils sont morts dans les frappes, a rapporté samedi une organisation humanitaire.", "organisation humanitaire", "Cinq civils sont morts dans les frappes")]
    [InlineData("Le bilan s'est alourdi, selon plusieurs télévisions turques.", "télévisions turques", "Le bilan s'est alourdi")]
    [InlineData("Les secouristes pointent la responsabilité de l'aviation russe dans ce massacre.", "secouristes", "l'aviation russe dans ce massacre")]
    [InlineData("Le Pentagone justifie sa décision par la menace que représentaient ces milices.", "Pentagone", "sa décision par la menace que représentaient ces milices")]
    [InlineData("La frappe a fait au moins deux morts et 76 blessés, selon un premier bilan du ministère de la Santé.", "ministère de la Santé", "La frappe a fait au moins deux morts et 76 blessés")]
    public void Reporting_words_and_descriptive_speakers_the_lexicon_lacked(string text, string speaker, string words)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Name == speaker && s.Text == words);
    }

    [Fact]
    public void Official_media_described_by_their_qualifiers_speak_for_themselves()
    {
        var a = Extract("Le ministre a démenti ces chiffres, après que les médias officiels turcs ont fait état de « pertes lourdes » dans les rangs kurdes.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "médias officiels turcs");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name != "médias officiels turcs" && s.Text.Contains("pertes lourdes", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reporting_verb_coordinated_by_mais_shares_the_subject_and_parts_the_words()
    {
        var a = Extract("L'armée turque a déclaré que la plupart des drones avaient été abattus, mais a ajouté que les combats se poursuivaient.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "turquie" && s.Text == "la plupart des drones avaient été abattus");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "turquie" && s.Text == "les combats se poursuivaient");
    }

    [Fact]
    public void An_institution_taken_up_by_a_demonstrative_and_the_first_word_of_its_head_is_that_institution()
    {
        var a = Extract("Deux combattants ont été tués dans un raid, ont annoncé les services de renseignement du Kurdistan. "
            + "« Le drone a visé leur véhicule », ont précisé dans un communiqué ces services.");
        Assert.Equal(2, a.Statements.Count);
        Assert.All(a.Statements, s => Assert.StartsWith("services de renseignement", s.Speaker.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Le gouvernement taliban a dénoncé mardi une attaque contre des civils.", "afghanistan")]
    [InlineData("La communauté internationale a mis en garde contre toute escalade dans la région.", "communaute-internationale")]
    [InlineData("Des responsables de la sécurité pakistanais ont déclaré à l'AFP que l'opération visait un camp.", "source-responsables-de-la-securite-pakistanais")]
    public void Descriptive_speakers_a_gazetteer_or_the_description_lexicon_holds(string text, string speaker)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Id == speaker);
    }

    [Theory]
    [InlineData("« Nous ne reculerons pas devant ces menaces », affirme-t-il.")]
    [InlineData("« Nous ne reculerons pas devant ces menaces », ajoute-t-il.")]
    [InlineData("« Nous ne reculerons pas devant ces menaces », dit-il.")]
    [InlineData("« Nous ne reculerons pas devant ces menaces », écrit-il.")]
    public void A_present_tense_incise_with_an_inverted_pronoun_reports_the_quotation(string incise)
    {
        var a = Extract("Sergueï Lavrov a déclaré que Moscou ne frappait que des terroristes. " + incise);
        Assert.Contains(a.Statements, s => s.Speaker.Id == "serguei-lavrov" && s.Text == "Nous ne reculerons pas devant ces menaces" && s.Mode == "direct");
    }

    [Fact]
    public void A_verb_in_ire_reads_its_participle_as_the_present_too()
    {
        var a = Extract("« Le convoi humanitaire a été touché à deux reprises », écrit Sergueï Lavrov sur son compte Telegram.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "serguei-lavrov" && s.Text == "Le convoi humanitaire a été touché à deux reprises");
    }

    [Fact]
    public void An_impersonal_incise_gives_the_words_of_the_document_and_its_issuer_speaks()
    {
        var a = Extract("« Trois civils ont été tués dans la nuit à Saraqeb », apprend-on dans un communiqué de l'OSDH.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("osdh", s.Speaker.Id);
        Assert.Equal("Trois civils ont été tués dans la nuit à Saraqeb", s.Text);
        var b = Extract("L'OSDH a fait état de onze morts dans la province. « Les frappes ont visé deux marchés », peut-on lire dans le communiqué.");
        Assert.Contains(b.Statements, x => x.Speaker.Id == "osdh" && x.Text == "Les frappes ont visé deux marchés");
    }

    [Fact]
    public void A_bare_army_after_another_state_became_the_subject_is_that_states_army()
    {
        var a = Extract("L'armée indienne a annoncé avoir mené des frappes chirurgicales. Le Pakistan a démenti toute incursion. "
            + "« Cette notion de frappe chirurgicale est une illusion », a affirmé l'armée dans un communiqué. "
            + "La même source a ajouté que deux soldats étaient morts.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "armée pakistanaise" && s.Text.StartsWith("Cette notion", StringComparison.Ordinal));
        Assert.Contains(a.Statements, s => s.Speaker.Name == "armée pakistanaise" && s.Text == "deux soldats étaient morts");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name == "armée indienne" && s.Text.Contains("illusion", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quotation_opening_the_sentence_belongs_to_the_subject_of_the_reporting_verb_after_it()
    {
        var a = Extract("« Des drones ont ciblé des boulangeries et une centrale électrique », les Forces démocratiques syriennes (FDS), "
            + "alliées de la coalition, ont indiqué dans un communiqué.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("fds", s.Speaker.Id);
        Assert.Equal("Des drones ont ciblé des boulangeries et une centrale électrique", s.Text);
        Assert.Equal("direct", s.Mode);
    }

    [Fact]
    public void A_quotation_closed_by_its_own_full_stop_needs_no_comma_before_the_incise()
    {
        var a = Extract("« Les civils fuient la ville par milliers ! » a déclaré Sergueï Lavrov. M. Lavrov a indiqué avoir « en toute franchise » dit à son homologue que Moscou frappait l'EI.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "serguei-lavrov" && s.Text == "Les civils fuient la ville par milliers !" && s.Mode == "direct");
        Assert.DoesNotContain(a.Statements, s => s.Text.StartsWith("M. Lavrov", StringComparison.Ordinal));
    }

    [Fact]
    public void A_present_participle_after_a_document_and_its_author_gives_the_authors_words()
    {
        var a = Extract("Moscou a répondu vendredi à une déclaration de Jens Stoltenberg affirmant que les frappes russes visaient surtout des civils.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "jens-stoltenberg" && s.Text == "les frappes russes visaient surtout des civils");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Id == "russie" && s.Text.Contains("visaient surtout", StringComparison.Ordinal));
    }

    [Fact]
    public void An_impersonal_incise_names_its_source_after_the_verb()
    {
        var a = Extract("Trois explosions ont secoué le port dans la nuit, ont raconté des habitants. "
            + "Des incendies brûlaient toujours au matin, a-t-on ajouté de même source.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "habitants" && s.Text == "Des incendies brûlaient toujours au matin");
    }

    [Fact]
    public void An_unlisted_organisation_named_with_a_lower_case_adjective_is_the_inverted_subject()
    {
        var a = Extract("Deux villages ont été bombardés dans la nuit, a déclaré l'Organisation populaire Naga dans un communiqué.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("Organisation populaire Naga", s.Speaker.Name);
        Assert.Equal("Deux villages ont été bombardés dans la nuit", s.Text);
    }

    [Fact]
    public void An_incise_whose_inverted_subject_is_unresolved_does_not_give_the_sentence_subject_its_name_as_words()
    {
        var a = Extract("Les habitants avaient quitté le quartier avant les bombardements, poursuit l'ONG.");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name == "habitants");
    }

    [Fact]
    public void A_preposed_source_with_its_parent_body_and_short_name_keeps_both_out_of_its_words()
    {
        var a = Extract("Selon le Bureau de coordination des affaires humanitaires de l'ONU (Ocha), le camp de déplacés a été touché par trois frappes.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("ocha", s.Speaker.Id);
        Assert.Equal("le camp de déplacés a été touché par trois frappes", s.Text);
    }

    [Fact]
    public void A_quoted_subject_of_a_reported_clause_is_indirect_and_the_quotation_after_it_is_the_same_speakers()
    {
        var a = Extract("« Près de quarante drones » ont visé la capitale, selon un porte-parole de l'armée de l'air ukrainienne. "
            + "« Tous ont été lancés depuis la Crimée. Nous en attendons d'autres. »");
        Assert.Contains(a.Statements, s => s.Mode == "indirect" && s.Text == "« Près de quarante drones » ont visé la capitale");
        Assert.Contains(a.Statements, s => s.Mode == "direct" && s.Text == "Tous ont été lancés depuis la Crimée. Nous en attendons d'autres."
            && s.Speaker.Name == "porte-parole de l'armée de l'air ukrainienne");
    }
}
