using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16, round 11: strikes on text nobody tuned on. Sentences written here in wire-service style, so that what they
/// check is the rule, not a sentence of the corpus.</summary>
public sealed class RoundElevenStrikeTests
{
    // Class 1: the attack a strike answers ("en représailles à", "une réponse à") is its motive: neither a strike reported, nor
    // the place or the victims of the strike that answers it.
    [Fact]
    public void The_attack_answered_gives_no_strike_and_no_place()
    {
        var a = Extract("Selon l'OSDH, douze civils ont été tués dans des frappes turques visant le nord de la Syrie, menées en représailles à l'attaque qui a fait trois morts lundi à Ankara.");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("turquie", k.Perpetrator.Id);
        Assert.DoesNotContain(k.Locations, p => p.Name == "Ankara");
    }

    [Theory]
    [InlineData("Le porte-parole de l'armée russe a déclaré que le bombardement était une réponse à une attaque ukrainienne contre les forces russes dans la région de Donetsk.")]
    [InlineData("Le ministère russe de la Défense a affirmé que ses avions avaient agi en riposte à une attaque de drones ukrainiens contre la ville de Belgorod.")]
    public void A_strike_told_only_as_the_motive_of_another_is_not_reported(string text)
    {
        var a = Extract(text);
        Assert.DoesNotContain(a.Strikes, k => k.Perpetrator.Id == "ukraine");
    }

    // Class 2: a projectile shot down is not a strike of the side that shot it down; "drones d'attaque" is a kind of machine.
    [Theory]
    [InlineData("Les forces américaines ont abattu mardi un missile balistique au-dessus de la mer Rouge, a indiqué le Pentagone.")]
    [InlineData("« Nos forces ont intercepté trois missiles de croisière au-dessus de la mer Rouge », a indiqué le Pentagone.")]
    public void A_missile_shot_down_is_not_the_interceptors_strike(string text)
    {
        var a = Extract(text);
        Assert.DoesNotContain(a.Strikes, k => k.Perpetrator.Id == "etats-unis");
    }

    [Fact]
    public void The_launcher_of_a_missile_shot_down_strikes_with_it()
    {
        var a = Extract("Les États-Unis ont abattu jeudi un missile lancé par les Houthis qui visait un navire marchand en mer Rouge, a indiqué le Pentagone.\n\n"
            + "« Les forces américaines ont abattu un missile antinavire et deux drones d'attaque tirés depuis le Yémen vers le navire en mer Rouge », a précisé le Pentagone dans un communiqué.");
        Assert.DoesNotContain(a.Strikes, k => k.Perpetrator.Id == "etats-unis");
        Assert.Contains(a.Strikes, k => k.Perpetrator.Id == "houthis");
    }

    // Class 3: victims named before the strike word ("Cinq civils sont morts dans des frappes") are what it hit.
    [Fact]
    public void Victims_named_before_the_strike_word_are_its_targets()
    {
        var a = Extract("Sept civils sont morts dans des frappes aériennes de l'armée birmane, a indiqué jeudi l'ONU.");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("birmanie", k.Perpetrator.Id);
        Assert.Contains(k.Targets, t => t.Name == "civils");
    }

    // Class 4: "la zone de X", "le camp de déplacés de X" introduce the place struck.
    [Theory]
    [InlineData("L'armée éthiopienne a mené mardi une frappe de drone dans la zone de Wolkait, a indiqué un responsable local.", "Wolkait")]
    [InlineData("Une frappe de drone de l'armée éthiopienne a touché mardi le camp de déplacés de Shimelba, a indiqué un responsable local.", "Shimelba")]
    public void Zone_and_camp_nouns_introduce_the_place(string text, string place)
    {
        var a = Extract(text);
        var k = Assert.Single(a.Strikes);
        Assert.Contains(k.Locations, p => p.Name == place);
    }

    // Class 5: "sur un point de déploiement" is a place struck, not "sur le point de" (about to).
    [Fact]
    public void A_strike_on_a_point_is_not_an_intention()
    {
        var a = Extract("Le ministère russe de la Défense a affirmé que ses forces avaient effectué une frappe de précision sur un point de déploiement de mercenaires à Kharkiv.");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("russie", k.Perpetrator.Id);
        Assert.Contains(k.Locations, p => p.Name == "Kharkiv");
    }

    // Class 6: a listed spokesman retelling his ministry's strike is the same source: one record.
    [Fact]
    public void A_spokesman_retelling_his_ministrys_strike_is_one_record()
    {
        var a = Extract("Le ministère russe de la Défense a annoncé dimanche que plus de 200 combattants avaient été tués dans une frappe de missiles contre la ville de Kramatorsk.\n\n"
            + "Le porte-parole du ministère russe de la Défense, Igor Konachenkov, a déclaré que la frappe de missiles contre Kramatorsk avait visé des casernes.");
        Assert.Single(a.Strikes, k => k.Perpetrator.Id == "russie");
    }

