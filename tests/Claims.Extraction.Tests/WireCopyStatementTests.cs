using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: constructions of wire copy that lost or invented a record whatever the event. A one-sentence paragraph
/// inside the body is body text, a sentence opened by "Mais" or "Or" still has its source, a negated infinitive ("ne viser
/// que", "ne pas avoir reçu") is the words themselves, a source the knowledge base does not know speaks after "selon" as after
/// a verb, a communiqué as the inverted subject speaks for its issuer, a person before a colon and a quotation says it, a
/// paragraph all quotation continues the quoted words of the paragraph before, a participle's phrase beside the subject is no
/// words before an incise, an excuse ("une erreur de navigation") answers a charge of deliberateness told before it, and
/// charging a claim's author with propaganda disputes the claim; an indefinite apposition ("une ONG basée à Londres") describes
/// the speaker before it, whom a speaker accuses is no inverted subject, a verb after a relative clause on the subject is no
/// incise, and "le patron du Pentagone" is its chief. Each test quotes sentences written here.</summary>
public sealed class WireCopyStatementTests
{

    [Fact]
    public void A_short_paragraph_after_the_body_has_begun_is_read()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nMoscou a démenti avoir touché des civils.\n\n{Lead}");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Russie" && s.Text == "avoir touché des civils");
        Assert.Contains(a.Disputes, d => d.Disputant.Name == "Russie");
    }

    [Fact]
    public void A_short_line_before_the_body_is_still_no_body()
    {
        var a = Extract($"Moscou dément tout.\n\n{Lead}");
        Assert.Empty(a.Statements);
    }

    [Theory]
    [InlineData("Mais selon l'OSDH, l'EI n'est pas présent dans les zones bombardées.")]
    [InlineData("Or, d'après l'OSDH, l'EI n'est pas présent dans les zones bombardées.")]
    public void A_connective_before_selon_leaves_the_source_its_words(string sentence)
    {
        var a = Extract($"{Lead} {sentence}");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "osdh" && s.Text == "l'EI n'est pas présent dans les zones bombardées");
    }

    [Fact]
    public void A_restrictive_ne_que_after_an_adverb_is_the_words_not_a_clause_opener()
    {
        var a = Extract($"{Lead} Moscou assure au contraire ne viser que l'EI.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Russie" && s.Text == "ne viser que l'EI");
    }

    [Fact]
    public void A_negated_infinitive_after_an_addressee_keeps_its_negation()
    {
        var a = Extract($"{Lead} Le ministre russe de la Défense Sergueï Choïgou a déclaré à l'AFP ne pas avoir reçu d'informations sur l'incident.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Sergueï Choïgou" && s.Text == "ne pas avoir reçu d'informations sur l'incident");
    }

    [Fact]
    public void An_excuse_answers_the_charge_of_deliberateness_told_before_it()
    {
        var a = Extract($"{Lead} Ankara a dénoncé une violation délibérée de son espace aérien par un avion russe. "
                        + "Moscou a assuré qu'il s'agissait d'une erreur de navigation due au mauvais temps.");
        var dispute = Assert.Single(a.Disputes);
        Assert.Equal(("Russie", "Turquie"), (dispute.Disputant.Name, dispute.DisputedParty?.Name));
        Assert.Contains("violation délibérée", dispute.Claim);
    }

    [Fact]
    public void An_excuse_from_the_accusers_own_camp_disputes_nothing()
    {
        var a = Extract($"{Lead} Ankara a dénoncé une violation délibérée de son espace aérien. Selon Ankara, ce n'était pas une erreur.");
        Assert.Empty(a.Disputes);
    }

    [Fact]
    public void A_denial_followed_by_a_reporting_participle_answers_the_claim_before_and_the_participle_tells_the_words()
    {
        var a = Extract($"{Lead} Selon le ministère iranien, quatre missiles russes se sont écrasés en Iran. "
                        + "Moscou a démenti, assurant que tous ses missiles avaient atteint leurs cibles.");
        Assert.Equal(["tous ses missiles avaient atteint leurs cibles"], a.Statements.Where(s => s.Speaker.Name == "Russie").Select(s => s.Text));
        var dispute = Assert.Single(a.Disputes);
        Assert.Equal("Russie", dispute.Disputant.Name);
        Assert.Equal("quatre missiles russes se sont écrasés en Iran", dispute.Claim);
    }

    [Theory]
    [InlineData("Selon Hadi al-Bahra, les frappes visent l'opposition modérée.", "Hadi al-Bahra", "les frappes visent l'opposition modérée")]
    [InlineData("Selon Hadi al-Bahra, membre de la Coalition nationale syrienne, les frappes visent l'opposition modérée.", "Hadi al-Bahra", "les frappes visent l'opposition modérée")]
    [InlineData("D'après CNN, quatre missiles russes se sont écrasés en Iran.", "CNN", "quatre missiles russes se sont écrasés en Iran")]
    public void A_source_the_knowledge_base_does_not_know_after_selon_speaks(string sentence, string speaker, string words)
    {
        var a = Extract($"{Lead} {sentence}");
        Assert.Contains(a.Statements, s => s.Speaker.Name == speaker && s.Text == words);
    }

    [Fact]
    public void The_subject_after_selon_and_a_comma_is_part_of_the_words_not_a_description_of_the_source()
    {
        var a = Extract($"{Lead} Selon l'OSDH, au moins douze civils, dont trois enfants, ont été tués.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "osdh" && s.Text == "au moins douze civils, dont trois enfants, ont été tués");
    }

    [Theory]
    [InlineData("L'armée syrienne, appuyée par l'aviation russe, a lancé une offensive terrestre dans la province de Hama.")]
    [InlineData("Le croiseur lance-missiles Moskva, déployé au large de Lattaquié, assure la défense aérienne de la base de Hmeimim.")]
    public void A_participles_phrase_beside_the_subject_is_no_incise(string sentence)
    {
        Assert.Empty(Extract($"{Lead} {sentence}").Statements);
    }

    [Fact]
    public void A_participles_phrase_inside_the_words_before_an_incise_keeps_them_reported()
    {
        var a = Extract($"{Lead} La plupart de ces drones visaient un aérodrome militaire, situé à des centaines de kilomètres du front, a relevé Sergueï Choïgou.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Sergueï Choïgou" && s.Text.StartsWith("La plupart de ces drones visaient", StringComparison.Ordinal));
    }

    [Fact]
    public void A_relative_ce_que_opening_the_next_cue_is_not_part_of_the_words()
    {
        var a = Extract($"{Lead} Moscou accuse Washington de ne pas partager ses renseignements sur les positions de l'EI, ce que le Pentagone dément.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Russie" && s.Text == "ne pas partager ses renseignements sur les positions de l'EI");
    }

    [Fact]
    public void A_paragraph_ending_with_a_quotation_closed_after_a_spaced_guillemet_is_body_text()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n« Nous n'avons pas l'intention de participer à une opération terrestre », a déclaré Vladimir Poutine. "
                        + "« Nos frappes sont ciblées et précises. »");
        var statement = Assert.Single(a.Statements);
        Assert.Equal("Vladimir Poutine", statement.Speaker.Name);
        Assert.EndsWith("Nos frappes sont ciblées et précises.", statement.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("« Les frappes russes ont tué des civils », indique un communiqué du ministère russe de la Défense.", "Ministère russe de la Défense")]
    [InlineData("Les frappes ont tué des civils, précise un communiqué de l'OSDH.", "OSDH")]
    public void A_communique_as_the_inverted_subject_speaks_for_its_issuer(string sentence, string issuer)
    {
        var a = Extract($"{Lead} {sentence}");
        Assert.Contains(a.Statements, s => s.Speaker.Name == issuer && s.Text.EndsWith("ont tué des civils", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sergueï Lavrov : « Nous ne visons que des terroristes et nous continuerons. »")]
    [InlineData("Pour Sergueï Lavrov : « Nous ne visons que des terroristes et nous continuerons. »")]
    public void A_person_alone_before_a_colon_and_a_quotation_says_it(string sentence)
    {
        var a = Extract($"{Lead} {sentence}");
        var statement = Assert.Single(a.Statements);
        Assert.Equal(("Sergueï Lavrov", Statement.Direct), (statement.Speaker.Name, statement.Mode));
    }

    [Fact]
    public void A_country_before_a_colon_names_a_subject_not_a_speaker()
    {
        var a = Extract($"{Lead} Syrie : « La Russie frappe l'opposition », selon Washington.");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name == "Syrie");
    }

    [Theory]
    [InlineData("Moscou, de son côté, maintient ne frapper que des « terroristes ».", "Russie", "ne frapper que des « terroristes »")]
    [InlineData("Damas soutient n'avoir jamais visé de civils.", "Syrie", "n'avoir jamais visé de civils")]
    public void A_negated_infinitive_stands_for_the_clause_a_verb_needing_que_takes(string sentence, string speaker, string words)
    {
        var a = Extract($"{Lead} {sentence}");
        Assert.Contains(a.Statements, s => s.Speaker.Name == speaker && s.Text == words);
    }

    [Fact]
    public void Maintenir_with_an_object_reports_nothing()
    {
        Assert.Empty(Extract($"{Lead} Moscou maintient la pression sur les rebelles.").Statements);
    }

    [Fact]
    public void A_wire_dateline_is_not_part_of_a_disputes_words()
    {
        var a = Extract($"{Lead}\n\nWASHINGTON, 7 octobre (Reuters) - Le Pentagone a estimé que la Russie ne visait pas l'EI.");
        var dispute = Assert.Single(a.Disputes);
        Assert.StartsWith("Le Pentagone a estimé", dispute.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paragraph_all_quotation_after_a_speakers_quoted_words_goes_on_with_them()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n« Nous ne visons que des terroristes », a déclaré Sergueï Lavrov devant la presse à Moscou jeudi.\n\n"
                        + "« Nous continuerons nos frappes aussi longtemps que nécessaire pour éliminer la menace terroriste en Syrie. »");
        var statement = Assert.Single(a.Statements);
        Assert.Equal("Sergueï Lavrov", statement.Speaker.Name);
        Assert.EndsWith("la menace terroriste en Syrie.", statement.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_paragraph_after_indirect_words_starts_no_continuation()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nSergueï Lavrov a déclaré jeudi que la Russie ne visait que des terroristes en Syrie.\n\n"
                        + "« Nous continuerons nos frappes aussi longtemps que nécessaire pour éliminer la menace terroriste en Syrie. »");
        Assert.DoesNotContain(a.Statements, s => s.Text.Contains("Nous continuerons", StringComparison.Ordinal));
    }

    [Fact]
    public void Riposter_reports_a_quotation_and_nothing_else()
    {
        var a = Extract($"{Lead} « C'est une provocation », a riposté le porte-parole du Kremlin, Dmitri Peskov.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Dmitri Peskov" && s.Text == "C'est une provocation");
        Assert.Empty(Extract($"{Lead} L'armée a riposté par des tirs d'artillerie sur les positions rebelles.").Statements);
    }

    [Fact]
    public void Charging_a_claims_author_with_propaganda_disputes_the_claim()
    {
        var a = Extract($"{Lead} Selon l'OSDH, les frappes ont tué 12 civils. Le Kremlin a accusé l'Observatoire de « propagande ».");
        var dispute = Assert.Single(a.Disputes);
        Assert.Equal(("Russie", "OSDH", "les frappes ont tué 12 civils"), (dispute.Disputant.Name, dispute.DisputedParty?.Name, dispute.Claim));
    }

    [Fact]
    public void Charging_someone_with_an_act_is_no_dispute_of_anothers_claim()
    {
        Assert.Empty(Extract($"{Lead} Selon l'OSDH, les frappes ont tué 12 civils. Le Kremlin a accusé Washington de soutenir les rebelles.").Disputes);
    }

    // An indefinite apposition describes the speaker named before it; after "selon" it may hold a relative clause of its own,
    // which is not the source's words.
    [Theory]
    [InlineData("L'Observatoire syrien des droits de l'homme (OSDH), une ONG basée à Londres, a fait état de 39 civils tués.", "39 civils tués")]
    [InlineData("Selon l'OSDH, une ONG basée à Londres qui dispose d'un vaste réseau de sources en Syrie, 39 civils ont été tués.", "39 civils ont été tués")]
    public void An_indefinite_apposition_describes_the_speaker_named_before_it(string sentence, string words)
    {
        var s = Assert.Single(Extract($"Un titre\n\n{Lead}\n\n{sentence}").Statements);
        Assert.Equal("OSDH", s.Speaker.Name);
        Assert.Equal(words, s.Text);
    }

    [Fact]
    public void Whom_a_speaker_accuses_of_something_is_no_inverted_subject()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLe chef de l'opposition syrienne en exil, Khaled Khoja, a accusé Moscou de vouloir sauver le régime. "
            + "« Ce n'est pas une guerre contre le terrorisme », a-t-il dit.");
        Assert.All(a.Statements, s => Assert.Equal("Khaled Khoja", s.Speaker.Name));
        Assert.Contains(a.Statements, s => s.Text == "vouloir sauver le régime");
        // An incise still ends with its inverted subject.
        var incise = Extract($"Un titre\n\n{Lead}\n\n« Les Américains mentent », a accusé Moscou de manière catégorique.");
        Assert.Equal("Russie", Assert.Single(incise.Statements).Speaker.Name);
    }

    [Fact]
    public void The_patron_of_an_institution_is_its_chief()
    {
        // actors.json lists Ashton Carter as "chef du Pentagone"; the press's "patron" is the same title (titles.synonyms).
        var a = Extract($"Un titre\n\n{Lead}\n\nLe patron du Pentagone a estimé que la Russie avait « une mauvaise stratégie ».");
        Assert.Equal("Ashton Carter", Assert.Single(a.Statements).Speaker.Name);
    }

    [Fact]
    public void A_verb_after_a_relative_clause_on_the_subject_is_the_subjects_own_not_an_incise()
    {
        // "assurer" reports words only with its words: here it is the cruiser's own verb, "la défense aérienne" its object.
        Assert.Empty(Extract($"Un titre\n\n{Lead}\n\nLe croiseur Moskva, qui croise au large de Lattaquié, assure la défense aérienne de la base russe.").Statements);
        var a = Extract($"Un titre\n\n{Lead}\n\nLe Kremlin, qui dément toute frappe sur des civils, assure que ses avions ne visent que l'EI.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "Russie" && s.Text == "ses avions ne visent que l'EI");
        // The relative clause's own words end where it closes.
        Assert.Contains(a.Disputes, d => d.Disputant.Name == "Russie" && d.Claim == "toute frappe sur des civils");
    }

    [Fact]
    public void State_television_unqualified_is_a_source()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLes forces gouvernementales syriennes ont repris plusieurs villages, a rapporté la télévision d'État.");
        Assert.Equal("télévision d'État", Assert.Single(a.Statements).Speaker.Name);
        Assert.Equal("télévision d'État", Assert.Single(Extract($"Un titre\n\n{Lead}\n\nSelon la télévision d'État, l'armée a repris trois villages.").Statements).Speaker.Name);
    }

    [Fact]
    public void A_verb_after_an_apposition_to_a_named_subject_is_the_subjects_own()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLe Front al-Nosra, branche syrienne d'Al-Qaïda, a appelé au jihad contre la Russie.");
        Assert.Equal("Front Al-Nosra", Assert.Single(a.Statements).Speaker.Name);
    }

    [Fact]
    public void Selon_lui_after_a_speakers_own_verb_is_that_speaker_not_the_one_quoted_before()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n« Ce n'est pas très professionnel », a ajouté Igor Konachenkov.\n\n"
            + "Sergueï Choïgou avait annoncé mercredi que quatre navires avaient tiré 26 missiles sur 11 cibles, toutes détruites selon lui.");
        Assert.Equal(["Igor Konachenkov", "Sergueï Choïgou"], a.Statements.Select(s => s.Speaker.Name));
    }

    [Fact]
    public void Calling_claims_psychological_warfare_disputes_them()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nSelon le Pentagone, quatre missiles russes sont tombés en Iran.\n\n"
            + "Un responsable iranien, cité par l'agence Fars, a qualifié ces affirmations de « guerre psychologique ».");
        Assert.Contains(a.Disputes, d => d.Disputant.Name == "responsable iranien" && d.DisputedParty?.Name == "Pentagone");
    }

    [Fact]
    public void The_organisation_is_the_non_governmental_one_named_before()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nD'après l'OSDH, les bombardements ont fait au moins 20 morts parmi les rebelles. "
            + "L'organisation a précisé que des avions russes avaient également frappé la ville de Talbisseh, tuant trois civils.");
        Assert.All(a.Statements, s => Assert.Equal("OSDH", s.Speaker.Name));
        Assert.Contains(a.Strikes, k => k.ReportedBy?.Name == "OSDH" && k.Locations.Any(l => l.Name == "Talbisseh"));
    }
}
