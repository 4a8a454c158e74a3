using Claims.Extraction.Contradictions;
using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: disputes of wire copy that were lost. A group said not to be where another camp's claim just before placed
/// it ("l'EI n'est pas présent dans cette zone") disputes that claim, and the contradiction it makes agrees with a plural
/// disputant. Each test quotes sentences written here.</summary>
public sealed class WireCopyDisputeTests
{
    private const string Lead = "La situation reste tendue depuis plusieurs semaines dans la région, où les habitants attendent une accalmie durable.";
    private const string Claim = "Le ministère russe de la Défense a annoncé avoir frappé des positions de l'EI à Talbisseh.";

    [Fact]
    public void A_group_said_absent_from_the_place_a_claim_just_before_struck_disputes_that_claim()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n{Claim}\n\nSelon des militants, l'EI n'est pas présent dans cette zone.");
        var d = Assert.Single(a.Disputes);
        Assert.Equal("militants", d.Disputant.Name);
        Assert.Equal("Ministère russe de la Défense", d.DisputedParty?.Name);
        // The contradiction's wording agrees with the plural disputant.
        Assert.StartsWith("Des militants rejettent", Assert.Single(ContradictionFinder.Find([a])).About);
    }

    [Fact]
    public void The_strikers_own_camp_saying_a_group_is_absent_disputes_nothing()
    {
        Assert.Empty(Extract($"Un titre\n\n{Lead}\n\n{Claim}\n\nSelon Moscou, l'EI n'est pas présent dans la ville voisine.").Disputes);
    }

    [Fact]
    public void A_group_said_absent_with_no_claim_placing_it_disputes_nothing()
    {
        Assert.Empty(Extract($"Un titre\n\n{Lead}\n\nLe Front al-Nosra a pris le contrôle de la ville.\n\nSelon des militants, l'EI n'est pas présent dans cette zone.").Disputes);
    }
}
