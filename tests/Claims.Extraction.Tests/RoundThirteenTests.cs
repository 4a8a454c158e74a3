using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, session 13: wire-copy shapes that lost a record. A strike told in the lead before any striker is
/// named belongs to the one striker the article names later; a communiqué's sentence listing the targets gives the strike
/// told just before its places and targets; "des avions russes et syriens" are two strikers; "ces accusations" rejected
/// after a condemnation or a call answer that voice. Each test quotes sentences written here.</summary>
public sealed class RoundThirteenTests
{
    [Fact]
    public void A_strike_in_the_lead_before_any_striker_is_named_is_the_articles_one_strikers()
    {
        var a = Extract("Un titre\n\nMardi, au moins douze civils ont été tués par des frappes aériennes sur Talbisseh, dans la province de Homs.\n\n"
            + "Dans un communiqué, le ministère russe de la Défense affirme avoir mené des frappes sur des positions de l'EI près de Homs.");
        var lead = Assert.Single(a.Strikes, k => k.Locations.Any(l => l.Name == "Talbisseh"));
        Assert.Equal("Russie", lead.Perpetrator.Name);
        Assert.Equal(12, lead.Counts["killed"]);
    }

    [Fact]
    public void A_strike_told_before_strikers_of_two_sides_are_named_stays_nobodys()
    {
        // Two strikers later: whose the lead's strikes are is not the article's to say.
        var a = Extract("Un titre\n\nMardi, au moins douze civils ont été tués par des frappes aériennes sur Talbisseh.\n\n"
            + "L'aviation russe a mené des raids près de Homs.\n\nLa coalition a frappé des positions de l'EI à Raqqa.");
        Assert.DoesNotContain(a.Strikes, k => k.Locations.Any(l => l.Name == "Talbisseh"));
        Assert.Contains(a.Strikes, k => k.Perpetrator.Name == "Russie" && k.Locations.Any(l => l.Name == "Homs"));
    }

