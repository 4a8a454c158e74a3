using Claims.Domain.Contradictions.Queue;

namespace Claims.Domain.Tests.ReviewQueue;

/// <summary>The queue's priority rule on crafted contradictions whose order a fact-checker would give.</summary>
public sealed class ReviewPriorityTests
{
    private static readonly DateOnly Newest = new(2015, 10, 9);

    private static PriorityFeatures Case(int outlets = 1, int voices = 1, bool officialBoth = false, bool officialOne = false, int count = 0,
        int daysBehind = 0, int recent = 1) =>
        new([outlets, outlets], [voices, voices], [officialBoth || officialOne, officialBoth], count, Newest.AddDays(-daysBehind), recent);

    [Fact]
    public void The_crafted_cases_come_in_the_order_a_fact_checker_gives()
    {
        var cases = new (string Name, PriorityFeatures Features)[]
        {
            ("a ministry against the UN over 120 dead, four outlets a side, still arriving", Case(outlets: 4, voices: 3, officialBoth: true, count: 120, recent: 5)),
            ("a ministry against the UN over 120 dead, one outlet a side", Case(officialBoth: true, count: 120)),
            ("an army against an observatory, 30 dead, two outlets a side", Case(outlets: 2, voices: 2, officialOne: true, count: 30)),
            ("two outlets a side, no official voice, no count", Case(outlets: 2, voices: 2)),
            ("the same, five weeks old", Case(outlets: 2, voices: 2, daysBehind: 35)),
            ("one outlet a side, a year old", Case(daysBehind: 365)),
        };
        var shown = cases.Select(c => (c.Name, Priority: ReviewPriority.Shown(c.Features, Newest).Priority, Key: ReviewPriority.SortKey(c.Features))).ToList();
        Assert.Equal(cases.Select(c => c.Name), shown.OrderByDescending(s => s.Priority).Select(s => s.Name));
        // The stored key gives the same order as the priority shown, whatever the newest date.
        Assert.Equal(cases.Select(c => c.Name), shown.OrderByDescending(s => s.Key).Select(s => s.Name));
    }

    [Fact]
    public void Each_weight_is_the_documented_one()
    {
        var plain = ReviewPriority.Weigh(Case()).Priority;                  // 1 outlet on the thinner side (2) + 2 voices (2)
        Assert.Equal(4, plain);
        Assert.Equal(plain + 6, ReviewPriority.Weigh(Case(officialOne: true)).Priority);
        Assert.Equal(plain + 12, ReviewPriority.Weigh(Case(officialBoth: true)).Priority);
        Assert.Equal(plain + 6, ReviewPriority.Weigh(Case(count: 99)).Priority, 6);
        Assert.Equal(plain + 6, ReviewPriority.Weigh(Case(recent: 9)).Priority);   // at most 6 for arrivals
        Assert.Equal(plain - 3, ReviewPriority.Shown(Case(daysBehind: 30), Newest).Priority, 6);
        Assert.Equal(2 * 5 + 10, ReviewPriority.Weigh(Case(outlets: 9, voices: 9)).Priority); // outlets and voices capped
    }

    [Fact]
    public void The_reasons_say_why_in_words()
    {
        var reasons = ReviewPriority.Shown(Case(outlets: 3, voices: 2, officialBoth: true, count: 40, daysBehind: 2, recent: 3), Newest).Reasons;
        Assert.Equal(["3 outlets on each side", "4 voices", "official voices on both sides", "counts of up to 40 at stake",
            "still arriving: 3 articles in its latest week", "latest record 2015-10-07, 2 days behind the newest"], reasons);
    }

    [Fact]
    public void Governments_armies_and_international_bodies_are_official_voices_and_ngos_armed_groups_and_media_are_not()
    {
        var official = ReviewPriority.OfficialVoices;
        foreach (var id in new[] { "russie", "ministere-russe-defense", "serguei-lavrov", "pentagone", "ashton-carter", "onu", "ban-ki-moon", "otan", "armee-syrienne" })
            Assert.Contains(id, official);
        foreach (var id in new[] { "osdh", "amnesty-international", "etat-islamique", "hezbollah", "afp", "opposition-syrienne", "rami-abdel-rahmane" })
            Assert.DoesNotContain(id, official);
    }
}
