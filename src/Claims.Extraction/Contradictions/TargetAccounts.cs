using Claims.Extraction.Knowledge;
using Claims.Extraction.Text;

namespace Claims.Extraction.Contradictions;

/// <summary>Whether a strike report says its targets were civilians or fighters, read from the targets' names and ids alone (so
/// that records rebuilt from stored events classify as the extractor's do): civilian target nouns of strikes.json
/// (targetClasses "civilian", civilianWords) against armed groups of the knowledge base (targetClass), jihadist words and
/// military target words (militaryWords).</summary>
public static class TargetAccounts
{
    public const string Civilians = "civilians";
    public const string Fighters = "fighters";

    private static readonly Lazy<(KnowledgeBase Kb, HashSet<string> Civil, HashSet<string> Military)> Data = new(() =>
    {
        var kb = KnowledgeBase.LoadEmbedded();
        var civil = kb.TargetClasses.Where(kv => kv.Value == "civilian").Select(kv => kv.Key).Concat(kb.CivilianTargetWords).ToHashSet(StringComparer.Ordinal);
        var military = kb.TargetClasses.Where(kv => kv.Value == "jihadist").Select(kv => kv.Key).Concat(kb.MilitaryTargetWords).ToHashSet(StringComparer.Ordinal);
        return (kb, civil, military);
    });

    /// <summary>Civilians, Fighters, or null when the targets say neither or both.</summary>
    public static string? Of(Strike strike)
    {
        var (kb, civil, military) = Data.Value;
        bool civilian = false, fighters = false;
        foreach (var t in strike.Targets)
        {
            if (kb.Actor(t.Id) is { TargetClass: not null }) { fighters = true; continue; }
            foreach (var w in Fold.Text(t.Name).Split([' ', '\'', '-'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (military.Contains(w) || kb.JihadistWords.Contains(w)) fighters = true;
                else if (civil.Contains(w)) civilian = true;
            }
        }
        // "des terroristes … cachés dans l'école": fighters said to be in a civilian place are the fighters' account.
        return fighters ? Fighters : civilian ? Civilians : null;
    }
}