    [Fact]
    public void A_sentence_listing_the_targets_gives_the_strike_just_told_its_places_and_targets()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nLes avions russes ont effectué 20 sorties et frappé 12 cibles, a indiqué le général Igor Konachenkov. "
            + "Parmi les cibles figurent un poste de commandement et un dépôt de munitions près de Maaret al-Noomane.");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal("Russie", strike.Perpetrator.Name);
        Assert.Equal("Igor Konachenkov", strike.ReportedBy?.Name);
        Assert.Contains(strike.Locations, l => l.Name == "Maaret al-Noomane");
        Assert.Contains(strike.Targets, t => t.Name == "poste de commandement");
        Assert.Contains(strike.Targets, t => t.Name == "dépôt de munitions");
        Assert.Equal(20, strike.Counts["sorties"]);
        Assert.Equal(12, strike.Counts["targets"]);
    }

    [Fact]
    public void A_target_list_in_the_next_paragraph_or_with_a_strike_of_its_own_is_not_taken()
    {
        var apart = Extract("Un titre\n\n" + Lead + "\n\nLes avions russes ont frappé 12 cibles, a indiqué le général Igor Konachenkov.\n\n"
            + "Parmi les cibles figurent un poste de commandement près de Maaret al-Noomane.");
        Assert.Empty(apart.Strikes);
        // A sentence that tells a strike of its own is read as its own report, not as the list of the one before.
        var own = Extract("Un titre\n\n" + Lead + "\n\nLes avions russes ont frappé 12 cibles, a indiqué le général Igor Konachenkov. "
            + "Parmi les cibles, un dépôt de munitions a été détruit par un missile près de Maaret al-Noomane.");
        Assert.All(own.Strikes, k => Assert.Equal(own.Strikes[0].Span, k.Span));
    }

    [Fact]
    public void Aircraft_of_two_nationalities_coordinated_are_two_strikers()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nL'agence Sana a rapporté que des avions russes et syriens avaient frappé des positions à Jisr al-Choughour.");
        Assert.Equal(["Russie", "Syrie"], a.Strikes.Select(k => k.Perpetrator.Name).Order());
        Assert.All(a.Strikes, k => Assert.Equal("Sana", k.ReportedBy?.Name));
    }

    [Fact]
    public void Accusations_rejected_after_a_call_answer_the_voice_that_made_the_call()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nLe chef de la diplomatie saoudienne, Adel al-Jubeir, a réclamé l'arrêt immédiat des frappes russes. "
            + "Moscou a rejeté ces accusations.");
        AssertOnlyDispute(a, "Russie", "Adel al-Jubeir");
    }

    [Fact]
    public void Accusations_rejected_after_a_call_by_the_same_camp_answer_nobody_in_it()
    {
        // The Kremlin does not reject its own minister's call.
        var a = Extract("Un titre\n\n" + Lead + "\n\nLe ministre russe des Affaires étrangères, Sergueï Lavrov, a appelé les Occidentaux à coopérer. "
            + "Moscou a rejeté ces accusations.");
        Assert.DoesNotContain(a.Disputes, d => d.DisputedParty?.Name == "Sergueï Lavrov");
    }

    private const string MinistryOnRastane = "Le ministère russe de la Défense a annoncé jeudi que ses avions avaient frappé des positions de l'EI près de Rastane.";

    [Fact]
    public void A_group_said_not_to_be_there_with_il_n_y_a_pas_disputes_the_claim_that_placed_it_there()
    {
        var a = Extract($"Un titre\n\n{MinistryOnRastane}\n\nSelon l'OSDH, il n'y a pas de combattants de l'EI dans cette région.");
        AssertOnlyDispute(a, "OSDH", "Ministère russe de la Défense");
        // Said of people, not of a group: no absence of a group to set against the claim.
        var b = Extract($"Un titre\n\n{MinistryOnRastane}\n\nSelon l'OSDH, il n'y a pas d'habitants dans cette région.");
        Assert.Empty(b.Disputes);
    }

    [Fact]
    public void Strikes_said_to_have_killed_there_take_the_place_of_the_strike_told_before()
    {
        var a = Extract($"Un titre\n\n{MinistryOnRastane}\n\nLes frappes y ont tué 17 civils, a précisé l'OSDH.");
        var toll = Assert.Single(a.Strikes, k => k.ReportedBy?.Name == "OSDH");
        Assert.Contains(toll.Locations, l => l.Name == "Rastane");
        // "il y a" is a time, not a place.
        var b = Extract($"Un titre\n\n{MinistryOnRastane}\n\nIl y a deux jours, des frappes ont tué 17 civils, a précisé l'OSDH.");
        Assert.DoesNotContain(b.Strikes, k => k.ReportedBy?.Name == "OSDH" && k.Locations.Any(l => l.Name == "Rastane"));
    }

    [Fact]
    public void His_american_counterpart_after_the_russian_foreign_minister_is_the_secretary_of_state()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nLe chef de la diplomatie russe a jugé « inacceptables » les critiques occidentales, "
            + "tandis que son homologue américain a réclamé des « clarifications ».");
        Assert.Equal(["John Kerry", "Sergueï Lavrov"], a.Statements.Select(s => s.Speaker.Name).Order());
    }

    [Fact]
    public void A_counterpart_the_knowledge_base_does_not_list_is_not_the_person_named_before()
    {
        // Nobody listed is Saudi Arabia's foreign minister: the words are not given to the Russian minister.
        var a = Extract("Un titre\n\n" + Lead + "\n\nSergueï Lavrov a dit que les frappes se poursuivraient. « C'est inacceptable », a dit son homologue saoudien.");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name == "Sergueï Lavrov" && s.Text.Contains("inacceptable"));
    }

    [Fact]
    public void A_ministry_saying_its_appareils_destroyed_sites_reports_a_strike()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nLe ministère russe de la Défense a assuré que ses appareils avaient détruit « un poste de commandement » "
            + "de l'organisation Etat islamique (EI) près de Hama.");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal("Russie", strike.Perpetrator.Name);
        Assert.Contains(strike.Targets, t => t.Name == "poste de commandement");
    }

    [Fact]
    public void A_title_whose_body_has_a_short_name_in_parentheses_then_a_name_is_that_person()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\n« Il n'y a jamais eu de présence de Daech à Kafr Zita », a affirmé à l'AFP un commandant de l'Armée syrienne libre (ASL), Abou Hamza.");
        Assert.Equal("Abou Hamza", Assert.Single(a.Statements).Speaker.Name);
    }

    [Fact]
    public void The_words_of_the_american_official_are_those_of_the_american_named_before()
    {
        var a = Extract("Un titre\n\nAshton Carter a estimé que la Russie commettait « une erreur ».\n\nSelon l'OSDH, les bombardements ont visé Kafr Zita.\n\n"
            + "Dmitri Peskov a jugé les propos du responsable américain « infondés ».");
        var dispute = Assert.Single(a.Disputes, d => d.Disputant.Name == "Dmitri Peskov");
        Assert.Equal("Ashton Carter", dispute.DisputedParty?.Name);
    }

    [Fact]
    public void A_version_denied_by_the_rebels_is_their_dispute_of_the_claim_before()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nLe ministère russe de la Défense a assuré avoir détruit un dépôt d'armes de l'EI près de Hama.\n\n"
            + "Une version démentie par les rebelles.");
        AssertOnlyDispute(a, "rebelles syriens", "Ministère russe de la Défense");
    }

    [Fact]
    public void A_group_said_absent_answers_the_claim_of_the_paragraph_before_across_a_quotation()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nLe ministère russe de la Défense a assuré que ses avions avaient frappé un dépôt d'armes de l'EI près de Kafr Zita. "
            + "« Toutes les cibles ont été atteintes », a déclaré son porte-parole, le général Igor Konachenkov. Une affirmation contestée sur le terrain.\n\n"
            + "« Il n'y a jamais eu de présence de Daech à Kafr Zita », a affirmé un commandant rebelle, Abou Hamza.");
        var dispute = Assert.Single(a.Disputes, d => d.Disputant.Name == "Abou Hamza");
        Assert.Equal("Ministère russe de la Défense", dispute.DisputedParty?.Name);
    }

    [Fact]
    public void A_target_named_as_the_subject_of_a_passive_with_the_strike_as_agent_is_hit()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nUn hôpital de campagne soutenu par Médecins sans frontières (MSF) a été touché mardi par des frappes "
            + "aériennes russes dans la province d'Idleb, a annoncé l'ONG.");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal(["hôpital de campagne"], strike.Targets.Select(t => t.Name));
    }

    [Fact]
    public void A_hospital_strike_attributed_in_the_next_paragraph_is_that_strikers_told_by_both_sources()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nUn hôpital de campagne a été touché mardi par des frappes aériennes dans la province d'Idleb, a annoncé MSF.\n\n"
            + "Selon l'OSDH, les raids ont été menés par l'aviation russe.");
        Assert.Equal(["Médecins sans frontières", "OSDH"], a.Strikes.Select(k => k.ReportedBy?.Name).Order());
        Assert.All(a.Strikes, k => Assert.Equal("Russie", k.Perpetrator.Name));
        Assert.All(a.Strikes, k => Assert.Contains(k.Targets, t => t.Name == "hôpital de campagne"));
    }

    [Fact]
    public void An_explanation_rejected_is_rejected_once_for_the_camp_that_gave_it()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nMoscou a reconnu la première incursion, qu'il a attribuée à de mauvaises conditions météorologiques. "
            + "« Il ne faut pas y voir de complot », a assuré le porte-parole du ministère russe de la Défense, Igor Konachenkov.\n\n"
            + "Le secrétaire général de l'Otan, Jens Stoltenberg, a rejeté cette explication.");
        var dispute = Assert.Single(a.Disputes);
        Assert.Equal("Russie", dispute.DisputedParty?.Name);
    }

    [Theory]
    [InlineData("Selon le Wall Street Journal, des troupes russes se préparaient à une offensive terrestre.", "Wall Street Journal")]
    [InlineData("Selon le New York Times, des conseillers russes sont déployés à Lattaquié.", "New York Times")]
    public void A_capitalised_name_after_an_article_that_the_knowledge_base_does_not_list_is_a_source(string sentence, string source)
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\n" + sentence);
        Assert.Equal(source, Assert.Single(a.Statements).Speaker.Name);
    }

    [Fact]
    public void A_title_or_a_place_written_with_capitals_is_no_such_name()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nSelon le Président Bachar al-Assad, les frappes sont légitimes.");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name.StartsWith("Président", StringComparison.Ordinal));
    }

    private const string MissilesInIran = "Quatre des 26 missiles de croisière tirés mercredi par la flotte russe vers la Syrie se sont écrasés en Iran, "
        + "ont affirmé jeudi deux responsables américains à la chaîne CNN.";

    [Fact]
    public void A_retort_from_the_other_camp_taking_up_the_claims_words_disputes_it()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{MissilesInIran}\n\n« Tous nos missiles ont atteint leurs cibles », a répliqué le porte-parole du ministère russe de la Défense, le général Igor Konachenkov.");
        AssertOnlyDispute(a, "Igor Konachenkov", "responsables américains");
        // A retort sharing no word with the claim before answers something else.
        var b = Extract($"Un titre\n\n{Lead}\n\n{MissilesInIran}\n\n« Nous sommes prêts à discuter », a répliqué le porte-parole du ministère russe de la Défense, le général Igor Konachenkov.");
        Assert.Empty(b.Disputes);
    }

    [Theory]
    [InlineData("Téhéran a également démenti.")]
    // Words of its own that take up the joined claim's (a missile fallen in Iran), not the Russian claim told last.
    [InlineData("Téhéran a également nié qu'un missile soit tombé sur son territoire.")]
    public void A_denial_said_to_join_the_one_before_answers_the_same_claim(string iranDenies)
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{MissilesInIran}\n\nLe ministère russe de la Défense a démenti ces informations. "
            + $"Le ministère russe avait annoncé mercredi que ses navires avaient tiré 26 missiles contre 11 cibles de l'EI.\n\n{iranDenies}");
        var iran = Assert.Single(a.Disputes, d => d.Disputant.Name == "Iran");
        Assert.Equal("responsables américains", iran.DisputedParty?.Name);
    }

    [Fact]
    public void A_denial_with_also_whose_words_take_up_nothing_of_the_claim_before_does_not_join_it()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{MissilesInIran}\n\nLe ministère russe de la Défense a démenti ces informations. "
            + "Le ministère russe avait annoncé mercredi que ses navires avaient tiré 26 missiles contre 11 cibles de l'EI.\n\n"
            + "Téhéran a également démenti toute livraison d'armes au Hezbollah.");
        Assert.DoesNotContain(a.Disputes, d => d.Disputant.Name == "Iran" && d.DisputedParty?.Name == "responsables américains");
    }

    [Fact]
    public void A_ministry_named_by_its_nation_alone_is_the_ministry_of_that_nation_named_before()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nLe ministère russe de la Défense a annoncé des frappes près de Hama. Le ministère russe a ajouté que 12 cibles avaient été détruites.");
        Assert.All(a.Statements, s => Assert.Equal("Ministère russe de la Défense", s.Speaker.Name));
    }

    [Fact]
    public void Ce_dernier_is_the_speaker_just_named()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\n« Nous avons eu une discussion constructive », a déclaré M. Kerry à l'issue de la rencontre. "
            + "Ce dernier a toutefois reconnu que des « divergences importantes » demeuraient.");
        Assert.Equal(2, a.Statements.Count(s => s.Speaker.Name == "John Kerry"));
    }

    [Fact]
    public void Rebels_saying_the_strikes_hit_their_own_positions_dispute_whom_the_striker_says_it_hits()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nSergueï Lavrov a affirmé que l'aviation russe ne visait que « des terroristes ». "
            + "Les rebelles affirment au contraire que la plupart des frappes russes ont visé leurs positions.");
        AssertOnlyDispute(a, "rebelles syriens", "Russie");
        // The same words from the striker's side speak of the enemy's positions, not the speaker's own.
        var b = Extract("Un titre\n\n" + Lead + "\n\nLes rebelles affirment que les frappes russes ont visé des positions de l'EI. "
            + "Sergueï Lavrov a affirmé que les frappes russes ont visé leurs positions.");
        Assert.Empty(b.Disputes);
    }

    [Fact]
    public void A_list_of_targets_destroyed_adds_to_a_strike_that_has_its_places_and_is_not_read_again()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nL'armée russe a affirmé avoir frappé 63 cibles « terroristes » dans les provinces de Hama et d'Idleb. "
            + "Parmi les objectifs détruits figurent un centre de communication et une usine d'explosifs, a indiqué le porte-parole du ministère de la Défense.");
        var strike = Assert.Single(a.Strikes);
        Assert.Contains(strike.Targets, t => t.Name == "centre de communication");
        Assert.Contains(strike.Targets, t => t.Name == "usine d'explosifs");
    }

    [Fact]
    public void A_group_the_strikes_are_said_to_hit_rather_than_another_is_the_target_the_other_is_not()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nParis a accusé jeudi la Russie de frapper l'opposition modérée plutôt que l'organisation Etat islamique.");
        var strike = Assert.Single(a.Strikes);
        Assert.Contains(strike.Targets, t => t.Name == "opposition modérée");
        Assert.DoesNotContain(strike.Targets, t => t.Name == "État islamique");
    }

    [Fact]
    public void Strikes_on_the_area_take_the_province_named_last()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nL'armée syrienne a lancé mercredi une offensive terrestre dans le nord de la province de Hama.\n\n"
            + "D'après l'OSDH, les avions russes ont mené au moins 30 frappes sur la région depuis l'aube.");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal(["province de Hama"], strike.Locations.Select(l => l.Name));
        // "dans la région" is as often the whole Middle East: no place taken.
        var b = Extract("Un titre\n\n" + Lead + "\n\nL'armée syrienne a lancé mercredi une offensive terrestre dans le nord de la province de Hama.\n\n"
            + "D'après l'OSDH, les avions russes ont mené au moins 30 frappes dans la région depuis l'aube.");
        Assert.DoesNotContain(b.Strikes, k => k.Locations.Any(l => l.Name == "province de Hama"));
    }

    [Fact]
    public void A_group_said_yet_not_to_be_present_disputes_the_claim_that_placed_it_there()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nSelon le ministère russe de la Défense, les avions Soukhoï ont frappé 12 positions de l'EI près de Kafr Nabouda. "
            + "Le groupe Etat islamique n'est pourtant pas présent dans cette région, selon des experts.");
        AssertOnlyDispute(a, "experts", "Ministère russe de la Défense");
    }

    [Fact]
    public void A_drop_of_supplies_is_no_strike_nor_are_the_drops_the_article_speaks_of_after_it()
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\nDes avions de transport américains ont largué dimanche dans le nord de la Syrie des munitions destinées à des groupes rebelles, "
            + "a annoncé un responsable américain. Il s'agit des premiers largages depuis l'abandon du programme de formation des rebelles.\n\n"
            + "Selon l'OSDH, 45 personnes ont été tuées samedi dans des raids russes sur la province de Lattaquié.");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal("OSDH", strike.ReportedBy?.Name);
        // Barrels dropped are a strike.
        var b = Extract("Un titre\n\n" + Lead + "\n\nDes hélicoptères du régime ont largué des barils d'explosifs sur Daraya, selon l'OSDH.");
        Assert.Single(b.Strikes);
    }

    [Theory]
    [InlineData("Moscou n'a pas commenté dans l'immédiat.")]
    [InlineData("Le Pakistan n'a pas commenté ces frappes.")]
    [InlineData("Le ministère n'a jamais confirmé ce bilan.")]
    public void A_reporting_verb_negated_between_its_auxiliary_and_participle_reports_nothing(string sentence)
    {
        var a = Extract("Un titre\n\n" + Lead + "\n\n" + sentence);
        Assert.Empty(a.Statements);
        Assert.Empty(a.Disputes);
    }

    /// <summary>The article holds one dispute, by <paramref name="disputant"/> against <paramref name="party"/>.</summary>
    private static void AssertOnlyDispute(ArticleExtraction a, string disputant, string party)
    {
        var dispute = Assert.Single(a.Disputes);
        Assert.Equal(disputant, dispute.Disputant.Name);
        Assert.Equal(party, dispute.DisputedParty?.Name);
    }
}
