using Claims.Domain.Actors;

namespace Claims.Domain.Contradictions.Queue;

/// <summary>What the priority of a contradiction is weighed on, as the contradictions read model keeps it: per side, the
/// distinct outlets and distinct voices (speakers, disputants, strike reporters) and whether an official voice is among
/// them; the largest casualty or strike count any of its strikes states; the date of its latest record (publication date,
/// else the day it was ingested); and how many articles brought its records in the seven days up to that date.</summary>
public sealed record PriorityFeatures(int[] Outlets, int[] Voices, bool[] Official, int TopCount, DateOnly Latest, int RecentArticles);

/// <summary>A contradiction's place in the queue: its priority and the reasons, in words, it ranks there.</summary>
public sealed record QueuePriority(double Priority, IReadOnlyList<string> Reasons);

/// <summary>
/// The review queue's priority rule, the one place it is stated (README, "Review queue"). Points, summed:
/// <list type="bullet">
/// <item>outlets: 2 per distinct outlet on the thinner side, at most 5 counted — a dispute carried by many newsrooms on
/// both sides reaches many readers, one carried by one outlet on one side may be that outlet's slip;</item>
/// <item>voices: 1 per distinct voice across its sides, at most 10 counted;</item>
/// <item>official voices: 6 per side on which a government, army or international body speaks (a ministry or a UN body
/// contradicted is what a fact-checker is asked about first);</item>
/// <item>stakes: 3 × log10(1 + the largest count a strike states), so 10 dead ≈ 3, 100 ≈ 6, 1000 ≈ 9;</item>
/// <item>still arriving: 1.5 per article beyond the first in the week up to its latest record, at most 6;</item>
/// <item>recency: −0.1 per day its latest record stands behind the newest record of any contradiction.</item>
/// </list>
/// Recency is linear in the date on purpose: the order it gives never depends on "now", so the read model stores each
/// contradiction's key (<see cref="SortKey"/>, recency counted from a fixed epoch) once, a page is an index range, and a
/// rebuild gives the same order; the priority shown is the same key counted from the newest record (<see cref="Shown"/>).
/// </summary>
public static class ReviewPriority
{
    public const double PerOutlet = 2, PerVoice = 1, PerOfficialSide = 6, StakesFactor = 3, PerRecentArticle = 1.5, PerDayBehind = 0.1;
    public const int OutletsCounted = 5, VoicesCounted = 10;
    public const double MostForArrivals = 6;

    /// <summary>The day recency is counted from in the stored key.</summary>
    public static readonly DateOnly Epoch = new(2000, 1, 1);

    /// <summary>The points that do not depend on the date, with their reasons.</summary>
    public static QueuePriority Weigh(PriorityFeatures f)
    {
        var reasons = new List<string>();
        double points = 0;
        var thinnest = f.Outlets.Length == 0 ? 0 : f.Outlets.Min();
        if (thinnest > 0)
        {
            points += PerOutlet * Math.Min(thinnest, OutletsCounted);
            reasons.Add(thinnest == 1 ? "1 outlet on each side" : $"{thinnest} outlets on each side");
        }
        var voices = f.Voices.Sum();
        if (voices > 0)
        {
            points += PerVoice * Math.Min(voices, VoicesCounted);
            reasons.Add(voices == 1 ? "1 voice" : $"{voices} voices");
        }
        var officialSides = f.Official.Count(o => o);
        if (officialSides > 0)
        {
            points += PerOfficialSide * officialSides;
            reasons.Add(officialSides == f.Official.Length && officialSides > 1 ? "official voices on both sides" : "an official voice on one side");
        }
        if (f.TopCount > 0)
        {
            points += StakesFactor * Math.Log10(1 + f.TopCount);
            reasons.Add($"counts of up to {f.TopCount} at stake");
        }
        if (f.RecentArticles > 1)
        {
            points += Math.Min(PerRecentArticle * (f.RecentArticles - 1), MostForArrivals);
            reasons.Add($"still arriving: {f.RecentArticles} articles in its latest week");
        }
        return new QueuePriority(points, reasons);
    }

    /// <summary>The stored queue key: higher first. Weigh's points plus recency counted from <see cref="Epoch"/>.</summary>
    public static double SortKey(PriorityFeatures f) => Weigh(f).Priority + PerDayBehind * (f.Latest.DayNumber - Epoch.DayNumber);

    /// <summary>The priority shown when the newest record of any contradiction is dated <paramref name="newest"/>: the
    /// same order as <see cref="SortKey"/>, with the recency reason.</summary>
    public static QueuePriority Shown(PriorityFeatures f, DateOnly newest)
    {
        var weighed = Weigh(f);
        var behind = Math.Max(0, newest.DayNumber - f.Latest.DayNumber);
        var reasons = weighed.Reasons.Append(behind == 0 ? $"latest record {f.Latest:yyyy-MM-dd}, the newest" : $"latest record {f.Latest:yyyy-MM-dd}, {behind} days behind the newest").ToList();
        return new QueuePriority(Math.Round(weighed.Priority - PerDayBehind * behind, 2), reasons);
    }

    /// <summary>Actors whose word is official: states, and the institutions and people who act for a state or for an
    /// international body (the UN, NATO, the EU). Armed groups, NGOs, observatories and media are not.</summary>
    public static IReadOnlySet<string> OfficialVoices => Officials.Value;

    private static readonly string[] InternationalBodies = ["onu", "otan", "union-europeenne"];

    private static readonly Lazy<IReadOnlySet<string>> Officials = new(() =>
    {
        var directory = ActorDirectory.Embedded;
        bool IsOfficial(DirectoryActor a) =>
            a.Kind == "state" || InternationalBodies.Contains(a.Id)
            || (a.Kind is "institution" or "person" && a.Affiliation is { } camp && directory.FindByName(camp) is { } c && (c.Kind == "state" || InternationalBodies.Contains(c.Id)));
        return directory.All.Where(IsOfficial).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
    });
}
