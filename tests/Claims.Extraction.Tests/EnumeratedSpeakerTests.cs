using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: speakers listed by commas before a final "et" ("Paris, Londres et Berlin") each speak, after the verb
/// and after "selon" as before it, while a comma between a role and a person, or a name and its description, still joins one
/// speaker. Joint statements of several governments are common in the press. Each test quotes sentences written here.</summary>
public sealed class EnumeratedSpeakerTests
{
    private static string[] SpeakersOf(ArticleExtraction a, string text) =>
        a.Statements.Where(s => s.Text == text).Select(s => s.Speaker.Name).ToArray();

    [Fact]
    public void Every_name_of_an_inverted_list_speaks()
    {
        var a = Extract("« Ces frappes sont inacceptables », ont déclaré Paris, Londres et Berlin.");
        Assert.Equal(["France", "Royaume-Uni", "Allemagne"], SpeakersOf(a, "Ces frappes sont inacceptables"));
    }

    [Fact]
    public void Every_person_of_an_inverted_list_speaks()
    {
        var a = Extract("« Nous condamnons ces frappes », ont déclaré Laurent Fabius, John Kerry et Frank-Walter Steinmeier.");
        Assert.Equal(["Laurent Fabius", "John Kerry", "Frank-Walter Steinmeier"], SpeakersOf(a, "Nous condamnons ces frappes"));
    }

    [Fact]
    public void Every_source_listed_after_selon_vouches_for_the_words_and_none_of_them_is_part_of_them()
    {
        var a = Extract("Selon Washington, Paris et Londres, les frappes russes visent l'opposition modérée.");
        Assert.Equal(["États-Unis", "France", "Royaume-Uni"], SpeakersOf(a, "les frappes russes visent l'opposition modérée"));
        Assert.Equal(3, a.Statements.Count);
    }

    [Fact]
    public void A_joint_communique_of_seven_governments_gives_each_its_statement()
    {
        var a = Extract("La Russie doit cesser ses attaques contre l'opposition syrienne, ont exhorté dans un communiqué commun l'Allemagne, "
                        + "l'Arabie saoudite, les États-Unis, la France, le Qatar, le Royaume-Uni et la Turquie.");
        Assert.Equal(["Allemagne", "Arabie saoudite", "États-Unis", "France", "Qatar", "Royaume-Uni", "Turquie"],
            SpeakersOf(a, "La Russie doit cesser ses attaques contre l'opposition syrienne"));
        Assert.DoesNotContain(a.Statements, s => s.Speaker.Name == "Russie");
    }

    [Fact]
    public void A_qualified_communique_before_the_subject_is_no_part_of_it()
    {
        var a = Extract("« Il faut cesser ces frappes », a déclaré dans un communiqué officiel le ministère français des Affaires étrangères.");
        Assert.Equal(["ministère français des Affaires étrangères"], SpeakersOf(a, "Il faut cesser ces frappes"));
    }

    [Fact]
    public void A_role_and_the_person_holding_it_are_one_speaker()
    {
        var a = Extract("« Nous visons l'EI », a déclaré le porte-parole du ministère russe de la Défense, Igor Konachenkov.");
        Assert.Equal(["Igor Konachenkov"], SpeakersOf(a, "Nous visons l'EI"));
    }

    [Fact]
    public void A_name_and_its_description_are_one_speaker()
    {
        var a = Extract("« Les frappes ont tué huit civils », a indiqué l'OSDH, une ONG basée à Londres.");
        Assert.Equal(["OSDH"], SpeakersOf(a, "Les frappes ont tué huit civils"));
    }

    [Fact]
    public void Governments_asking_another_to_stop_each_speak()
    {
        var a = Extract("Le Qatar et la Turquie ont demandé à la Russie de mettre fin à ses frappes contre les civils.");
        Assert.Equal(["Qatar", "Turquie"], SpeakersOf(a, "mettre fin à ses frappes contre les civils"));
    }
}
