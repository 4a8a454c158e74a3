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

    [Theory]
    [InlineData("La Russie a tiré mercredi 26 missiles depuis quatre navires de guerre stationnés en mer Caspienne contre 11 cibles en Syrie, selon le ministre russe de la Défense.")]
    [InlineData("Les bombardiers russes ont effectué 64 sorties depuis la base de Hmeimim contre des positions de l'EI, selon le ministère russe de la Défense.")]
    public void Where_strikes_were_launched_from_is_not_what_they_hit(string text)
    {
        var a = Extract(text);
        var k = Assert.Single(a.Strikes);
        Assert.DoesNotContain(k.Targets, t => t.Name.Contains("navires", StringComparison.Ordinal) || t.Name.StartsWith("base", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Le ministère russe de la Défense a démenti qu'un missile soit tombé en Iran.")]
    [InlineData("Le Kremlin a nié que ses avions aient bombardé un hôpital à Idleb.")]
    public void A_clause_a_denial_opens_is_not_a_strike_report(string text)
    {
        var a = Extract(text);
        Assert.Empty(a.Strikes);
        Assert.NotEmpty(a.Disputes);
    }

    [Theory]
    [InlineData("Des avions russes ont bombardé Talbisseh mardi. L'armée russe a affirmé avoir détruit un poste de commandement de l'EI près de Homs.", "Homs")]
    [InlineData("Les avions russes ont mené vingt frappes mardi. Le ministère russe de la Défense a ajouté que des camps d'entraînement de l'EI avaient été détruits dans la province de Raqa.", "province de Raqa")]
    public void A_military_site_destroyed_among_air_strikes_is_struck(string text, string place)
    {
        var a = Extract(text);
        Assert.Contains(a.Strikes, k => k.Perpetrator.Id == "russie" && k.Locations.Any(l => l.Name == place) && k.Targets.Any(t => t.Id == "etat-islamique"));
    }

    [Fact]
    public void Houses_destroyed_are_not_a_strike_of_their_own()
    {
        var a = Extract("Des avions russes ont bombardé Talbisseh mardi. Des maisons ont été détruites à Rastane, a indiqué un habitant.");
        Assert.DoesNotContain(a.Strikes, k => k.Locations.Any(l => l.Name == "Rastane"));
    }

    [Fact]
    public void An_ngo_count_is_its_statement()
    {
        var a = Extract("L'Observatoire syrien des droits de l'homme a recensé la mort de 14 combattants de l'EI et de 49 rebelles depuis le début des frappes russes.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "osdh" && s.Text.StartsWith("la mort de 14", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("La Russie affirme ne viser que l'EI. Selon la France, les frappes russes n'ont visé aucune cible de l'EI.", "france")]
    [InlineData("Le ministère russe de la Défense a affirmé avoir frappé des positions de l'EI près de Homs. Les rebelles ont assuré qu'il n'y avait aucune position de l'EI dans ce secteur.", "rebelles-syriens")]
    public void Denying_that_the_group_was_hit_or_present_disputes_the_striker(string text, string disputant)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.Disputant.Id == disputant && d.DisputedParty?.Id == "russie");
    }

    [Fact]
    public void A_negated_target_is_not_a_denial_of_an_allys_call()
    {
        var a = Extract("Les États-Unis ont appelé vendredi la Russie à cesser ses frappes contre l'opposition syrienne. Les frappes russes « ne visent pas Daech », a dénoncé le ministre français des Affaires étrangères, Laurent Fabius.");
        Assert.DoesNotContain(a.Disputes, d => d.DisputedParty?.Id == "etats-unis");
        Assert.Contains(a.Disputes, d => d.DisputedParty?.Id == "russie");
    }

    [Fact]
    public void A_denied_clause_about_ones_own_camp_disputes_the_accuser()
    {
        var a = Extract("Selon l'OSDH, les frappes russes ont tué 30 civils. Le chef de la diplomatie russe, Sergueï Lavrov, a nié que la Russie frappe des civils.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "serguei-lavrov" && d.DisputedParty?.Id == "osdh");
        Assert.DoesNotContain(a.Disputes, d => d.DisputedParty?.Id == "russie");
    }

    [Fact]
    public void Accusations_named_by_a_nationality_adjective_are_that_nations()
    {
        var a = Extract("John Kirby a déclaré que l'incursion était délibérée. La porte-parole de la diplomatie russe, Maria Zakharova, a dénoncé des « spéculations ». Les accusations turques sont « infondées », a-t-elle ajouté.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "maria-zakharova" && d.DisputedParty?.Id == "turquie");
    }

    [Fact]
    public void An_honorific_without_a_full_stop_names_the_person()
    {
        var a = Extract("La porte-parole de la diplomatie russe, Maria Zakharova, s'est exprimée mardi. Selon Mme Zakharova, les missiles ont détruit une vedette militaire.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "maria-zakharova" && s.Text.StartsWith("les missiles", StringComparison.Ordinal));
    }

    [Fact]
    public void A_described_source_taken_up_with_the_definite_article_is_the_same_source()
    {
        var a = Extract("Neuf civils ont péri dans des raids aériens, a indiqué un médecin. Plusieurs autres personnes ont été blessées, selon le médecin.");
        Assert.Equal(2, a.Statements.Count(s => s.Speaker.Name == "médecin"));
    }

    [Theory]
    [InlineData("Les frappes doivent cesser, selon un responsable des Nations unies.", "responsable des Nations unies")]
    [InlineData("Un responsable du Pentagone a affirmé que les frappes russes visaient des rebelles.", "responsable du Pentagone")]
    public void Someone_of_a_body_is_described_not_the_body(string text, string speaker)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Name == speaker);
    }

    [Fact]
    public void A_place_after_a_site_noun_is_where_the_strike_fell()
    {
        var a = Extract("Les avions russes ont bombardé mardi l'hôpital de Sermine, selon l'ONG Médecins sans frontières.");
        Assert.Contains(a.Strikes, k => k.Locations.Any(l => l.Name == "Sermine"));
    }

    [Fact]
    public void A_rank_before_a_single_surname_names_the_speaker()
    {
        var a = Extract("La Russie a effectué 669 sorties depuis le 30 septembre et détruit 456 cibles terroristes, a indiqué le général Kartapolov.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Kartapolov");
        Assert.Contains(a.Strikes, k => k.ReportedBy?.Name == "Kartapolov" && k.Counts.GetValueOrDefault("sorties") == 669);
    }

    [Fact]
    public void Rejecting_an_excuse_disputes_who_gave_it_not_who_rejected_it_first()
    {
        var a = Extract("Moscou a reconnu qu'un de ses avions avait pénétré dans l'espace aérien turc en raison du mauvais temps. « Ce n'est pas un accident », a rétorqué le Premier ministre turc Ahmet Davutoglu, qui a promis que la Turquie répondrait. Le secrétaire général de l'Otan, Jens Stoltenberg, a estimé que la violation ne semblait pas accidentelle.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "jens-stoltenberg" && d.DisputedParty?.Id == "russie");
        Assert.DoesNotContain(a.Disputes, d => d.Disputant.Id == "jens-stoltenberg" && d.DisputedParty?.Id == "ahmet-davutoglu");
    }

    [Fact]
    public void Not_believing_in_an_error_rejects_the_explanation()
    {
        var a = Extract("Le ministère russe de la Défense a expliqué qu'il s'agissait d'une erreur de navigation. Le porte-parole du département d'État, John Kirby, a déclaré que Washington ne croyait pas à une erreur.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "john-kirby" && d.DisputedParty?.Id == "ministere-russe-defense");
    }

    [Fact]
    public void An_explanation_judged_not_credible_is_disputed()
    {
        var a = Extract("Le ministère russe de la Défense a expliqué qu'il s'agissait d'une erreur de navigation. Le président turc Recep Tayyip Erdogan a jugé cette explication peu crédible.");
        Assert.Contains(a.Disputes, d => d.DisputedParty?.Id == "ministere-russe-defense");
    }

    [Theory]
    [InlineData("MOSCOU, 8 octobre 2015 (AFP) - L'aviation russe a frappé 12 cibles dans la province de Hama, a annoncé jeudi le ministère russe de la Défense.", "L'aviation russe")]
    [InlineData("BEYROUTH (Reuters) - Des raids russes ont tué huit civils à Talbisseh, a indiqué l'OSDH.", "Des raids russes")]
    public void A_wire_dateline_is_neither_words_nor_actor(string text, string wordsStart)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Text.StartsWith(wordsStart, StringComparison.Ordinal));
        Assert.DoesNotContain(a.Strikes, k => k.Locations.Any(l => l.Name is "Moscou" or "Beyrouth"));
        Assert.DoesNotContain(a.Strikes, k => k.ReportedBy?.Id is "liban");
    }

    [Fact]
    public void One_of_the_sources_described_before_speaks_for_them()
    {
        var a = Extract("Plusieurs habitants de Talbisseh ont été joints par téléphone. « Les avions tournaient au-dessus de nos têtes », a raconté l'un d'eux.");
        Assert.Contains(a.Statements, s => s.Speaker.Name.StartsWith("habitants", StringComparison.Ordinal) && s.Mode == "direct");
    }

    [Fact]
    public void Every_state_of_a_list_closed_by_et_speaks()
    {
        var a = Extract("La France, l'Allemagne et les États-Unis ont appelé vendredi la Russie à cesser ses frappes contre l'opposition syrienne.");
        Assert.Equal(["allemagne", "etats-unis", "france"], a.Statements.Select(s => s.Speaker.Id).Distinct().Order().ToArray());
    }

    [Fact]
    public void A_title_apposed_between_commas_is_not_a_list()
    {
        var a = Extract("Le porte-parole du Pentagone, Peter Cook, a affirmé que les frappes russes visaient des rebelles.");
        Assert.Single(a.Statements.Select(s => s.Speaker.Id).Distinct());
    }

    [Fact]
    public void A_qualified_institution_head_before_its_nationality_is_one_institution()
    {
        var a = Extract("Le commandement central américain a affirmé que les frappes avaient visé des positions de l'EI près de Raqa.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "commandement central américain");
    }

    [Fact]
    public void The_channel_that_cited_a_source_is_not_part_of_its_words()
    {
        var a = Extract("Selon des sources militaires russes citées par l'agence Interfax, les frappes ont détruit un centre de commandement de l'EI.");
        Assert.Contains(a.Statements, s => s.Text.StartsWith("les frappes ont détruit", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_closing_an_alors_que_clause_governs_that_clause_only()
    {
        var a = Extract("« Nous ne visons que des terroristes », a affirmé mardi le porte-parole du Kremlin, Dmitri Peskov, alors que des raids ont fait 45 morts à Talbisseh, selon l'OSDH.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "dmitri-peskov" && s.Mode == "direct");
        var osdh = Assert.Single(a.Statements, s => s.Speaker.Id == "osdh");
        Assert.StartsWith("des raids ont fait 45 morts", osdh.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("« Nous ne visons que des terroristes », a déclaré jeudi soir sur la chaîne Rossiya 24 le porte-parole du Kremlin, Dmitri Peskov.")]
    [InlineData("« Nous ne visons que des terroristes », a déclaré mardi sur franceinfo le porte-parole du Kremlin, Dmitri Peskov.")]
    public void The_channel_between_verb_and_inverted_speaker_is_skipped(string text)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Id == "dmitri-peskov" && s.Mode == "direct");
    }

    [Fact]
    public void Strikes_with_no_striker_named_are_those_of_the_campaign_told_just_before()
    {
        var a = Extract("La Russie bombarde la Syrie depuis le 30 septembre. Des raids ont visé jeudi la ville de Latamné, selon l'OSDH.");
        Assert.Contains(a.Strikes, k => k.Perpetrator.Id == "russie" && k.ReportedBy?.Id == "osdh" && k.Locations.Any(l => l.Name == "Latamné"));
    }

    [Fact]
    public void A_denial_answers_another_voice_even_when_its_own_camp_shares_more_words()
    {
        var a = Extract("Quatre missiles de croisière tirés par des navires russes sont tombés en Iran, ont déclaré jeudi des responsables américains. "
            + "La Russie a tiré 26 missiles contre 11 cibles en Syrie, selon le ministre russe de la Défense, Sergueï Choïgou. "
            + "Le ministère russe de la Défense a démenti qu'un missile soit tombé en Iran.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "ministere-russe-defense" && d.DisputedParty?.Name == "responsables américains");
    }
}
