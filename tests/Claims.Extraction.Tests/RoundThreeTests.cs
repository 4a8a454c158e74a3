using Claims.Extraction.Contradictions;
using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 3: classes the enlarged development half showed (other wars: Iraq, Libya, Yemen, Ukraine, Sahel).
/// Each test quotes one or two sentences written here for the class, none taken from the test half.</summary>
public sealed class RoundThreeTests
{
    [Fact]
    public void An_institution_named_with_its_short_name_in_parentheses_speaks_and_its_short_name_refers_back_to_it()
    {
        var a = Extract("Des avions ont bombardé Raqqa dimanche, a indiqué le Commandement central américain (Centcom). "
            + "Le Centcom précise que la mission visait un dépôt de munitions.");
        Assert.Equal(2, a.Statements.Count);
        Assert.All(a.Statements, s => Assert.Equal("centcom", s.Speaker.Id));
    }

    [Fact]
    public void Forces_named_by_whom_they_serve_are_that_actor_and_strike_in_its_own_name()
    {
        var a = Extract("Les forces loyales au Gouvernement d'entente nationale (GEN) ont annoncé avoir frappé une base aérienne près de Misrata. "
            + "«L'aviation a détruit trois hangars», ont indiqué sur Facebook les forces pro-GEN.");
        Assert.Equal(2, a.Statements.Count);
        Assert.All(a.Statements, s => Assert.Equal("gen", s.Speaker.Id));
        Assert.Contains(a.Strikes, k => k.Perpetrator.Id == "gen" && k.ReportedBy?.Id == "gen");
    }

    [Fact]
    public void The_victims_of_a_strike_named_by_their_nationality_are_not_its_striker()
    {
        var a = Extract("Le ministère russe de la Défense a annoncé que 200 soldats ukrainiens avaient été tués dans une frappe de missiles contre la ville de Kharkiv.");
        var k = Assert.Single(a.Strikes);
        Assert.NotEqual("ukraine", k.Perpetrator.Id);
    }

    [Fact]
    public void A_nationality_after_a_strike_verb_qualifies_its_object_not_its_striker()
    {
        var a = Extract("Le porte-parole des rebelles, Ali Hassan, a déclaré que leurs forces avaient ciblé deux navires américains en mer Rouge.");
        Assert.DoesNotContain(a.Strikes, k => k.Perpetrator.Id == "etats-unis");
    }

