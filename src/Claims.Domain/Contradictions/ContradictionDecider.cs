using System.Collections.Immutable;
using Claims.Domain.Application;
using Claims.Domain.Events;
using Claims.Domain.Deciding;

namespace Claims.Domain.Contradictions;

/// <summary>A fact-checker's verdict on contradiction <paramref name="ContradictionId"/>; At is supplied by the edge (the decider has no clock).</summary>
public sealed record RecordVerdict(string ContradictionId, string? Verdict, string? Note, string Reviewer, DateTimeOffset At)
{
    /// <summary>The contradiction's stream, which Wolverine loads the review state from.</summary>
    public string StreamId => ContradictionStreams.Prefix + ContradictionId;

    /// <summary>The stream version the reviewer saw (If-Match); null: no check.</summary>
    public long? ExpectedVersion { get; init; }
}

public static class ContradictionStreams
{
    public const string Prefix = "contradiction-";
}

/// <summary>The verdicts so far on one contradiction, latest last.</summary>
/// <param name="Id">The stream id: Marten's identity for the folded state (and a second parameter, so that Marten does not
/// take the constructor for a conventional Create method).</param>
public sealed record ContradictionReviewState(ImmutableList<ContradictionVerdictRecorded> Verdicts, string? Id = null)
{
    public static readonly ContradictionReviewState None = new(ImmutableList<ContradictionVerdictRecorded>.Empty);
    public string Status => Verdicts.Count == 0 ? "open" : Verdicts[^1].Verdict;
}

/// <summary>The contradiction stream's decisions: a verdict is one of three values, given by a named reviewer.
/// Whether the contradiction exists is the read model's knowledge, checked by the application before deciding.</summary>
public static class ContradictionDecider
{
    public static readonly Decider<RecordVerdict, ContradictionVerdictRecorded, ContradictionReviewState> Decider = new(Decide, Evolve, ContradictionReviewState.None);

    public static IReadOnlyList<ContradictionVerdictRecorded> Decide(RecordVerdict command, ContradictionReviewState state)
    {
        var verdict = command.Verdict?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(verdict)) throw new RequestValidationException("verdict", "verdict is required: confirmed, dismissed or needs-evidence.");
        if (!ContradictionVerdictRecorded.Verdicts.Contains(verdict))
            throw new RequestValidationException("verdict", $"verdict must be confirmed, dismissed or needs-evidence (got '{command.Verdict}').");
        if (string.IsNullOrWhiteSpace(command.Reviewer)) throw new RequestValidationException("reviewer", "a verdict needs a reviewer.");
        if (command.Note is { Length: > 10_000 }) throw new RequestValidationException("note", "note is longer than 10,000 characters.");
        return [new ContradictionVerdictRecorded(command.ContradictionId, verdict, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note, command.Reviewer, command.At)];
    }

    public static ContradictionReviewState Evolve(ContradictionReviewState state, ContradictionVerdictRecorded e) => state with { Verdicts = state.Verdicts.Add(e) };
}
