using System.Text.Json;

namespace Claims.Extraction.Knowledge;

/// <summary>Function words (Data/grammar.json), loaded once from the embedded file. Static because the tokenizer and the sentence
/// splitter, which run before any knowledge base is chosen, read them too. Words are folded as the tokenizer folds them.</summary>
public static class Grammar
{
    private static readonly GrammarFile Data = Load();

    public static IReadOnlySet<string> Determiners { get; } = Set(Data.Determiners);
    /// <summary>The definite article's forms ("le", "la", "l'", "les").</summary>
    public static IReadOnlySet<string> DefiniteArticles { get; } = Set(Data.DefiniteArticles ?? []);
    public static IReadOnlySet<string> PhraseDeterminers { get; } = Set(Data.PhraseDeterminers);
    public static IReadOnlySet<string> Prepositions { get; } = Set(Data.Prepositions);
    public static IReadOnlySet<string> NotPrepositionBeforeDes { get; } = Set(Data.NotPrepositionBeforeDes);
    public static IReadOnlySet<string> NotNamesAtStart { get; } = Set(Data.NotNamesAtStart);
    public static IReadOnlySet<string> TitleModifiers { get; } = Set(Data.TitleModifiers);
    public static IReadOnlySet<string> RelativeWords { get; } = Set(Data.RelativeWords);
    public static IReadOnlySet<string> NounMarkers { get; } = Set(Data.NounMarkers);
    public static IReadOnlySet<string> Negations { get; } = Set(Data.Negations);
    public static IReadOnlySet<string> StrongNegations { get; } = Set(Data.StrongNegations);
    public static IReadOnlySet<string> IrrealisAfter { get; } = Set(Data.IrrealisAfter);
    public static IReadOnlySet<string> CampaignWords { get; } = Set(Data.CampaignWords);
    public static IReadOnlySet<string> DurationUnits { get; } = Set(Data.DurationUnits);
    public static IReadOnlySet<string> DeniedActInfinitives { get; } = Set(Data.DeniedActInfinitives);
    public static IReadOnlySet<string> ParticipleAdverbs { get; } = Set(Data.ParticipleAdverbs);
    public static IReadOnlySet<string> Abbreviations { get; } = Set(Data.Abbreviations);
    public static IReadOnlySet<string> ElisionPrefixes { get; } = Set(Data.ElisionPrefixes);
    public static IReadOnlySet<string> LoyalForceNouns { get; } = Set(Data.LoyalForceNouns ?? []);
    public static IReadOnlySet<string> LoyalWords { get; } = Set(Data.LoyalWords ?? []);
    public static IReadOnlySet<string> TimeWordsBeforeContent { get; } = Set(Data.TimeWordsBeforeContent ?? []);
    public static IReadOnlySet<string> NoneDeterminers { get; } = Set(Data.NoneDeterminers ?? []);
    public static IReadOnlySet<string> AddresseeWords { get; } = Set(Data.AddresseeWords ?? []);
    /// <summary>A demonstrative before "-ci" → the personal pronoun it stands for ("celui-ci" → "il").</summary>
    public static IReadOnlyDictionary<string, string> DemonstrativePronouns { get; } = Data.DemonstrativePronouns ?? [];
    /// <summary>"ce dernier" (two folded words) → the personal pronoun it stands for ("il").</summary>
    public static IReadOnlyDictionary<string, string> LatterPronouns { get; } = Data.LatterPronouns ?? [];
    public static IReadOnlySet<string> QualifierWords { get; } = Set(Data.QualifierWords ?? []);
    public static IReadOnlySet<string> MemberWords { get; } = Set(Data.MemberWords ?? []);
    public static IReadOnlySet<string> DescriptionModifiers { get; } = Set(Data.DescriptionModifiers ?? []);
    public static IReadOnlySet<string> ChannelPrepositions { get; } = Set(Data.ChannelPrepositions ?? []);

    private static GrammarFile Load()
    {
        var assembly = typeof(Grammar).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("Data.grammar.json", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("embedded data file 'grammar.json' is missing");
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize(stream, DataJsonContext.Default.GrammarFile) ?? throw new InvalidDataException("data file grammar.json is empty");
    }

    // The words are written folded already (the tokenizer's folding needs this file, so it cannot fold them here).
    private static HashSet<string> Set(IEnumerable<string> words) => new(words, StringComparer.Ordinal);
}
