using Claims.Extraction.Contradictions;

namespace Claims.Extraction.Tests;

/// <summary>The strike grouping that incidents and the finder's same-event clusters share: one striker, a shared place, one day,
/// an undated report joining the latest dated event before it — and, above all, a span that never grows with a campaign.</summary>
public sealed class DayGroupingTests
{
    private static readonly DateOnly Day0 = new(2015, 10, 1);

    private static readonly (string, string?) Idleb = ("province-idleb", "Idleb");
    private static readonly (string, string?) JisrAlChoughour = ("jisr-al-choughour", "Idleb");
    private static readonly (string, string?) Hama = ("hama-ville", "Hama");

    private static DayReport Dated(int day, params (string, string?)[] places) => new("russie", places, Day0.AddDays(day), Dated: true);

    private static DayReport Undated(int publishedDay, params (string, string?)[] places) => new("russie", places, Day0.AddDays(publishedDay), Dated: false);

    private static DayReport Dayless(params (string, string?)[] places) => new("russie", places, null, Dated: false);

    private static List<List<int>> Group(params DayReport[] reports) =>
        DayGrouping.Group(reports, (_, _) => true).Select(g => g.ToList()).ToList();

    [Fact]
    public void A_striker_hitting_one_province_every_day_for_two_months_makes_one_event_a_day_not_one_event()
    {
        var reports = Enumerable.Range(0, 60).SelectMany(d => new[] { Dated(d, Idleb), Dated(d, JisrAlChoughour) }).ToArray();
        var groups = Group(reports);
        Assert.Equal(60, groups.Count);
        Assert.All(groups, g => Assert.Single(g.Select(i => reports[i].Day).Distinct()));
        Assert.All(groups, g => Assert.Equal(2, g.Count)); // a town and its province on one day are one event
    }

    [Fact]
    public void An_undated_report_joins_the_latest_dated_event_it_matches_within_three_days_before_its_article()
    {
        var groups = Group(Dated(0, Idleb), Dated(2, JisrAlChoughour), Undated(4, Idleb), Dated(2, Hama));
        Assert.Contains(groups, g => g.SequenceEqual([1, 2]));      // day 2, not day 0
        Assert.Contains(groups, g => g.SequenceEqual([0]));
        Assert.Contains(groups, g => g.SequenceEqual([3]));         // Hama shares no place
    }

    [Fact]
    public void An_undated_report_more_than_three_days_after_any_dated_event_and_undated_reports_of_different_days_stay_apart()
    {
        var groups = Group(Dated(0, Idleb), Undated(4, Idleb), Undated(6, Idleb), Undated(6, JisrAlChoughour));
        Assert.Equal([[0], [1], [2, 3]], groups);
    }

    [Fact]
    public void Undated_reports_do_not_chain_dated_events_of_different_days()
    {
        // Under a pairwise window the undated report of day 3 would join days 1 and 2 (and so on across a campaign).
        var groups = Group(Dated(1, Idleb), Dated(2, Idleb), Undated(3, Idleb), Dated(3, Hama));
        Assert.Contains(groups, g => g.SequenceEqual([1, 2]));
        Assert.Contains(groups, g => g.SequenceEqual([0]));
    }

    [Fact]
    public void A_report_with_no_day_at_all_joins_the_latest_day_it_matches_and_nothing_when_it_matches_none()
    {
        var groups = Group(Dated(0, Idleb), Undated(9, JisrAlChoughour), Dayless(Idleb), Dayless(Hama), Dated(5, Hama), Dated(12, ("alep-ville", "Alep")));
        Assert.Contains(groups, g => g.SequenceEqual([1, 2]));      // the latest Idleb report, undated as it is
        Assert.Contains(groups, g => g.SequenceEqual([3, 4]));
        Assert.Contains(groups, g => g.SequenceEqual([0]));
    }

    [Fact]
    public void The_callers_rule_and_the_striker_keep_reports_apart()
    {
        var reports = new[] { Dated(0, Idleb), Dated(0, Idleb), Dated(0, Idleb) with { Perpetrator = "coalition" } };
        Assert.Equal([[0], [1], [2]], DayGrouping.Group(reports, (_, _) => false).Select(g => g.ToList()).ToList());
        Assert.Equal([[0, 1], [2]], DayGrouping.Group(reports, (_, _) => true).Select(g => g.ToList()).ToList());
    }

