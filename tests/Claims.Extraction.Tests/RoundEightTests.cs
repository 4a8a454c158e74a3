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
}