    // Class 7: a group hit is named as the source names it; its id stays the group's.
    [Fact]
    public void A_group_hit_keeps_the_sources_wording()
    {
        var a = Extract("Des frappes de drones de l'armée malienne ont visé des combattants jihadistes près de Kidal, selon un communiqué de l'armée.");
        var k = Assert.Single(a.Strikes);
        Assert.Contains(k.Targets, t => t.Id == "djihadistes" && t.Name == "combattants jihadistes");
    }

    // Class 8: a place governed by a noun of war, dealing or mission ("le conflit de Gaza", "faire pression sur Damas") is not
    // where the strike fell.
    [Theory]
    [InlineData("Des frappes russes ont visé jeudi la localité de Habit, selon l'OSDH, qui craint une extension du conflit de Lattaquié.", "Lattaquié")]
    [InlineData("Washington a imputé la frappe de jeudi sur Alep à l'aviation syrienne et a appelé Moscou à faire pression sur Damas.", "Damas")]
    public void A_place_of_a_war_or_dealing_is_not_struck(string text, string place)
    {
        var a = Extract(text);
        Assert.NotEmpty(a.Strikes);
        Assert.DoesNotContain(a.Strikes, k => k.Locations.Any(p => p.Name == place));
    }

    // Class 9: a strike told again with no place of its own and the same number by the same voice is the same salvo.
    [Fact]
    public void The_same_salvo_told_again_with_its_number_is_one_record()
    {
        var a = Extract("Plus de 80 missiles russes ont visé jeudi Kiev et Lviv, selon la présidence ukrainienne.\n\n"
            + "« Plus de 80 missiles ont été tirés pour détruire des centrales électriques », a ajouté le conseiller de la présidence ukrainienne Mikhaïlo Podoliak.");
        Assert.Single(a.Strikes, k => k.Perpetrator.Id == "russie");
    }

    // Class 10: the site the dead are counted at ("les morts de l'école") is what the strike told after it hit.
    [Fact]
    public void The_site_of_the_dead_is_the_target()
    {
        var a = Extract("Le porte-parole de la Défense civile a affirmé que dix enfants figuraient parmi les morts de l'école Al-Amal après qu'un avion israélien a largué une bombe sur le bâtiment.");
        var k = Assert.Single(a.Strikes);
        Assert.Contains(k.Targets, t => t.Name.StartsWith("école", StringComparison.Ordinal));
    }

    // Class 11: a negated passive ("n'ont pas été touchés"), its "ne" before the auxiliary, tells no strike.
    [Theory]
    [InlineData("Les avions militaires de l'aéroport de Goma n'ont pas été touchés par les drones rwandais, a affirmé le porte-parole de l'armée congolaise.")]
    [InlineData("L'aéroport de Goma n'a jamais été visé par des drones rwandais, a assuré le gouverneur.")]
    public void A_negated_passive_tells_no_strike(string text)
    {
        var a = Extract(text);
        Assert.Empty(a.Strikes);
    }

    // Class 12: a strike word in another speaker's words after a denied one is that speaker's report ("X a démenti tout
    // bombardement mais Y a dit avoir pris pour cible…").
    [Fact]
    public void A_report_after_a_denial_in_the_same_sentence_is_kept()
    {
        var a = Extract("Les autorités de Bakou ont démenti tout bombardement visant l'Arménie mais le ministère azerbaïdjanais de la Défense a dit avoir pris pour cible un dépôt de munitions à Stepanakert.");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("azerbaidjan", k.Perpetrator.Id);
        Assert.Contains(k.Locations, p => p.Name == "Stepanakert");
    }

    // Class 13: the noun "base" (folded like the participle "basé") does not block the place after it.
    [Fact]
    public void A_base_at_a_place_keeps_its_place()
    {
        var a = Extract("Les forces arméniennes ont pris pour cible une base aérienne à Gandja, a affirmé le ministère azerbaïdjanais de la Défense.");
        var k = Assert.Single(a.Strikes);
        Assert.Contains(k.Locations, p => p.Name == "Gandja");
    }

    // Class 14: civilians named as victims are targets, also inside a "dont" apposition of the counted dead.
    [Fact]
    public void Civilians_in_an_apposition_of_the_dead_are_targets()
    {
        var a = Extract("Un porte-parole des talibans a affirmé que 30 personnes, dont 12 femmes et enfants, étaient mortes dans les frappes aériennes pakistanaises.");
        var k = Assert.Single(a.Strikes);
        Assert.Equal("pakistan", k.Perpetrator.Id);
        Assert.Contains(k.Targets, t => t.Name == "femmes et enfants");
    }
}
