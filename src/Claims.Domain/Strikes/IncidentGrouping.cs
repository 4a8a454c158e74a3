using System.Security.Cryptography;
using System.Text;
using Claims.Domain.Application;
using Claims.Domain.Events;
using Claims.Extraction.Contradictions;

namespace Claims.Domain.Strikes;

/// <summary>One strike report as the grouping sees it.</summary>
public sealed record StrikeReport(string ArticleId, string? Outlet, DateOnly? PublishedOn, StrikeReported Strike);

/// <summary>
/// Groups strike reports into incidents: same perpetrator, a shared place (or a place and the province it lies in; a country
/// is too wide to count, see <see cref="PlaceMatching"/>), and one day — the strike's own date, else its article's — with an
/// undated report joining the latest dated incident it matches within <see cref="DayGrouping.AttachDays"/> days before its
/// article (<see cref="DayGrouping"/>: an incident spans at most that many days, however long the campaign).
/// Grade: "contested" when the reports disagree on whom the strikes hit or on a count, else "corroborated" when two
/// independent sources (different reporters; the article's own voice counts per outlet) report it, else "single-source".
/// Only event-scope reports are grouped: campaign-scope ones describe no single incident. Pure.
/// </summary>
public static class IncidentGrouping
{
    /// <summary>The incidents among <paramref name="reports"/> (event-scope strikes, each as <see cref="DayReport"/>: striker, places,
    /// <see cref="DayGrouping.DayOf"/> and whether the strike itself is dated), as groups of indices.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<DayReport> reports) => DayGrouping.Group(reports, (_, _) => true);

    private static string SourceOf(StrikeReport r) => r.Strike.ReportedBy?.Id ?? "outlet:" + (r.Outlet ?? r.ArticleId);

    /// <summary>The incident that <paramref name="members"/> (one group, in input order) make.</summary>
    public static StrikeIncident Incident(IReadOnlyList<StrikeReport> members)
    {
        var first = members[0].Strike;
        var positions = members.Select(m => m.Strike.Stance?.Position).OfType<string>().Distinct().Count();
        var countsDisagree = members.SelectMany(m => m.Strike.Counts).GroupBy(kv => kv.Key).Any(g => g.Select(kv => kv.Value).Distinct().Count() > 1);
        var grade = positions > 1 || countsDisagree ? "contested"
            : members.Select(SourceOf).Distinct().Count() > 1 ? "corroborated" : "single-source";
        var dates = members.Select(m => DayGrouping.DayOf(m.Strike.Date, m.PublishedOn)).OfType<DateOnly>().ToList();
        var keys = members.Select(m => $"{m.ArticleId}:{m.Strike.RecordId}").Order(StringComparer.Ordinal).ToList();
        return new StrikeIncident(
            "i-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", keys))), 0, 5).ToLowerInvariant(),
            new NamedRef(first.Perpetrator.Id, first.Perpetrator.Name),
            members.SelectMany(m => m.Strike.Locations).DistinctBy(p => p.Id).Select(p => new NamedRef(p.Id, p.Name)).ToList(),
            dates.Count == 0 ? null : dates.Min(), dates.Count == 0 ? null : dates.Max(), grade,
            members.Select(m => new StrikeSource(m.Strike.ReportedBy is { } by ? new NamedRef(by.Id, by.Name) : null, m.ArticleId, m.Strike.RecordId,
                m.Outlet, m.PublishedOn, m.Strike.Targets.Select(t => new NamedRef(t.Id, t.Name)).ToList())).ToList());
    }
}
