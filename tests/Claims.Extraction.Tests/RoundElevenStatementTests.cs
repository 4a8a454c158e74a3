using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 11: who said what in real press text. Descriptive speakers taken up again with the definite article,
/// … Each test quotes sentences written here.</summary>
public sealed class RoundElevenStatementTests
{
    [Fact]
    public void A_described_source_taken_up_with_the_definite_article_is_that_source_not_the_person_named_last()
    {
        var a = Extract("Deux villages ont été bombardés lundi, ont raconté à l'AFP une enseignante et un responsable local. "
            + "Un médecin de la région, Karim Salah, a affirmé que dix blessés avaient été soignés. "
            + "Les secours manquent de tout, a ajouté le responsable local par téléphone. "
            + "« Nous n'avons plus d'ambulances », a déploré le responsable.");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "source-responsable-local" && s.Text == "Les secours manquent de tout");
        Assert.Contains(a.Statements, s => s.Speaker.Id == "source-responsable-local" && s.Text == "Nous n'avons plus d'ambulances");
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name == "Karim Salah" && s.Text.Contains("ambulances", StringComparison.Ordinal));
    }
}
