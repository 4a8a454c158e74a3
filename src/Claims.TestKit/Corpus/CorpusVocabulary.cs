using System.Text.Json;
using System.Text.Json.Serialization;

namespace Claims.TestKit.Corpus;

/// <summary>The vocabulary and sentence templates of the synthetic corpus, read from Corpus/corpus.json (copied next to the
/// bench executable): what an analyst would edit to change the articles lives there, not in code.</summary>
public sealed class CorpusVocabulary
{
    public const string FileName = "corpus.json";

    public required DateOnly StartDate { get; init; }
    public required string[] Weekdays { get; init; }
    public required string[] Months { get; init; }
    public required Dictionary<int, string> NumberWords { get; init; }
    public required Dictionary<int, string> ApproximateNumbers { get; init; }
    public required Dictionary<string, VerbAgreement> Agreement { get; init; }
    public required Dictionary<string, Dictionary<string, string>> Prepositions { get; init; }
    public required string Vowels { get; init; }
    public required Outlet[] Outlets { get; init; }
    public required Dictionary<string, Speaker> Speakers { get; init; }
    public required Dictionary<string, Region> Regions { get; init; }
    public required Striker[] Strikers { get; init; }
    public required Dictionary<string, string[]> Counts { get; init; }
    public required string[] Titles { get; init; }
    public required Dictionary<string, string[]> Sentences { get; init; }
    public required string[] NeutralSpeakers { get; init; }
    public required string[] ReportingVerbs { get; init; }
    public required Dictionary<string, int> SentenceWeights { get; init; }
    public required Range SentencesPerParagraph { get; init; }
    public required Range Paragraphs { get; init; }
    public required Range TextBytes { get; init; }
    public required double SecondIncidentShare { get; init; }
    public required PageFurniture Furniture { get; init; }

    public sealed record VerbAgreement(string Singular, string Plural);
    public sealed record Outlet(string Name, string Host, string Section);
    public sealed record Speaker(bool Plural, string[] Forms);
    public sealed record Region(string Country, Place[] Places);
    public sealed record Place(string Name, string Province);
    public sealed record Subject(string Text, bool Plural = false);
    public sealed record Range(int Min, int Max);
    public sealed record PageFurniture(string[] Top, string[] Bottom);

    public sealed record Striker(string Id, int Weight, string[] Regions, Subject[] Subjects, string[] Strikes, string[] Names,
        string[] Own, string[] Critics, string[] Monitors, string[] ClaimedTargets, string[] AllegedTargets, string[] CivilianTargets);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>The file next to the executable (Corpus/corpus.json); a missing or broken file names itself.</summary>
    public static CorpusVocabulary Load(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "Corpus", FileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"The corpus vocabulary {path} is missing (Claims.TestKit copies it from its Corpus folder on build).", path);
        CorpusVocabulary? vocabulary;
        try
        {
            vocabulary = JsonSerializer.Deserialize<CorpusVocabulary>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        if (vocabulary is null) throw new InvalidDataException($"{path} is empty.");
        vocabulary.Check(path);
        return vocabulary;
    }

    // Every speaker and place a striker names must exist, and every sentence kind with a weight must have templates.
    private void Check(string path)
    {
        foreach (var s in Strikers)
        {
            foreach (var id in s.Own.Concat(s.Critics).Concat(s.Monitors))
                if (!Speakers.ContainsKey(id)) throw new InvalidDataException($"{path}: striker '{s.Id}' names unknown speaker '{id}'.");
            foreach (var region in s.Regions)
                if (!Regions.ContainsKey(region)) throw new InvalidDataException($"{path}: striker '{s.Id}' names unknown region '{region}'.");
        }
        foreach (var id in NeutralSpeakers)
            if (!Speakers.ContainsKey(id)) throw new InvalidDataException($"{path}: neutralSpeakers names unknown speaker '{id}'.");
        foreach (var kind in SentenceWeights.Keys.Append("lead"))
            if (!Sentences.TryGetValue(kind, out var templates) || templates.Length == 0) throw new InvalidDataException($"{path}: no sentences of kind '{kind}'.");
    }
}
