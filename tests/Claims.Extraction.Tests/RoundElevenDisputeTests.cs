using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Round 11: disputes missed or bound to the wrong party on unseen press text. A denial made in the quotation itself
/// with no denial verb (what the claim tells said not to be there, "C'est un mensonge" closing a quotation), a judgement whose
/// object ends at a comma, a voice set against the account before by "Mais", a purpose given to another's claims, and the party
/// read from the claim rather than from any actor in the words. Each test quotes sentences written here.</summary>
public sealed class RoundElevenDisputeTests
{
    [Theory]
    [InlineData("Le ministère russe de la Défense a affirmé avoir détruit un hangar abritant des instructeurs britanniques près d'Odessa. « Le Royaume-Uni n'a pas d'instructeurs à Odessa », a déclaré le ministère britannique de la Défense.", "ministere-britannique-de-la-defense", "ministere-russe-defense")]
    [InlineData("Le Hamas a affirmé que la frappe israélienne avait tué vingt civils dans une école de Gaza. « Aucun civil ne se trouvait dans le bâtiment », a assuré l'armée israélienne.", "armee-israelienne", "hamas")]
    [InlineData("L'OSDH a affirmé que des avions russes avaient bombardé des combattants rebelles près de Hama. « Il n'y avait aucun combattant rebelle dans ce secteur », a répondu le ministère russe de la Défense.", "ministere-russe-defense", "osdh")]
    public void Denying_that_what_a_claim_tells_was_there_disputes_the_claim(string text, string disputant, string party)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.Disputant.Id == disputant && d.DisputedParty?.Id == party);
    }

    [Fact]
    public void A_denied_presence_that_names_nothing_the_claim_told_is_no_dispute()
    {
        var a = Extract("Le Hamas a affirmé que la frappe israélienne avait tué vingt personnes à Gaza. « Il n'y a aucune raison de poursuivre les négociations », a déclaré l'armée israélienne.");
        Assert.Empty(a.Disputes);
    }

    [Fact]
    public void A_judgement_closing_a_long_quotation_rejects_the_account_before()
    {
        var a = Extract("L'OSDH a affirmé que des avions russes avaient bombardé un marché à Ariha. « Nos pilotes ont respecté toutes les règles. C'est un mensonge », a déclaré le porte-parole du ministère russe de la Défense, Igor Konachenkov.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "igor-konachenkov" && d.DisputedParty?.Id == "osdh");
    }

    [Theory]
    // The actors inside the rejecting words tell the event; the claim rejected is the other camp's told before.
    [InlineData("Le ministère russe de la Défense a affirmé avoir tué 300 soldats ukrainiens dans des dortoirs à Kharkiv. « C'est faux, il n'y avait pas de soldats dans ces dortoirs », a répondu un porte-parole de l'armée ukrainienne.", "ministere-russe-defense", "soldats")]
    // "a nié, affirmant que…": the denial has no object of its own, so the actor named in the participle's words is no claimant.
    [InlineData("L'Ukraine a accusé la Russie d'avoir frappé une maternité à Zaporijia. Le Kremlin a nié, affirmant qu'il s'agissait d'un tir de la défense antiaérienne ukrainienne.", "ukraine", "défense")]
    public void The_disputed_party_is_the_claimant_not_an_actor_named_in_the_denial(string text, string party, string notParty)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.DisputedParty?.Id == party);
        Assert.DoesNotContain(a.Disputes, d => d.DisputedParty?.Name.Contains(notParty, StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_participle_hung_on_a_quotation_disputes_with_that_quotation()
    {
        var a = Extract("Le ministère russe de la Défense a affirmé avoir frappé des casernes à Kherson. « Nos soldats n'étaient pas dans ces casernes », a indiqué à la presse un porte-parole de l'armée ukrainienne, Oleksandr Chtoupoun, dénonçant une opération de propagande russe.");
        var d = Assert.Single(a.Disputes, x => x.Disputant.Id == "oleksandr-chtoupoun");
        Assert.Equal("russie", d.DisputedParty?.Id);
        Assert.StartsWith("Nos soldats n'étaient pas dans ces casernes", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_judged_object_ends_at_its_comma_and_its_nationality_may_follow_adjectives()
    {
        var a = Extract("Moscou a affirmé avoir détruit un entrepôt abritant des mercenaires français à Kharkiv. Le Quai d'Orsay a dénoncé une « manipulation grossière russe », mercredi, après que l'armée russe a publié une vidéo de la frappe.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "france" && d.DisputedParty?.Id == "russie");
    }

    [Fact]
    public void Figures_denounced_as_inflated_dispute_the_toll()
    {
        var a = Extract("Le ministère de la Santé du Hamas a fait état de 35 morts dans la frappe sur le camp de Nousseirat. L'armée israélienne a dénoncé des chiffres « gonflés ».");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "armee-israelienne" && d.DisputedParty?.Id == "ministere-de-la-sante-du-hamas");
    }

    [Fact]
    public void A_restriction_set_against_the_account_before_by_mais_disputes_it()
    {
        var a = Extract("Les rebelles houthis ont affirmé avoir abattu un avion de la coalition au-dessus de Marib. Mais le porte-parole de la coalition, Turki al-Maliki, a affirmé que seul un drone de surveillance s'était écrasé près de Marib.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "turki-al-maliki" && d.DisputedParty?.Id == "houthis");
    }

    [Fact]
    public void An_ulterior_purpose_given_to_another_camp_s_claims_disputes_them()
    {
        var a = Extract("L'armée israélienne a affirmé avoir tué la moitié des combattants du Hezbollah à la frontière. Selon une source du Hezbollah, les affirmations israéliennes visent surtout à rassurer la population du nord d'Israël.");
        Assert.Contains(a.Disputes, d => d.Disputant.Name.Contains("Hezbollah", StringComparison.Ordinal) && d.DisputedParty?.Id == "israel");
    }

    [Fact]
    public void An_unnamed_official_of_a_state_s_army_speaks_for_that_state()
    {
        var a = Extract("Un haut responsable de l'armée israélienne a affirmé que la frappe avait tué un commandant du Hezbollah à Tyr. Le Hezbollah a démenti toute perte dans ses rangs.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "hezbollah" && d.DisputedParty?.Id == "israel");
    }

    [Fact]
    public void A_rejection_told_with_reagir_after_a_quotation_is_a_statement_that_disputes()
    {
        var a = Extract("Le Pentagone a affirmé que les frappes russes avaient touché un hôpital à Idleb. « C'est un mensonge », a réagi le Kremlin.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "russie" && s.Text == "C'est un mensonge");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "russie" && d.DisputedParty?.Id == "pentagone");
    }

    [Fact]
    public void A_claim_noun_in_quotation_marks_is_still_the_claim_judged()
    {
        var a = Extract("Kiev a fustigé les « mensonges » du Kremlin sur la frappe de Kramatorsk.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "ukraine" && d.DisputedParty?.Id == "russie");
    }

    [Fact]
    public void A_capital_as_the_subject_of_a_verb_stands_for_its_state()
    {
        var a = Extract("Les autorités afghanes ont affirmé que des frappes pakistanaises avaient tué des civils dans la province de Paktika. Islamabad a affirmé n'avoir visé que des terroristes.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "pakistan" && s.Text.StartsWith("n'avoir visé", StringComparison.Ordinal));
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "pakistan" && d.DisputedParty?.Id == "afghanistan");
    }

    [Fact]
    public void Charging_a_claim_s_author_with_the_strike_it_told_disputes_the_claim()
    {
        var a = Extract("Selon Moscou, l'Ukraine a frappé une prison à Olenivka. Kiev a accusé la Russie d'avoir elle-même bombardé la prison pour dissimuler des tortures.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "ukraine" && d.DisputedParty?.Id == "russie");
    }

    [Fact]
    public void Charging_a_claim_s_author_with_something_else_is_no_dispute_of_the_claim()
    {
        var a = Extract("Selon Moscou, des missiles ont détruit des entrepôts militaires dans le port d'Odessa. Kiev a accusé la Russie de saboter l'accord sur les exportations du port d'Odessa.");
        Assert.DoesNotContain(a.Disputes, d => d.Disputant.Id == "ukraine");
    }

    [Fact]
    public void Owners_joined_after_the_claim_noun_are_each_disputed()
    {
        var a = Extract("Selon l'OSDH, des avions russes ont bombardé un hôpital de Maarat al-Noomane. Le ministère russe de la Défense a assuré que les informations diffusées par l'OSDH et par Médecins sans frontières étaient « fausses ».");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "ministere-russe-defense" && d.DisputedParty?.Id == "osdh");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "ministere-russe-defense" && d.DisputedParty?.Id == "msf");
    }

    [Fact]
    public void Qualifying_a_report_taken_up_by_a_clitic_disputes_its_owner()
    {
        var a = Extract("Human Rights Watch a publié un rapport accusant l'aviation soudanaise de bombarder des villages du Darfour. Khartoum a réagi au rapport de Human Rights Watch en le qualifiant de « mensonges ».");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "soudan" && d.DisputedParty?.Id == "human-rights-watch");
    }

    [Fact]
    public void A_correction_with_et_non_disputes_the_claim_that_told_what_it_sets_aside()
    {
        var a = Extract("Selon Amnesty International, des roquettes tirées par l'aviation ont visé des villages de l'Adamawa. L'armée nigériane a affirmé que ses avions avaient visé un camp de Boko Haram et non des villages.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "armee-nigeriane" && d.DisputedParty?.Id == "amnesty-international");
    }

    [Fact]
    public void A_restriction_with_mais_pas_is_no_correction()
    {
        var a = Extract("L'armée de l'air ukrainienne a affirmé avoir abattu les drones au-dessus de Kiev, mais pas les missiles de croisière.");
        Assert.Empty(a.Disputes);
    }

    [Fact]
    public void A_channel_described_as_chaine_TV_is_the_medium_named_after_it()
    {
        var a = Extract("Le Pentagone a démenti les informations de la chaîne TV Al-Jazeera selon lesquelles un drone américain aurait été abattu au Yémen.");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name == "TV");
        var d = Assert.Single(a.Disputes);
        Assert.Contains("Jazeera", d.DisputedParty?.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_judged_unverifiable_with_an_indefinite_article_dispute_the_count_before()
    {
        var a = Extract("Selon l'armée ukrainienne, 30 drones russes ont été abattus dans la nuit. Des chiffres invérifiables, selon Moscou.");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "russie" && d.DisputedParty?.Name.Contains("ukrainienne", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_pronoun_after_que_in_the_sentence_of_a_denial_is_the_denier()
    {
        var a = Extract("Kiev accuse Moscou d'avoir frappé un hôpital. Le Kremlin rejette ces accusations qu'il qualifie de « provocation ».");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Id == "ukraine" && s.Text.Contains("provocation", StringComparison.Ordinal));
        Assert.DoesNotContain(a.Disputes, d => d.Disputant.Id == "ukraine");
        Assert.Contains(a.Disputes, d => d.Disputant.Id == "russie" && d.DisputedParty?.Id == "ukraine");
    }

    [Theory]
    [InlineData("Le ministère de la Santé du Hamas a affirmé que la frappe sur l'hôpital avait fait 500 morts. L'ONU s'est dite « horrifiée ». Israël a démenti toute implication.", "israel", "ministere-de-la-sante-du-hamas", "onu")]
    [InlineData("Les Houthis ont affirmé avoir frappé un destroyer américain en mer Rouge. L'Arabie saoudite a condamné l'attaque. Le Pentagone a démenti.", "pentagone", "houthis", "arabie-saoudite")]
    public void A_bare_denial_answers_the_last_fact_told_not_a_reaction_to_it(string text, string disputant, string party, string notParty)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.Disputant.Id == disputant && d.DisputedParty?.Id == party);
        Assert.DoesNotContain(a.Disputes, d => d.DisputedParty?.Id == notParty);
    }

    [Theory]
    [InlineData("L'OSDH a affirmé que des avions russes avaient frappé un marché à Ariha. « Ces accusations n'ont aucun fondement », a déclaré le Kremlin.", "russie", "osdh")]
    [InlineData("Kiev affirme que des missiles russes ont tué 20 civils à Vinnytsia. « Il n'en est rien », a répondu le porte-parole du Kremlin, Dmitri Peskov.", "dmitri-peskov", "ukraine")]
    [InlineData("Le Hamas a affirmé que la frappe israélienne avait tué 40 civils. « Ces informations ne sont pas vraies », a déclaré un porte-parole de l'armée israélienne.", null, "hamas")]
    [InlineData("L'Ukraine a affirmé que la frappe russe avait fait 15 victimes à Odessa. « Il n'y a eu aucune victime civile », a assuré le ministère russe de la Défense.", "ministere-russe-defense", "ukraine")]
    public void A_quotation_that_calls_the_claim_untrue_disputes_it(string text, string? disputant, string party)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => (disputant is null || d.Disputant.Id == disputant) && d.DisputedParty?.Id == party);
    }
}
