using Claims.Extraction.Contradictions;
using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: disputes of wire copy that were lost. A group said not to be where another camp's claim just before placed
/// it ("l'EI n'est pas présent dans cette zone") disputes that claim, and the contradiction it makes agrees with a plural
/// disputant; ruling out an accident rejects the excuse told before; "un porte-parole" is not the spokesman the knowledge base
/// lists; a contradiction's title gives unlisted institutions their article; a denial answers the fact told right after it
/// against it ("ont pourtant péri"). Each test quotes sentences written here.</summary>
public sealed class WireCopyDisputeTests
{
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

    [Fact]
    public void Ruling_out_an_accident_rejects_the_excuse_told_before_not_the_protest_that_shares_its_words()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLa Turquie a convoqué l'ambassadeur de Russie pour protester contre la violation de son espace aérien, a annoncé le ministère turc des Affaires étrangères.\n\n"
            + "Moscou a assuré qu'il s'agissait d'une erreur due à de mauvaises conditions météorologiques.\n\n"
            + "« Ce n'est pas un accident », a affirmé le secrétaire général de l'Otan, Jens Stoltenberg, qui a qualifié la violation d'« inacceptable ».");
        var d = Assert.Single(a.Disputes, x => x.Disputant.Name == "Jens Stoltenberg");
        Assert.Equal("Russie", d.DisputedParty?.Name);
    }

    [Fact]
    public void A_spokesman_with_an_indefinite_article_is_not_the_one_the_knowledge_base_names()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\n« Cela n'aurait pas dû se produire », a déclaré un porte-parole du ministère russe de la Défense.");
        Assert.NotEqual("Igor Konachenkov", Assert.Single(a.Statements).Speaker.Name);
        Assert.Equal("Igor Konachenkov", Assert.Single(Extract($"Un titre\n\n{Lead}\n\n« Cela n'aurait pas dû se produire », a déclaré le porte-parole du ministère russe de la Défense.").Statements).Speaker.Name);
    }

    [Fact]
    public void A_contradiction_names_an_institution_the_knowledge_base_does_not_list_with_its_article()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLe ministère arménien de la Défense a affirmé que des drones azerbaïdjanais avaient frappé Djermouk.\n\n"
            + "L'Azerbaïdjan a rejeté ces affirmations, les qualifiant de « mensonges ».");
        Assert.Contains(ContradictionFinder.Find([a]), c => c.About.StartsWith("L'Azerbaïdjan rejette les propos du ministère arménien de la Défense", StringComparison.Ordinal));
    }

    [Fact]
    public void A_denial_answers_the_fact_told_right_after_it_against_it()
    {
        var a = Extract($"Un titre\n\n{Lead}\n\nLes Occidentaux ont critiqué les frappes aériennes russes en Syrie.\n\n"
            + "Sergueï Lavrov a démenti que des civils aient été tués dans les frappes russes.\n\n"
            + "Selon l'OSDH, au moins 39 civils ont pourtant péri mercredi dans des raids russes sur la province de Homs.");
        var d = Assert.Single(a.Disputes, x => x.Disputant.Name == "Sergueï Lavrov");
        Assert.Equal("OSDH", d.DisputedParty?.Name);
        // Without the adverb setting it against the denial, the fact told after is not what the denial answers.
        var b = Extract($"Un titre\n\n{Lead}\n\nLes Occidentaux ont critiqué les frappes aériennes russes en Syrie.\n\n"
            + "Sergueï Lavrov a démenti que des civils aient été tués dans les frappes russes.\n\n"
            + "Selon l'OSDH, au moins 39 civils ont péri mercredi dans des raids russes sur la province de Homs.");
        Assert.DoesNotContain(b.Disputes, x => x.Disputant.Name == "Sergueï Lavrov" && x.DisputedParty?.Name == "OSDH");
    }
}
