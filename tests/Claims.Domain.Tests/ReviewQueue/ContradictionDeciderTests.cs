using System.Collections.Immutable;
using Claims.Domain.Application;
using Claims.Domain.Contradictions;
using Claims.Domain.Contradictions.Assigning;
using Claims.Domain.Contradictions.Duplicates;
using Claims.Domain.Contradictions.Reopening;
using Claims.Domain.Events;

namespace Claims.Domain.Tests.ReviewQueue;

/// <summary>The contradiction stream's review decisions, pure: no host, no database.</summary>
public sealed class ContradictionDeciderTests
{
    private const string Id = "c-0123456789";
    private static readonly DateTimeOffset At = new(2015, 10, 9, 12, 0, 0, TimeSpan.Zero);

    private static ContradictionReviewState Given(params object[] events) => events.Aggregate(ContradictionReviewState.None, ContradictionDecider.Evolve);

    private static IReadOnlyList<object> When(ContradictionReviewState state, ContradictionCommand command) => ContradictionDecider.Decide(command, state);

    [Fact]
    public void A_free_contradiction_goes_to_the_caller_or_to_the_one_named()
    {
        Assert.Equal([new ContradictionAssigned(Id, "alice", "alice", At)], When(Given(), new AssignContradiction(Id, null, false, "alice", At)));
        Assert.Equal([new ContradictionAssigned(Id, "carol", "alice", At)], When(Given(), new AssignContradiction(Id, "carol", false, "alice", At)));
    }

    [Fact]
    public void A_held_contradiction_is_refused_naming_the_holder_unless_forced_and_taking_it_again_says_nothing()
    {
        var held = Given(new ContradictionAssigned(Id, "alice", "alice", At));
        var refused = Assert.Throws<AssignmentConflictException>(() => When(held, new AssignContradiction(Id, null, false, "bob", At)));
        Assert.Equal("alice", refused.Assignee);
        Assert.Equal([new ContradictionAssigned(Id, "bob", "bob", At, "alice")], When(held, new AssignContradiction(Id, null, true, "bob", At)));
        Assert.Empty(When(held, new AssignContradiction(Id, null, false, "alice", At)));
    }

    [Fact]
    public void Release_names_who_held_it_and_releasing_a_free_one_says_nothing()
    {
        Assert.Equal([new ContradictionReleased(Id, "alice", "bob", At)], When(Given(new ContradictionAssigned(Id, "alice", "alice", At)), new ReleaseContradiction(Id, "bob", At)));
        Assert.Empty(When(Given(), new ReleaseContradiction(Id, "bob", At)));
    }

    [Fact]
    public void A_duplicate_points_at_one_other_contradiction()
    {
        Assert.Equal([new ContradictionMarkedDuplicate(Id, "c-9999999999", "alice", At)], When(Given(), new MarkDuplicate(Id, "c-9999999999", "alice", At)));
        Assert.Equal("id", Assert.Throws<RequestValidationException>(() => When(Given(), new MarkDuplicate(Id, Id, "alice", At))).Field);
        var marked = Given(new ContradictionMarkedDuplicate(Id, "c-9999999999", "alice", At));
        Assert.Equal("duplicate", marked.Status);
        Assert.Empty(When(marked, new MarkDuplicate(Id, "c-9999999999", "bob", At)));
        Assert.Equal("c-9999999999", Assert.Throws<ReviewConflictException>(() => When(marked, new MarkDuplicate(Id, "c-8888888888", "bob", At))).DuplicateOf);
        Assert.Equal([new ContradictionDuplicateUndone(Id, "c-9999999999", "bob", At)], When(marked, new UndoDuplicate(Id, "bob", At)));
        Assert.Empty(When(Given(), new UndoDuplicate(Id, "bob", At)));
    }

    [Fact]
    public void A_reopening_is_told_once_and_only_about_the_latest_verdict()
    {
        var records = new[] { new RecordRef("article-1", "s2") };
        var decided = Given(new ContradictionVerdictRecorded(Id, "confirmed", null, "alice", At));
        var reopened = Assert.Single(When(decided, new ReopenContradiction(Id, 1, records, At)));
        var state = Given(new ContradictionVerdictRecorded(Id, "confirmed", null, "alice", At), reopened);
        Assert.Equal("reopened", state.Status);
        Assert.Empty(When(state, new ReopenContradiction(Id, 1, records, At)));       // told already
        Assert.Empty(When(Given(), new ReopenContradiction(Id, 0, records, At)));     // nothing decided yet
        var decidedAgain = Given(new ContradictionVerdictRecorded(Id, "confirmed", null, "alice", At), reopened,
            new ContradictionVerdictRecorded(Id, "dismissed", null, "bob", At));
        Assert.Equal("dismissed", decidedAgain.Status);                               // a new verdict closes it
        Assert.Empty(When(decidedAgain, new ReopenContradiction(Id, 1, records, At))); // about a verdict since replaced
    }
}
