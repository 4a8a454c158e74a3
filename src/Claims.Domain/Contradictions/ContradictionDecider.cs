using System.Collections.Immutable;
using Claims.Domain.Application;
using Claims.Domain.Events;
using Claims.Domain.Deciding;

namespace Claims.Domain.Contradictions;

/// <summary>A command to one contradiction's stream ("contradiction-&lt;id&gt;"). At is supplied by the edge (the decider has no clock).</summary>
public abstract record ContradictionCommand(string ContradictionId)
{
    /// <summary>The contradiction's stream, which Wolverine loads the review state from.</summary>
    public string StreamId => ContradictionStreams.Prefix + ContradictionId;
}

/// <summary>A fact-checker's verdict on contradiction <paramref name="ContradictionId"/>.</summary>
public sealed record RecordVerdict(string ContradictionId, string? Verdict, string? Note, string Reviewer, DateTimeOffset At) : ContradictionCommand(ContradictionId)
{
    /// <summary>The stream version the reviewer saw (If-Match); null: no check.</summary>
    public long? ExpectedVersion { get; init; }
}

public static class ContradictionStreams
{
    public const string Prefix = "contradiction-";
}

/// <summary>One contradiction's review as its stream tells it: the verdicts so far (latest last), who holds it, what it
/// duplicates, and whether new evidence reopened it after its latest verdict.</summary>
/// <param name="Id">The stream id: Marten's identity for the folded state (and a second parameter, so that Marten does not
/// take the constructor for a conventional Create method).</param>
public sealed record ContradictionReviewState(ImmutableList<ContradictionVerdictRecorded> Verdicts, string? Id = null)
{
    public static readonly ContradictionReviewState None = new(ImmutableList<ContradictionVerdictRecorded>.Empty);

    public string? Assignee { get; init; }
    public string? DuplicateOf { get; init; }

    /// <summary>The verdict count when records last reopened it; reopened now when it equals <see cref="Verdicts"/>' count.</summary>
    public int? ReopenedAfter { get; init; }

    public bool Reopened => Verdicts.Count > 0 && ReopenedAfter == Verdicts.Count;

    /// <summary>"duplicate" while marked so; else "open" before any verdict, "reopened" when records joined after the latest
    /// verdict, or the latest verdict.</summary>
    public string Status => DuplicateOf is not null ? "duplicate" : Verdicts.Count == 0 ? "open" : Reopened ? "reopened" : Verdicts[^1].Verdict;
}

/// <summary>The contradiction stream's decisions. Whether the contradiction (or the one it duplicates) exists is the read
/// model's knowledge, checked by the application before deciding. Repeating what already holds decides nothing, so a
/// retried command (Wolverine's, after a concurrent write) writes nothing twice.</summary>
public static class ContradictionDecider
{
    public static readonly Decider<ContradictionCommand, object, ContradictionReviewState> Decider = new(Decide, Evolve, ContradictionReviewState.None);

    public static IReadOnlyList<object> Decide(ContradictionCommand command, ContradictionReviewState state) => command switch
    {
        RecordVerdict verdict => Verdict(verdict),
        Assigning.AssignContradiction assign => Assign(assign, state),
        Assigning.ReleaseContradiction release => state.Assignee is { } holder ? [new ContradictionReleased(release.ContradictionId, holder, release.By, release.At)] : [],
        Duplicates.MarkDuplicate mark => MarkDuplicate(mark, state),
        Duplicates.UndoDuplicate undo => state.DuplicateOf is { } of ? [new ContradictionDuplicateUndone(undo.ContradictionId, of, undo.By, undo.At)] : [],
        Reopening.ReopenContradiction reopen => Reopen(reopen, state),
        _ => throw new ArgumentException($"unknown command {command.GetType().Name}"),
    };

    private static IReadOnlyList<object> Verdict(RecordVerdict command)
    {
        var verdict = command.Verdict?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(verdict)) throw new RequestValidationException("verdict", "verdict is required: confirmed, dismissed or needs-evidence.");
        if (!ContradictionVerdictRecorded.Verdicts.Contains(verdict))
            throw new RequestValidationException("verdict", $"verdict must be confirmed, dismissed or needs-evidence (got '{command.Verdict}').");
        if (string.IsNullOrWhiteSpace(command.Reviewer)) throw new RequestValidationException("reviewer", "a verdict needs a reviewer.");
        if (command.Note is { Length: > 10_000 }) throw new RequestValidationException("note", "note is longer than 10,000 characters.");
        return [new ContradictionVerdictRecorded(command.ContradictionId, verdict, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note, command.Reviewer, command.At)];
    }

    // One reviewer at a time: someone else's hold is refused naming them, unless forced (a lead reassigning stale work).
    private static IReadOnlyList<object> Assign(Assigning.AssignContradiction command, ContradictionReviewState state)
    {
        var assignee = RequestChecks.Identity(command.Assignee ?? command.By, "assignee");
        if (state.Assignee == assignee) return [];
        if (state.Assignee is { } holder && !command.Force) throw new AssignmentConflictException(command.ContradictionId, holder);
        return [new ContradictionAssigned(command.ContradictionId, assignee, command.By, command.At, state.Assignee)];
    }

    private static IReadOnlyList<object> MarkDuplicate(Duplicates.MarkDuplicate command, ContradictionReviewState state)
    {
        var of = command.DuplicateOf?.Trim();
        if (string.IsNullOrEmpty(of)) throw new RequestValidationException("id", "id is required: the contradiction this one duplicates.");
        if (of == command.ContradictionId) throw new RequestValidationException("id", "a contradiction cannot be a duplicate of itself.");
        if (state.DuplicateOf == of) return [];
        if (state.DuplicateOf is { } other)
            throw new ReviewConflictException($"Contradiction '{command.ContradictionId}' is already a duplicate of '{other}': undo that first.") { DuplicateOf = other };
        return [new ContradictionMarkedDuplicate(command.ContradictionId, of, command.By, command.At)];
    }

    // Only the reopening the read model saw for the latest verdict, once: a reopening about an older verdict (a verdict came
    // since) or one already told decides nothing. That makes the relay's at-least-once delivery safe.
    private static IReadOnlyList<object> Reopen(Reopening.ReopenContradiction command, ContradictionReviewState state) =>
        command.VerdictCount == state.Verdicts.Count && command.VerdictCount > 0 && state.ReopenedAfter != command.VerdictCount && command.NewRecords.Count > 0
            ? [new ContradictionReopened(command.ContradictionId, command.VerdictCount, command.NewRecords, command.At)]
            : [];

    public static ContradictionReviewState Evolve(ContradictionReviewState state, object e) => e switch
    {
        ContradictionVerdictRecorded v => state with { Verdicts = state.Verdicts.Add(v) },
        ContradictionAssigned a => state with { Assignee = a.Assignee },
        ContradictionReleased => state with { Assignee = null },
        ContradictionMarkedDuplicate d => state with { DuplicateOf = d.DuplicateOf },
        ContradictionDuplicateUndone => state with { DuplicateOf = null },
        ContradictionReopened r => state with { ReopenedAfter = r.VerdictCount },
        _ => state,
    };
}
