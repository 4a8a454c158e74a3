using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Who said what, on snippets written for these tests (not from the seeds): quotes, speakers before/after, selon, pronouns.</summary>
public sealed class StatementTests
{
    [Fact]
    public void Quote_then_inverted_speaker_with_a_title_is_direct_speech_of_that_person()
    {
        var a = Extract("« Nous continuerons à frapper les terroristes partout en Syrie », a déclaré mardi le général Sergueï Roudskoï.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("Sergueï Roudskoï", s.Speaker.Name);
        Assert.Equal(Statement.Direct, s.Mode);
        Assert.Equal("Nous continuerons à frapper les terroristes partout en Syrie", s.Text);
        Assert.Equal(s.Text, Slice(a, s.Span));
    }

    [Fact]
    public void A_quotation_running_over_two_sentences_is_one_statement()
    {
        var a = Extract("“Nous avons détruit un dépôt de munitions. Nous poursuivrons les opérations”, a affirmé Sergueï Lavrov devant la presse.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("Sergueï Lavrov", s.Speaker.Name);
        Assert.Contains("Nous poursuivrons les opérations", s.Text);
        Assert.Contains("dépôt de munitions.", s.Text);
    }

    [Fact]
    public void Selon_and_d_apres_give_the_source_and_the_reported_clause()
    {
        var a = Extract("Selon l'OSDH, au moins douze civils ont été tués dans la ville de Douma. D'après Ankara, deux avions ont violé l'espace aérien turc.");
        Assert.Collection(a.Statements,
            s => { Assert.Equal("OSDH", s.Speaker.Name); Assert.Equal("au moins douze civils ont été tués dans la ville de Douma", s.Text); Assert.Equal(Statement.Indirect, s.Mode); },
            s => { Assert.Equal("Turquie", s.Speaker.Name); Assert.StartsWith("deux avions ont violé", s.Text); });
    }

    [Fact]
    public void Pronouns_and_role_words_refer_to_the_last_speaker()
    {
        var a = Extract("Le porte-parole Igor Konachenkov a indiqué que quarante cibles avaient été touchées. \"Les opérations se poursuivent\", a-t-il ajouté. "
                        + "\"Aucune mosquée n'a été visée\", a précisé le général.");
        Assert.Equal(3, a.Statements.Count);
        Assert.All(a.Statements, s => Assert.Equal("Igor Konachenkov", s.Speaker.Name));
        Assert.Equal("quarante cibles avaient été touchées", a.Statements[0].Text);
    }

    [Fact]
    public void A_person_unknown_to_the_knowledge_base_is_kept_from_title_and_name()
    {
        var a = Extract("Le porte-parole du Pentagone Peter Cook a affirmé que les avions russes visaient surtout des groupes rebelles.");
        var s = Assert.Single(a.Statements);
        Assert.Equal("Peter Cook", s.Speaker.Name);
        Assert.Equal("peter-cook", s.Speaker.Id);
    }

    [Fact]
    public void Metonyms_name_the_state()
    {
        var a = Extract("Washington a estimé que la campagne russe renforçait le régime. Moscou a répété que ses frappes visaient l'État islamique. Ankara a dénoncé une violation de son espace aérien.");
        Assert.Equal(["États-Unis", "Russie", "Turquie"], a.Statements.Select(s => s.Speaker.Name));
    }

    [Fact]
    public void Two_speakers_joined_by_et_each_get_the_statement()
    {
        var a = Extract("Paris et Londres ont annoncé jeudi qu'ils renforceraient leurs frappes contre l'État islamique en Irak.");
        Assert.Equal(["France", "Royaume-Uni"], a.Statements.Select(s => s.Speaker.Name));
    }
}
