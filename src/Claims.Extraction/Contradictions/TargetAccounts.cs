using Claims.Extraction.Knowledge;
using Claims.Extraction.Text;

namespace Claims.Extraction.Contradictions;

/// <summary>Whether a strike report says its targets were civilians or fighters, read from the targets' names and ids alone (so
/// that records rebuilt from stored events classify as the extractor's do): civilian target nouns of strikes.json
/// (targetClasses "civilian", civilianTargetWords) against armed groups of the knowledge base (targetClass), jihadist words and
/// military target words (targetClasses "jihadist", militaryTargetWords). The words are those of the knowledge base the
/// caller gives (the one the records were extracted with), so that an edited copy of the data files counts.</summary>
public static class TargetAccounts
{
    public const string Civilians = "civilians";
    public const string Fighters = "fighters";

    /// <summary>Civilians, Fighters, or null when the targets say neither or both.</summary>
    public static string? Of(Strike strike, KnowledgeBase kb)
    {
        bool civilian = false, fighters = false;
        foreach (var t in strike.Targets)
        {
            if (kb.Actor(t.Id) is { TargetClass: not null }) { fighters = true; continue; }
            foreach (var w in Fold.Text(t.Name).Split([' ', '\'', '-'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (kb.MilitaryTargets.Contains(w) || kb.JihadistWords.Contains(w)) fighters = true;
                else if (kb.CivilianTargets.Contains(w)) civilian = true;
            }
        }
        // "des terroristes … cachés dans l'école": fighters said to be in a civilian place are the fighters' account.
        return fighters ? Fighters : civilian ? Civilians : null;
    }
}
