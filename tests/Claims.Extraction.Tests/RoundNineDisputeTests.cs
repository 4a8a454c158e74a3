using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 9: dispute classes missed or made wrong on fresh real text (denials in relative and passive
/// clauses, restrictive denials, judgements as the verb's object, unnamed officials and organisations named after their state).
/// Each test quotes sentences written here in wire style.</summary>
public sealed class RoundNineDisputeTests
{
    [Theory]
    [InlineData("Damas a accusé son voisin turc, qui a nié toute implication dans l'attaque.", "turquie", "syrie")]
    [InlineData("Kiev a accusé Moscou d'avoir frappé un centre commercial, ce que la Russie a toujours démenti.", "russie", "ukraine")]
    [InlineData("L'Arménie a accusé l'Azerbaïdjan d'avoir bombardé des villages, ce qui a été contesté par Bakou.", "azerbaidjan", "armenie")]
    [InlineData("L'Inde a accusé un groupe basé au Pakistan d'avoir organisé l'attentat, ce qui avait été réfuté par Islamabad.", "pakistan", "inde")]
    [InlineData("Les accusations de l'OSDH, rejetées par Moscou, font état de 45 civils tués depuis le début de la campagne.", "russie", "osdh")]
    [InlineData("L'Otan affirme que des missiles russes sont tombés en Iran. Une accusation démentie par Moscou.", "russie", "otan")]
    public void A_denial_in_a_relative_or_passive_clause_disputes_the_accuser(string text, string disputant, string party)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.Disputant.Id == disputant && d.DisputedParty?.Id == party);
        Assert.DoesNotContain(a.Disputes, d => d.Disputant.Id == party);
    }

    [Fact]
    public void An_active_past_with_par_is_not_a_passive_denial()
    {
        var a = Extract("L'OSDH a fait état de huit civils tués. Moscou a démenti par la voix de son ministère de la Défense.");
        Assert.DoesNotContain(a.Disputes, d => d.Disputant.Id == "ministere-russe-defense" && d.DisputedParty?.Id == "russie");
        Assert.DoesNotContain(a.Disputes, d => d.DisputedParty?.Id == "russie");
    }

    [Theory]
    [InlineData("Le Hamas a accusé Israël d'avoir frappé une école de l'ONU à Gaza. L'armée israélienne a assuré n'avoir visé que des combattants du Hamas.", "armee-israelienne", "hamas")]
    [InlineData("Selon l'OSDH, des frappes russes ont tué douze civils à Talbisseh. Moscou affirme que ses avions ne frappent que des positions terroristes à Talbisseh.", "russie", "osdh")]
    public void A_restrictive_denial_answers_the_accusation(string text, string disputant, string party)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.Disputant.Id == disputant && d.DisputedParty?.Id == party);
    }

    [Theory]
    [InlineData("Le Pentagone a accusé la Russie de mener des frappes sans discernement. « Ce sont des mensonges », a rétorqué Maria Zakharova.", "maria-zakharova", "pentagone")]
    [InlineData("Le Pentagone a affirmé que la plupart des frappes russes ne visaient pas l'Etat islamique. Dmitri Peskov a dénoncé des « allégations » sans fondement.", "dmitri-peskov", "pentagone")]
    public void A_judgement_of_lies_or_allegations_disputes_the_claim_before(string text, string disputant, string party)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.Disputant.Id == disputant && d.DisputedParty?.Id == party);
    }

    [Fact]
    public void A_denied_use_of_the_air_force_answers_the_report()
    {
        var a = Extract("Selon un rapport de Human Rights Watch, des hélicoptères ont tiré sur des villages pendant les affrontements entre éleveurs et cultivateurs. "
            + "Le porte-parole de l'armée malienne a assuré que l'aviation n'avait jamais été utilisée dans le conflit entre éleveurs et cultivateurs.");
        Assert.Contains(a.Disputes, d => d.DisputedParty?.Id == "human-rights-watch");
    }

    [Fact]
    public void An_organisation_named_after_its_state_does_not_dispute_its_own_state()
    {
        var a = Extract("L'armée américaine a annoncé que ses forces spéciales avaient mené une frappe contre les shebab en Somalie. "
            + "Le Commandement des États-Unis en Afrique (Africom) a précisé que la frappe avait détruit un véhicule. "
            + "« Nous estimons qu'aucun civil n'a été tué dans cette frappe », a déclaré l'Africom dans un communiqué.");
        Assert.Empty(a.Disputes);
    }

    [Theory]
    [InlineData("« Nous estimons qu'aucun civil n'a été tué dans cette frappe aérienne », a déclaré le Pentagone.")]
    [InlineData("Le ministère russe de la Défense a annoncé avoir frappé 40 cibles de l'Etat islamique en 24 heures. Aucun civil n'a été tué, a-t-il ajouté.")]
    public void A_side_denying_civilian_deaths_of_its_own_strike_disputes_no_one(string text)
    {
        var a = Extract(text);
        Assert.Empty(a.Disputes);
    }

    [Theory]
    [InlineData("Des habitants ont affirmé que des bombes russes étaient tombées sur une école de Sermine. « L'aviation russe n'a touché aucune école », a déclaré Igor Konachenkov, porte-parole du ministère russe de la Défense.", "igor-konachenkov")]
    [InlineData("Selon l'OSDH, des frappes russes ont touché un hôpital à Sarmine. Moscou assure que ses avions n'ont visé aucun hôpital à Sarmine.", "russie")]
    public void A_negation_closed_by_aucun_answers_the_accusation(string text, string disputant)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.Disputant.Id == disputant && d.DisputedParty is not null && d.DisputedParty.Id != "russie" && d.DisputedParty.Id != "ministere-russe-defense");
    }
}
