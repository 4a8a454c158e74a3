using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Disputes on snippets written for these tests.</summary>
public sealed class DisputeTests
{
    [Fact]
    public void A_denial_of_named_accusations_disputes_each_accuser_and_records_their_claim()
    {
        var a = Extract("Le Kremlin a démenti les affirmations de l'OTAN et de Washington selon lesquelles des avions russes avaient visé des rebelles modérés près de Homs.");
        Assert.Equal(["OTAN", "États-Unis"], a.Disputes.Where(d => d.Disputant.Name == "Russie").Select(d => d.DisputedParty?.Name));
        Assert.Contains(a.Statements, s => s.Speaker.Name == "OTAN" && s.Text.StartsWith("des avions russes avaient visé"));
    }

    [Fact]
    public void Saying_the_striker_hits_others_than_it_claims_is_a_dispute()
    {
        var a = Extract("Le Pentagone a estimé que les Russes ne frappaient pas l'État islamique mais surtout l'opposition modérée.");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("Pentagone", d.Disputant.Name);
        Assert.Equal("Russie", d.DisputedParty?.Name);
    }

    [Fact]
    public void The_striker_repeating_its_own_claim_is_not_a_dispute()
    {
        var a = Extract("Moscou a affirmé que ses avions frappaient exclusivement l'État islamique et les autres groupes terroristes.");
        Assert.Empty(a.Disputes);
        Assert.Equal(TargetStance.Jihadists, Assert.Single(a.Statements).Stance?.Position);
    }
}