    [Fact]
    public void A_channel_or_a_document_between_the_verb_and_an_inverted_subject_does_not_hide_the_speaker()
    {
        var a = Extract("«Nos frappes visent les positions ennemies», a déclaré dans un communiqué Karim Haddad, porte-parole des forces du gouvernement.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("Karim Haddad", s.Speaker.Name);
    }

    [Fact]
    public void A_strike_noun_keeps_its_nationality_even_in_the_singular()
    {
        var a = Extract("Une frappe aérienne russe a touché lundi le marché de Maaret al-Noomane, selon l'OSDH.");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("russie", k.Perpetrator.Id);
    }

    [Fact]
    public void Denouncing_an_account_as_a_communication_operation_disputes_it()
    {
        var a = Extract("L'armée russe a annoncé que 300 soldats ukrainiens avaient été tués par une frappe contre la ville de Soumy. "
            + "Kiev dénonce « une opération de communication ».");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("ukraine", d.Disputant.Id);
    }

    [Fact]
    public void A_capitalised_quotation_closing_before_an_inverted_cue_is_that_speakers_words_though_no_comma_opens_it()
    {
        var a = Extract("Le gouvernement a nié toute frappe sur le port, affirmant que ces informations étaient fausses «Nos défenses ont tout intercepté cette nuit», a indiqué un porte-parole de l'armée, Ivan Petrenko.");
        var s = Assert.Single(a.Statements, x => x.Speaker.Name == "Ivan Petrenko");
        Assert.StartsWith("Nos défenses", s.Text);
    }

    [Fact]
    public void A_plural_pronoun_refers_to_the_state_quoted_before_its_spokesman_not_to_him()
    {
        var a = Extract("La Turquie a affirmé que ses avions n'avaient visé aucune ville. « Nos avions sont restés au sol », a déclaré un porte-parole de l'armée turque, Murat Yilmaz. "
            + "Ils ont ajouté que la ville avait été touchée par des roquettes.");
        var last = a.Statements.OrderBy(x => x.Span.Start).Last();
        Assert.Equal("turquie", last.Speaker.Id);
    }

    [Fact]
    public void A_quoted_object_is_the_condemners_words_not_the_circumstances_after_it()
    {
        var a = Extract("Le gouvernement libanais a condamné mardi une « agression flagrante » après les frappes menées dans la nuit sur Baalbek.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("liban", s.Speaker.Id);
        Assert.EndsWith("agression flagrante »", s.Text);
    }

    [Fact]
    public void A_short_name_after_the_institutions_complement_refers_back_to_it()
    {
        var a = Extract("Un missile a été abattu en mer Rouge, a annoncé le commandement militaire américain pour le Moyen-Orient (Centcom). "
            + "« Aucun navire n'a été touché », a indiqué Centcom dans un communiqué.");
        Assert.Equal(2, a.Statements.Count);
        Assert.Single(a.Statements.Select(x => x.Speaker.Id).Distinct());
    }

    [Fact]
    public void Dropping_a_bomb_from_an_aircraft_is_a_strike()
    {
        var a = Extract("Un avion israélien a largué une bombe sur une école de Khan Younès, a affirmé la Défense civile.");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("israel", k.Perpetrator.Id);
    }

    [Fact]
    public void A_judgement_disputes_the_owner_its_adjective_names_never_the_judges_own_camp()
    {
        var a = Extract("L'Ukraine a démenti toute frappe sur des casernes. « Rien de tel ne s'est produit », a indiqué un porte-parole de l'armée ukrainienne, Petro Koval, "
            + "dénonçant une opération de communication russe.");
        Assert.DoesNotContain(a.Disputes, d => d.Disputant.Name == "Petro Koval" && d.DisputedParty?.Id == "ukraine");
        Assert.Contains(a.Disputes, d => d.Disputant.Name == "Petro Koval" && d.DisputedParty?.Id == "russie");
    }

    [Fact]
    public void Claims_owned_by_a_nationality_adjective_are_that_states_and_the_doubt_disputes_it()
    {
        var a = Extract("Le Pentagone a mis en doute les affirmations russes selon lesquelles les frappes visaient l'EI.");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("russie", d.DisputedParty?.Id);
        Assert.All(a.Strikes, k => Assert.Equal("russie", k.ReportedBy?.Id));
    }

    [Fact]
    public void A_state_never_disputes_its_own_ministers_account()
    {
        var a = Extract("Quatre navires ont tiré 26 missiles de croisière sur des cibles en Syrie, a annoncé Sergueï Choïgou. "
            + "Moscou a nié que ses missiles soient tombés en Iran.");
        Assert.DoesNotContain(a.Disputes, d => d.DisputedParty?.Id == "serguei-choigou");
    }

    [Fact]
    public void A_title_whose_complement_names_an_organisation_keeps_the_persons_name_after_the_comma()
    {
        var a = Extract("« Ce n'est pas un accident », a estimé le directeur de l'ONG Syrian Network for Human Rights, Fadel Abdul Ghany.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("Fadel Abdul Ghany", s.Speaker.Name);
    }

    [Fact]
    public void The_institution_in_a_persons_title_is_the_one_a_bare_head_refers_to_next()
    {
        var a = Extract("Le porte-parole du ministère iranien des Affaires étrangères, Hossein Jaberi, a démenti ces informations. "
            + "Le ministère a ajouté que l'espace aérien n'avait pas été violé.");
        var s = a.Statements.OrderBy(x => x.Span.Start).Last();
        Assert.Contains("Affaires étrangères", s.Speaker.Name);
    }

    [Fact]
    public void Being_hit_by_rockets_or_aircraft_is_a_strike_of_the_striker_told_before()
    {
        var a = Extract("Des frappes russes ont visé Kharkiv. Les autorités ukrainiennes ont rapporté que la ville de Kostiantynivka avait été touchée par cinq roquettes.");
        Assert.Contains(a.Strikes, k => k.Perpetrator.Id == "russie" && k.Locations.Any(p => p.Name == "Kostiantynivka"));
    }

    [Fact]
    public void A_strike_that_is_the_object_of_a_denial_is_not_reported()
    {
        var a = Extract("L'armée russe a affirmé avoir frappé un dépôt à Kramatorsk. Kiev a nié toute frappe sur des casernes à Kramatorsk.");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("ministere-russe-defense", k.ReportedBy?.Id);
    }

    [Fact]
    public void One_strike_told_as_hitting_civilians_by_one_source_and_fighters_by_another_is_a_contradiction()
    {
        var a = Extract("La Défense civile a annoncé qu'une frappe israélienne avait touché une école abritant des déplacés à Rafah. "
            + "L'armée israélienne a affirmé avoir frappé des terroristes du Hamas qui opéraient dans un centre de commandement.");
        var c = Assert.Single(ContradictionFinder.Find([a]));
        Assert.Equal(Contradiction.DifferentTargets, c.Kind);
        Assert.Equal(2, c.Sides.Count);
    }

    [Fact]
    public void Strikes_presented_by_someone_as_hitting_fighters_are_their_account_and_an_accusation_otherwise_disputes_it()
    {
        var a = Extract("Amnesty International a accusé l'armée du Mali d'avoir tué 30 civils dans des frappes de drones présentées par le gouvernement comme ayant visé des combattants jihadistes.");
        Assert.Contains(a.Strikes, k => k.Perpetrator.Id == "mali" && k.ReportedBy?.Id == "mali");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("mali", d.DisputedParty?.Id);
    }

    [Fact]
    public void A_communique_affirming_something_is_its_issuers_report_strikes_included()
    {
        var a = Extract("Le ministère russe de la Défense a publié un communiqué affirmant que ses avions avaient détruit 12 sites de l'EI près de Palmyre.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("ministere-russe-defense", s.Speaker.Id);
        var k = Assert.Single(a.Strikes);
        Assert.Equal("ministere-russe-defense", k.ReportedBy?.Id);
        Assert.Contains(k.Locations, p => p.Name == "Palmyre");
    }

    [Fact]
    public void A_judgement_with_its_own_agent_is_that_agents_dispute_of_the_words_it_follows()
    {
        var a = Extract("La Russie a assuré qu'il s'agissait d'une erreur due au mauvais temps, une explication jugée peu crédible par l'Otan.");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("otan", d.Disputant.Id);
        Assert.Equal("russie", d.DisputedParty?.Id);
    }

    [Fact]
    public void Calling_accusations_information_warfare_disputes_them()
    {
        var a = Extract("Les frappes russes ont tué 45 civils dans la province d'Alep, a indiqué l'OSDH. Pour Moscou, ces accusations relèvent de la « guerre de l'information ».");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("russie", d.Disputant.Id);
        Assert.Equal("osdh", d.DisputedParty?.Id);
    }

    [Fact]
    public void Places_the_gazetteer_does_not_know_after_a_plural_place_noun_or_coordinated_with_a_place_are_places()
    {
        var a = Extract("Des hélicoptères russes ont pilonné les villages de Kfar Nboudeh et Habeit, dans le nord de la province de Hama, selon des sources locales.");
        var k = Assert.Single(a.Strikes);
        Assert.Contains(k.Locations, p => p.Name == "Kfar Nboudeh");
        Assert.Contains(k.Locations, p => p.Name == "Habeit");
    }
}
