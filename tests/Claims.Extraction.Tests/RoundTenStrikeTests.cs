using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 10: strikes on text nobody tuned on. Sentences and short articles written here in wire-service style
/// (Syria, October 2015), so that what they check is the rule, not a sentence.</summary>
public sealed class RoundTenStrikeTests
{
    // Class 1: one strike retold by the same source, or by its own director or spokesman, is one record; other places, other days,
    // "de nouvelles frappes" and other sources stay apart.
    [Theory]
    [InlineData("Des frappes aériennes russes ont tué 15 civils sur un marché de Maaret al-Noomane, selon l'OSDH. Les secouristes cherchaient encore des survivants dans la soirée.\n\nLe raid a visé le marché en début d'après-midi, a précisé l'OSDH.\n\n« C'est un massacre », a déclaré Rami Abdel Rahmane, directeur de l'OSDH, précisant que le marché était bondé au moment de la frappe.")]
    [InlineData("L'aviation russe a bombardé mardi la ville de Kafranbel, dans la province d'Idleb, tuant huit civils, a indiqué l'OSDH.\n\nSelon l'Observatoire, ces frappes ont touché une boulangerie du centre-ville.\n\nLa frappe a eu lieu à l'heure de la distribution du pain, a ajouté l'ONG.")]
    [InlineData("Des avions russes ont frappé jeudi Talbisseh, au nord de Homs, a affirmé l'OSDH. Le raid a tué cinq combattants rebelles, selon l'Observatoire.")]
    [InlineData("Des bombardements russes ont visé mercredi la localité de Latamné, selon l'OSDH. Le bombardement a détruit un dépôt de munitions des rebelles, a précisé son directeur Rami Abdel Rahmane.")]
    public void A_strike_retold_by_the_same_source_is_one_record(string text)
    {
        var a = Extract(text);
        Assert.Single(a.Strikes, k => k.Perpetrator.Id == "russie");
    }

    [Fact]
    public void The_retelling_keeps_the_richest_count_and_place()
    {
        var a = Extract("Des frappes aériennes russes ont tué 15 civils sur un marché de Maaret al-Noomane, selon l'OSDH.\n\nLe raid a visé le marché en début d'après-midi, a précisé l'OSDH.");
        var k = Assert.Single(a.Strikes, x => x.Perpetrator.Id == "russie");
        Assert.Contains(k.Locations, p => p.Name == "Maaret al-Noomane");
        Assert.Equal(15, k.Counts["killed"]);
    }

    [Theory]
    // Another day, "de nouvelles frappes".
    [InlineData("Des frappes russes ont touché lundi Jisr al-Choughour, a indiqué l'OSDH. Mardi, de nouvelles frappes russes ont visé Jisr al-Choughour, selon l'OSDH.")]
    // Another place, told in the same words.
    [InlineData("Des frappes russes ont visé jeudi Talbisseh, selon l'OSDH. Des frappes russes ont visé jeudi Rastane, selon l'OSDH.")]
    // Another source: the material of a contradiction.
    [InlineData("Des raids russes ont frappé vendredi Salma, dans la province de Lattaquié, selon l'OSDH. Le ministère russe de la Défense a affirmé que ses avions avaient frappé vendredi un poste de commandement à Salma.")]
    public void Strikes_the_guidelines_keep_apart_stay_two_records(string text)
    {
        var a = Extract(text);
        Assert.Equal(2, a.Strikes.Count(k => k.Perpetrator.Id == "russie"));
    }

    // Class 2: strike wording beyond frappes and raids; a denial or the enemy's attack is no strike.
    [Theory]
    [InlineData("Des hélicoptères russes ont ouvert le feu sur des positions rebelles près de Kafr Zita, selon l'OSDH.", "russie")]
    [InlineData("L'armée turque a riposté en pilonnant des positions du PKK près de Qandil, a indiqué Ankara.", "turquie")]
    [InlineData("L'aviation russe a pilonné jeudi la localité de Habit, dans le sud de la province d'Idleb, selon l'OSDH.", "russie")]
    [InlineData("Les avions russes ont ciblé mercredi des dépôts d'armes de l'EI près de Raqqa, a annoncé le ministère russe de la Défense.", "russie")]
    [InlineData("Douze civils ont été tués lundi à Ariha dans une frappe aérienne imputée à l'armée russe, selon l'OSDH.", "russie")]
    [InlineData("Une frappe aérienne attribuée à l'aviation russe a tué vendredi sept personnes à Darkouch, a indiqué l'OSDH.", "russie")]
    [InlineData("Des tirs d'artillerie russes ont frappé dimanche la localité de Kfar Nabl, selon des militants.", "russie")]
    [InlineData("Des bombardements de l'aviation russe ont visé jeudi la ville de Marea, au nord d'Alep, selon l'OSDH.", "russie")]
    [InlineData("Les raids de l'aviation russe ont touché lundi la localité de Kafr Takharim, selon l'OSDH.", "russie")]
    [InlineData("Un raid imputé à l'aviation russe a visé samedi un camp de déplacés près d'Atmé, selon des secouristes.", "russie")]
    public void Strike_wording_beyond_the_core_lexicon_is_a_strike(string text, string striker)
    {
        var a = Extract(text);
        Assert.Contains(a.Strikes, k => k.Perpetrator.Id == striker);
    }

    [Theory]
    [InlineData("Le ministère russe de la Défense a démenti avoir frappé un hôpital à Sarmine mardi.", "russie")]
    [InlineData("Moscou a démenti que ses avions aient bombardé un marché à Maaret al-Noomane.", "russie")]
    [InlineData("Le ministère russe de la Défense a nié toute frappe sur la ville de Rastane.", "russie")]
    [InlineData("La Turquie a dénoncé l'attaque du PKK contre Ankara, qui a fait cinq morts mercredi.", "turquie")]
    public void A_denial_or_the_enemys_attack_is_no_strike(string text, string notStriker)
    {
        var a = Extract(text);
        Assert.DoesNotContain(a.Strikes, k => k.Perpetrator.Id == notStriker);
    }

    [Fact]
    public void Missiles_fired_from_a_sea_and_the_town_they_hit_next_sentence_are_one_strike()
    {
        // The sea they were fired from does not tell two strikes apart, as two towns do.
        var a = Extract("Des navires russes ont tiré mercredi 26 missiles de croisière depuis la mer Caspienne contre des positions de l'EI. Ils ont frappé onze cibles à Raqqa et à Alep.");
        var strike = Assert.Single(a.Strikes, k => k.Perpetrator.Id == "russie");
        Assert.Contains(strike.Locations, l => l.Name == "mer Caspienne");
        Assert.Contains(strike.Locations, l => l.Name == "Raqqa");
    }
}
