using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 8: sentence patterns the statement and dispute readers did not read, found by writing
/// press-style sentences. Each test quotes sentences written here, in wire-service style.</summary>
public sealed class RoundEightTests
{
    [Theory]
    [InlineData("Le ministre turc des Affaires étrangères Mevlüt Cavusoglu est arrivé mardi à Bruxelles. « Nous ne tolérerons aucune violation de notre espace aérien », a-t-il déclaré.", "mevlut-cavusoglu")]
    [InlineData("Sergueï Lavrov a reçu son homologue syrien à Moscou. Il a ensuite déclaré que la Russie ne frappait que des terroristes.", "serguei-lavrov")]
    public void A_pronoun_before_any_speaker_is_the_person_named_just_before(string text, string speaker)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Id == speaker);
    }

    [Fact]
    public void A_pronoun_after_a_speaker_stays_that_speakers()
    {
        var a = Extract("« Nous ne visons que les terroristes », a affirmé Sergueï Lavrov. Il a rencontré John Kerry à Genève. « Les frappes continueront », a-t-il ajouté.");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Id == "john-kerry");
        Assert.Equal(2, a.Statements.Count(s => s.Speaker.Id == "serguei-lavrov"));
    }

    [Fact]
    public void A_pronoun_far_from_any_person_named_gives_no_speaker()
    {
        var a = Extract("Sergueï Lavrov est arrivé à Genève. Les combats se poursuivent près d'Alep. Les frappes ont visé plusieurs villages. « La situation est grave », a-t-il déclaré.");
        Assert.Empty(a.Statements);
    }

    [Theory]
    [InlineData("L'OSDH a affirmé que des frappes russes avaient tué douze civils à Homs. Moscou a jugé « erronées » les affirmations de l'OSDH selon lesquelles des civils avaient été tués dans la province de Homs.", "russie", "osdh")]
    [InlineData("Ankara a jugé « infondées et absurdes » les accusations lancées mardi par Moscou.", "turquie", "russie")]
    [InlineData("Le porte-parole du Pentagone a qualifié de « grotesques » les affirmations russes.", "pentagone", "russie")]
    [InlineData("Le ministère russe de la Défense a qualifié de « mensongères » les informations de Reuters sur des frappes contre un hôpital.", "ministere-russe-defense", "reuters")]
    public void A_judgement_placed_before_the_claim_noun_disputes_its_owner(string text, string disputant, string party)
    {
        var a = Extract(text);
        Assert.Contains(a.Disputes, d => d.Disputant.Id == disputant && d.DisputedParty?.Id == party);
    }

    [Fact]
    public void A_judgement_that_is_not_unfounded_before_a_noun_gives_no_dispute()
    {
        var a = Extract("Sergueï Lavrov a jugé « indispensables » les discussions avec Washington sur la Syrie.");
        Assert.Empty(a.Disputes);
    }

    [Theory]
    [InlineData("Des avions russes ont bombardé mardi plusieurs positions rebelles près de Hama, a-t-on appris de source militaire.", "source militaire")]
    [InlineData("Une dizaine de civils ont été tués dans un raid aérien sur Idleb, a-t-on appris auprès d'une source diplomatique.", "source diplomatique")]
    [InlineData("Les frappes ont visé un dépôt de munitions, a-t-on appris de sources sécuritaires.", "sources sécuritaires")]
    public void What_one_learnt_from_an_anonymous_source_is_that_sources(string text, string source)
    {
        var a = Extract(text);
        Assert.Contains(a.Statements, s => s.Speaker.Name == source && s.Text.Length > 20);
    }

    [Fact]
    public void A_learnt_with_no_source_after_it_gives_no_statement()
    {
        var a = Extract("Les frappes ont visé un dépôt de munitions, a-t-on appris mardi.");
        Assert.Empty(a.Statements);
    }
}
