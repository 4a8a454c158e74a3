namespace Claims.Extraction.Tests;

/// <summary>Failures met on an unseen article: appositive names, role-only references, a denied action, and the
/// contradiction between a report and its denial.</summary>
public sealed class AppositionAndDenialTests
{
    private const string Article = """
        Syrie : Moscou dément avoir frappé un hôpital
        Publié le 12 octobre 2015

        Le ministère russe de la Défense a démenti lundi avoir bombardé un hôpital dans la province d'Alep, affirmant que ses avions avaient visé « des dépôts de munitions de l'Etat islamique ». « Aucune frappe n'a touché d'installation civile », a déclaré son porte-parole Igor Konachenkov lors d'un point presse à Moscou.

        Selon l'Observatoire syrien des droits de l'Homme, au moins douze civils ont été tués dimanche dans des raids aériens russes sur la ville de Maaret al-Noomane, dans la province d'Idleb. L'ONG affirme que les frappes ont touché un marché et un hôpital de campagne.

        Le porte-parole du Pentagone, Peter Cook, a estimé que la Russie « continue de frapper des groupes d'opposition modérés ». Le porte-parole du Pentagone a ajouté que Washington suivait la situation de près.
        """;

    [Fact]
    public void An_apposed_name_is_a_new_speaker_not_the_previous_one()
    {
        var a = TestSupport.Extract(Article);
        var cook = a.Statements.Single(s => s.Text.Contains("continue de frapper", StringComparison.Ordinal));
        Assert.Equal("Peter Cook", cook.Speaker.Name);
        Assert.NotEqual("igor-konachenkov", cook.Speaker.Id);
    }

    [Fact]
    public void A_role_only_reference_goes_to_the_last_holder_of_that_role_not_the_previous_speaker()
    {
        var a = TestSupport.Extract(Article);
        var later = a.Statements.Single(s => s.Text.Contains("suivait la situation", StringComparison.Ordinal));
        Assert.Equal("Peter Cook", later.Speaker.Name);
    }

    [Fact]
    public void A_role_with_no_named_holder_goes_to_the_institution()
    {
        var a = TestSupport.Extract("Le porte-parole du Pentagone a déclaré mardi que les frappes russes visaient des rebelles modérés.", new DateOnly(2015, 10, 6));
        Assert.Equal("Pentagone", Assert.Single(a.Statements).Speaker.Name);
    }

    [Fact]
    public void A_name_then_its_title_between_commas_is_the_subject()
    {
        var a = TestSupport.Extract("Masoud Barzani, le président de la région autonome du Kurdistan irakien, a affirmé que la ville était « libérée ».");
        Assert.Equal("Masoud Barzani", Assert.Single(a.Statements).Speaker.Name);
    }

    [Fact]
    public void A_denied_action_is_a_dispute_not_a_strike_by_the_denier()
    {
        var a = TestSupport.Extract(Article);
        Assert.DoesNotContain(a.Strikes, k => k.ReportedBy?.Id == "ministere-russe-defense");
        var denial = Assert.Single(a.Disputes, d => d.Disputant.Id == "ministere-russe-defense");
        Assert.Null(denial.DisputedParty);
        Assert.Contains("hôpital", denial.Claim, StringComparison.Ordinal);
        Assert.Contains(a.Statements, s => s.Speaker.Id == "ministere-russe-defense" && s.Text.StartsWith("avoir bombardé un hôpital", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_and_its_denial_form_a_claim_and_denial_contradiction()
    {
        var a = TestSupport.Extract(Article) with { File = "unseen.txt" };
        var found = Contradictions.ContradictionFinder.Find([a]);
        var c = Assert.Single(found, c => c.Sides.Any(s => s.Records.Any(r => r.RecordId.StartsWith('d'))));
        Assert.Equal(Contradictions.Contradiction.ClaimAndDenial, c.Kind);
        var hospital = a.Strikes.Single(k => k.Targets.Any(t => t.Name.Contains("hôpital", StringComparison.Ordinal)));
        Assert.Equal("osdh", hospital.ReportedBy?.Id);
        Assert.Contains(c.Sides, s => s.Records.Any(r => r.RecordId == hospital.Id));
    }

    [Fact]
    public void A_rejected_claim_reported_just_before_names_its_claimant()
    {
        var a = TestSupport.Extract("""
            Selon des responsables militaires irakiens, une frappe de la coalition a touché un poste de l'armée près de Fallouja. Le gouvernement irakien a démenti dimanche cette information, affirmant que les soldats avaient été tués par les jihadistes.
            """, new DateOnly(2015, 12, 20));
        var d = Assert.Single(a.Disputes);
        Assert.Equal("irak", d.Disputant.Id);
        Assert.Equal("responsables militaires irakiens", d.DisputedParty?.Name);
        Assert.DoesNotContain(a.Statements, s => s.Text == "cette information");
    }

    [Fact]
    public void A_date_in_the_reporting_clause_does_not_date_an_earlier_strike()
    {
        var a = TestSupport.Extract("Les médias syriens affirmaient le 5 octobre que des frappes russes avaient tué plusieurs djihadistes à Palmyre.", new DateOnly(2015, 10, 8));
        Assert.Null(Assert.Single(a.Strikes).Date);
    }

    [Fact]
    public void A_reflexive_reporting_verb_gives_a_statement()
    {
        var a = TestSupport.Extract("Les combattants kurdes et leurs alliés yézidis se sont félicités vendredi de la reprise de Sinjar.");
        Assert.Contains(a.Statements, s => s.Speaker.Name == "combattants kurdes");
    }
}
