using Claims.Extraction.Contradictions;
using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 2: classes the real-text test half showed not to generalise (strikes, disputes,
/// contradictions). Each test quotes sentences written here for the class, none taken from the test half.</summary>
public sealed class GeneralisationTests
{
    [Fact]
    public void A_government_denying_any_operation_answers_the_strike_it_is_accused_of_though_no_word_is_shared()
    {
        var a = Extract("Des chasseurs turcs ont frappé dimanche le village de Tell Rifaat, a rapporté l'agence officielle syrienne Sana. "
            + "Le gouvernement turc a assuré que son aviation n'avait mené aucune opération ce jour-là.");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("turquie", d.Disputant.Id);
        Assert.Equal("sana", d.DisputedParty?.Id);
        Assert.Contains(ContradictionFinder.Find([a]), c => c.Sides.Count == 2);
    }

    [Fact]
    public void Saying_an_incursion_was_no_accident_disputes_the_account_just_given()
    {
        var a = Extract("Moscou a expliqué que l'incursion était due au mauvais temps. "
            + "Ce n'était pas un accident, a répliqué le secrétaire général de l'Otan, Jens Stoltenberg.");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("Jens Stoltenberg", d.Disputant.Name);
        Assert.Equal("russie", d.DisputedParty?.Id);
        Assert.Contains(ContradictionFinder.Find([a]), c => c.Sides.Count == 2);
    }

    [Fact]
    public void Judging_an_account_not_credible_disputes_the_party_its_adjective_names()
    {
        var a = Extract("Ankara et Washington ont jugé l'explication russe peu crédible.");
        Assert.Equal(["etats-unis", "turquie"], a.Disputes.Select(d => d.Disputant.Id).Order().ToArray());
        Assert.All(a.Disputes, d => Assert.Equal("russie", d.DisputedParty?.Id));
    }
}
