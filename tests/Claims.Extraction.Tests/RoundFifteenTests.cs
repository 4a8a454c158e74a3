using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Session 26, probing copy in the manner of October 2015's wires: a person in a title's complement is whom the title
/// holder serves ("le porte-parole de Vladimir Poutine, Dmitri Peskov": Peskov speaks); a capital opening the sentence before
/// the words that carry a strike ("A Washington, un responsable américain a affirmé que…") is where they were said, not a
/// place struck; those who died in strikes ("39 civils ont péri dans les raids russes") are what they hit, whatever the
/// auxiliary; "ces accusations" rejected answer the last claim made as an accusation, not the account told last; the subject of
/// "a imputé le bombardement à X" reports the strike it attributes; a dateline's place may carry its country in brackets
/// ("ALEP (Syrie), 16 octobre 2015 (AFP) -"); a place coordinated with its "de" said again ("les villages de Hader et d'Al-Eis")
/// is a place too; plural targets are targets as their singulars are ("des hôpitaux et des écoles"); a lead opening on a target
/// past its dateline, or reported words opening on one, have it as the passive's subject; an NGO the knowledge base does not
/// list, named in full ("la Société médicale syro-américaine"), speaks; "a demandé à X que…" opens the words after "que", not
/// at the addressee; a toll counted "dans ces raids" is about the strikes just told, at their place; a noun set beside a place
/// ("près de Raqa, le fief du groupe Etat islamique") describes it and is no target; a dateline's comma pairs with no other
/// ("MOSCOU, 12 octobre 2015 (AFP) - X a défendu…, affirmant que…": X speaks), and a relative clause beside the subject is
/// closed past a dateline as without one, and "Selon X, …" or "Pour X, …" opens the sentence past its dateline; a dateline's
/// dash pairs with no other, and words taken up by "Cette mise en garde est signée X" start past their dateline; a striker's
/// own "nous visons / frappons" says whom its strikes hit; a threat ("a menacé") tells no strike, even dated. Each test quotes
/// sentences written here.</summary>
public sealed class RoundFifteenTests
{
    [Theory]
    [InlineData("« Nos frappes visent exclusivement des terroristes », a assuré le porte-parole de Vladimir Poutine, Dmitri Peskov.")]
    [InlineData("Le porte-parole de Vladimir Poutine, Dmitri Peskov, a assuré que les frappes visaient exclusivement des terroristes.")]
    public void The_holder_of_a_title_named_after_the_person_it_serves_speaks(string sentence)
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{sentence}");
        var said = Assert.Single(a.Statements, s => s.Text.Contains("exclusivement des terroristes"));
        Assert.Equal("Dmitri Peskov", said.Speaker.Name);
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name == "Vladimir Poutine");
    }

    [Theory]
    [InlineData("A Washington")]
    [InlineData("À Washington")]
    public void A_capital_opening_the_sentence_before_the_reported_words_is_where_they_were_said(string opening)
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{opening}, un responsable américain a affirmé que les frappes russes visaient des groupes rebelles près de Hama.");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal("Russie", strike.Perpetrator.Name);
        Assert.DoesNotContain(strike.Locations, l => l.Name == "Washington");
        Assert.Contains(strike.Locations, l => l.Name == "Hama");
    }

    [Theory]
    // Not a capital: the town of the events, wherever the source sits.
    [InlineData("A Alep, l'OSDH a indiqué que des frappes russes avaient tué dix civils.", "Alep")]
    // In the article's own voice, a capital opening the sentence is where the strike fell.
    [InlineData("A Damas, l'aviation russe a bombardé mardi des quartiers tenus par les rebelles.", "Damas")]
    public void A_place_opening_the_sentence_stays_struck_unless_it_is_the_seat_of_the_words(string sentence, string place)
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{sentence}");
        Assert.Contains(Assert.Single(a.Strikes).Locations, l => l.Name == place);
    }

    [Theory]
    [InlineData("Selon l'Observatoire syrien des droits de l'homme, au moins 39 civils ont péri dans les raids russes depuis le 30 septembre.")]
    [InlineData("Au moins 39 civils ont succombé à leurs blessures après les raids russes de mardi, selon l'OSDH.")]
    public void Those_who_died_in_strikes_are_what_they_hit(string sentence)
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{sentence}");
        var strike = Assert.Single(a.Strikes);
        Assert.Equal("Russie", strike.Perpetrator.Name);
        Assert.Equal("OSDH", strike.ReportedBy?.Name);
        Assert.Contains(strike.Targets, t => t.Name == "civils");
        Assert.Equal(39, strike.Counts["killed"]);
    }

    [Fact]
    public void Accusations_rejected_answer_the_last_claim_made_as_an_accusation()
    {
        var a = Extract("Un titre\n\nAmnesty International a accusé lundi la Russie d'avoir tué des dizaines de civils dans des frappes aériennes sur "
            + "des zones résidentielles de la province de Homs.\n\nInterrogé par l'AFP, un militant de Talbisseh, Abou Mohammad, a raconté que les avions "
            + "avaient frappé un marché en pleine journée.\n\nLe ministère russe de la Défense a qualifié ces accusations de « guerre de l'information ».");
        var rejection = Assert.Single(a.Disputes, d => d.Disputant.Name == "Ministère russe de la Défense");
        Assert.Equal("Amnesty International", rejection.DisputedParty?.Name);
    }

    [Theory]
    [InlineData("Les Casques blancs ont imputé le bombardement à l'aviation russe.")]
    [InlineData("Les Casques blancs, des secouristes opérant en zone rebelle, ont imputé le bombardement à l'aviation russe.")]
    [InlineData("Les Casques blancs imputent le bombardement à l'aviation russe.")]
    [InlineData("La Défense civile syrienne impute le bombardement à l'aviation russe.")]
    public void Who_attributes_a_strike_reports_it(string sentence)
    {
        var a = Extract($"Un titre\n\nUn hôpital de campagne a été touché lundi par des frappes aériennes dans la province d'Idleb, selon des témoins.\n\n{sentence}");
        var attributed = Assert.Single(a.Strikes, k => k.ReportedBy?.Name != "témoins");
        Assert.Equal("Casques blancs", attributed.ReportedBy?.Name);
        Assert.Equal("Russie", attributed.Perpetrator.Name);
    }

    [Fact]
    public void A_datelines_country_in_brackets_is_part_of_the_dateline()
    {
        var a = Extract("Un titre\n\nALEP (Syrie), 16 octobre 2015 (AFP) - Des avions russes ont bombardé vendredi plusieurs localités au sud d'Alep, "
            + "a constaté un correspondant de l'AFP.");
        Assert.StartsWith("Des avions russes ont bombardé", Assert.Single(a.Statements).Text);
    }

    [Theory]
    [InlineData("Les raids russes ont touché les villages de Hader et d'Al-Eis, selon l'OSDH.", "Al-Eis")]
    [InlineData("Les raids russes ont touché les villages de Hader et de Zitane, selon l'OSDH.", "Zitane")]
    public void A_place_coordinated_with_its_de_said_again_is_struck_too(string sentence, string second)
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{sentence}");
        Assert.Equal(["Hader", second], Assert.Single(a.Strikes).Locations.Select(l => l.Name));
    }

    [Fact]
    public void What_follows_a_place_and_et_de_is_not_a_place_unless_named()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLes raids russes ont touché le village de Hader et de nombreux civils ont fui, selon l'OSDH.");
        Assert.Equal(["Hader"], Assert.Single(a.Strikes).Locations.Select(l => l.Name));
    }

    [Fact]
    public void Plural_targets_are_targets_as_their_singulars_are()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nSelon l'OSDH, les frappes russes ont touché des hôpitaux, des écoles et des marchés à Talbisseh.");
        Assert.Equal(["hôpitaux", "écoles", "marchés"], Assert.Single(a.Strikes).Targets.Select(t => t.Name));
    }

    [Fact]
    public void A_lead_opening_on_a_target_past_its_dateline_has_it_as_the_subject()
    {
        var a = Extract("Un titre\n\nGENEVE, 20 octobre 2015 (AFP) - Un hôpital de campagne soutenu par Médecins sans frontières a été détruit par "
            + "des frappes aériennes russes dans la province d'Idleb, a indiqué mardi l'ONG.");
        Assert.Contains(Assert.Single(a.Strikes).Targets, t => t.Name == "hôpital de campagne");
    }

    [Fact]
    public void Reported_words_opening_on_a_target_have_it_as_the_subject()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLa Société médicale syro-américaine (SAMS) a affirmé jeudi qu'un hôpital qu'elle soutient à Sarmine, dans la province "
            + "d'Idleb, avait été touché par des frappes russes, tuant 13 personnes.");
        Assert.Contains(Assert.Single(a.Strikes).Targets, t => t.Name == "hôpital");
    }

    [Theory]
    [InlineData("La Société médicale syro-américaine", "Société médicale syro-américaine")]
    [InlineData("Le Réseau syrien des droits de l'homme", "Réseau syrien des droits de l'homme")]
    [InlineData("L'Union des organisations de secours et de soins médicaux", "Union des organisations de secours et de soins médicaux")]
    [InlineData("Le Comité international de la Croix-Rouge", "Comité international de la Croix-Rouge")]
    public void An_ngo_named_in_full_speaks_and_reports(string subject, string name)
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{subject} a affirmé que des frappes russes avaient touché un hôpital à Sarmine.");
        Assert.Equal(name, Assert.Single(a.Statements).Speaker.Name);
        Assert.Equal(name, Assert.Single(a.Strikes).ReportedBy?.Name);
    }

    [Fact]
    public void An_ngos_name_ends_before_another_preposition()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nDes avions russes ont bombardé jeudi un hôpital à Sarmine, a déclaré la Société médicale syro-américaine dans un communiqué.");
        Assert.Equal("Société médicale syro-américaine", Assert.Single(a.Statements).Speaker.Name);
    }

    [Fact]
    public void A_request_made_to_an_addressee_opens_its_words_after_que()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLe président François Hollande a demandé vendredi à Vladimir Poutine que les frappes russes visent « Daech et seulement Daech ».");
        var said = Assert.Single(a.Statements, s => s.Speaker.Name == "François Hollande");
        Assert.StartsWith("les frappes russes visent", said.Text);
    }

    [Fact]
    public void A_toll_counted_in_the_strikes_pointed_at_is_about_their_place()
    {
        var a = Extract("Un titre\n\nDes frappes aériennes russes ont tué jeudi au moins 17 civils à Talbisseh, dans la province de Homs, selon l'OSDH.\n\n"
            + "Les Casques blancs ont pour leur part fait état de 23 morts dans ces raids, dont sept enfants.");
        var toll = Assert.Single(a.Strikes, k => k.ReportedBy?.Name == "Casques blancs");
        Assert.Contains(toll.Locations, l => l.Name == "Talbisseh");
        Assert.Equal(23, toll.Counts["killed"]);
    }

    [Fact]
    public void A_noun_set_beside_a_place_describes_it_and_is_no_target()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLa coalition a mené dimanche dix frappes près de Raqa, le fief du groupe Etat islamique, a annoncé le Pentagone.");
        var strike = Assert.Single(a.Strikes);
        Assert.Contains(strike.Locations, l => l.Name == "Raqa");
        Assert.DoesNotContain(strike.Targets, t => t.Name.StartsWith("fief", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MOSCOU, 12 octobre 2015 (AFP) -")]
    [InlineData("MOSCOU, lundi (AFP) -")]
    public void A_datelines_comma_does_not_hide_the_subject_of_a_participle_cue(string dateline)
    {
        var a = Extract($"Un titre\n\n{dateline} Vladimir Poutine a défendu lundi l'intervention russe en Syrie, affirmant qu'elle visait à stabiliser le pouvoir légitime.");
        Assert.Equal("Vladimir Poutine", Assert.Single(a.Statements).Speaker.Name);
    }

    [Fact]
    public void A_relative_clause_beside_the_subject_closes_past_a_dateline()
    {
        var a = Extract("Un titre\n\nMOSCOU, 8 octobre 2015 (AFP) - Moscou, qui dément toute victime civile, affirme ne viser que des terroristes.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Russie" && s.Text == "ne viser que des terroristes");
    }

    [Theory]
    [InlineData("PARIS, 8 octobre 2015 (AFP) - Selon l'OSDH, les frappes russes ont tué 12 civils à Talbisseh.", "OSDH")]
    [InlineData("PARIS, 8 octobre 2015 (AFP) - Mardi, selon l'OSDH, les frappes russes ont tué 12 civils à Talbisseh.", "OSDH")]
    [InlineData("PARIS, 8 octobre 2015 (AFP) - Pour Washington, les frappes russes visent surtout des rebelles près de Hama.", "États-Unis")]
    public void A_source_opening_the_sentence_past_its_dateline_speaks(string sentence, string speaker)
    {
        var a = Extract($"Un titre\n\n{sentence}");
        Assert.StartsWith("les frappes russes", Assert.Single(a.Statements, s => s.Speaker.Name == speaker).Text);
    }

    [Fact]
    public void A_datelines_dash_pairs_with_no_other()
    {
        // With the dateline's dash paired with the first of the list's, the list fell outside the dashes and each country spoke.
        var a = Extract("Un titre\n\nBRUXELLES, 8 octobre 2015 (AFP) - Les ministres de la Défense de la coalition - Etats-Unis, France, Australie et "
            + "Grande-Bretagne - se sont félicités d'avoir fait reculer Daech sur le terrain.");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name is "France" or "Australie");
    }

    [Fact]
    public void Words_taken_up_from_a_sentence_with_a_dateline_start_past_it()
    {
        var a = Extract("Un titre\n\nBRUXELLES, 8 octobre 2015 (AFP) - L'Alliance atlantique est prête à défendre la Turquie contre toute menace. "
            + "Cette mise en garde est signée Jens Stoltenberg, le secrétaire général de l'Otan.");
        Assert.StartsWith("L'Alliance atlantique est prête", Assert.Single(a.Statements, s => s.Speaker.Name == "Jens Stoltenberg").Text);
    }

    [Theory]
    [InlineData("« Nous ne visons que les terroristes », a-t-il assuré.")]
    [InlineData("« Nous frappons les positions de l'EI et d'Al-Nosra », a déclaré le ministre.")]
    public void A_strikers_own_first_person_says_whom_its_strikes_hit(string sentence)
    {
        var a = Extract($"Un titre\n\nLe ministre russe des Affaires étrangères Sergueï Lavrov a défendu dimanche les frappes russes en Syrie.\n\n{sentence}");
        var said = Assert.Single(a.Statements, s => s.Text.StartsWith("Nous", StringComparison.Ordinal));
        Assert.Equal("jihadists", said.Stance?.Position);
    }

    [Fact]
    public void A_threat_tells_no_strike_even_dated()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n« L'Azerbaïdjan détruira les cibles militaires d'où partent les tirs contre sa population jusqu'en Arménie », "
            + "a menacé mardi Hikmet Hajiyev, un conseiller du président azerbaïdjanais.");
        Assert.Empty(a.Strikes);
        Assert.Single(a.Statements, s => s.Speaker.Name == "Hikmet Hajiyev");
    }
}