    [Fact]
    public void Groups_do_not_depend_on_input_order_and_stay_within_their_owner_days()
    {
        var rng = new Random(7);
        (string, string?)[] places = [Idleb, JisrAlChoughour, Hama, ("hama-province", "Hama"), ("palmyre", null)];
        var reports = Enumerable.Range(0, 400).Select(_ =>
        {
            var where = Enumerable.Range(0, rng.Next(1, 3)).Select(_ => places[rng.Next(places.Length)]).Distinct().ToArray();
            var striker = rng.Next(4) == 0 ? "syrie" : "russie";
            return rng.Next(10) switch
            {
                0 => new DayReport(striker, where, null, false),
                < 5 => new DayReport(striker, where, Day0.AddDays(rng.Next(90)), false),
                _ => new DayReport(striker, where, Day0.AddDays(rng.Next(90)), true),
            };
        }).ToList();
        var groups = Canonical(reports, Enumerable.Range(0, reports.Count).ToList());
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var shuffle = new Random(seed);
            var order = Enumerable.Range(0, reports.Count).OrderBy(_ => shuffle.Next()).ToList();
            Assert.Equal(groups, Canonical(reports, order));
        }
        foreach (var g in groups)
        {
            var days = g.Select(i => reports[i].Day).OfType<DateOnly>().ToList();
            if (days.Count == 0) continue;
            Assert.True(days.Max().DayNumber - DayGrouping.Owner(g.Select(i => reports[i].Day))!.Value.DayNumber <= DayGrouping.AttachDays);
        }
        Assert.Contains(groups, g => g.Count > 2);
    }

    [Fact]
    public void Reports_the_rule_refuses_by_their_apart_key_are_never_tested_and_the_groups_are_the_same()
    {
        // Three sources, each telling many strikes on the same towns over a few days; the rule (the finder's) refuses two
        // reports of one source. Grouped with and without the apart key, the groups are the same; with it, no pair of one
        // source reaches the rule, which kept a long article of one source's reports quadratic.
        var random = new Random(7);
        var places = new[] { Idleb, JisrAlChoughour, Hama };
        var reports = Enumerable.Range(0, 300).Select(_ => random.Next(3) switch
        {
            0 => Dated(random.Next(4), places[random.Next(3)]),
            1 => Undated(random.Next(4), places[random.Next(3)]),
            _ => Dayless(places[random.Next(3)]),
        }).ToList();
        var source = reports.Select(_ => "source-" + random.Next(3)).ToList();
        var sameSourceTests = 0;
        bool Rule(int i, int j)
        {
            if (source[i] != source[j]) return true;
            sameSourceTests++;
            return false;
        }
        var without = DayGrouping.Group(reports, Rule).Select(g => g.ToList()).ToList();
        Assert.True(sameSourceTests > 0);
        sameSourceTests = 0;
        var with = DayGrouping.Group(reports, Rule, i => source[i]).Select(g => g.ToList()).ToList();
        Assert.Equal(without, with);
        Assert.Contains(with, g => g.Count > 2);
        Assert.Equal(0, sameSourceTests);
    }

    // The groups as sets of original indices, in a canonical order, when the reports are given in `order`.
    private static List<List<int>> Canonical(IReadOnlyList<DayReport> reports, IReadOnlyList<int> order) =>
        DayGrouping.Group(order.Select(i => reports[i]).ToList(), (_, _) => true)
            .Select(g => g.Select(i => order[i]).Order().ToList()).OrderBy(g => g[0]).ToList();

    [Theory]
    [InlineData("ukraine")]      // places.json, kind "country"
    [InlineData("soudan")]       // countries.json only
    [InlineData("birmanie")]
    public void Two_reports_placed_only_in_the_same_country_are_not_one_event(string country)
    {
        // "des frappes en Ukraine" and "des missiles sur l'Ukraine" the same day say nothing about being the same strikes.
        var groups = Group(Dated(0, (country, null)), Dated(0, (country, null)));
        Assert.Equal(2, groups.Count);
        Assert.True(PlaceMatching.IsCountry(country));
        // A town of that country, shared, still makes them one.
        Assert.Single(Group(Dated(0, (country, null), ("kharkiv", null)), Dated(0, ("kharkiv", null))));
    }
}
