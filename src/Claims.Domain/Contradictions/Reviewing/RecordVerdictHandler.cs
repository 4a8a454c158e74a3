using Claims.Domain.Deciding;
using Marten;

namespace Claims.Domain.Contradictions.Reviewing;

/// <summary>Records a verdict on the contradiction's own stream, refused when another came since the version the reviewer
/// saw (If-Match); answers with the review state after it (every verdict, in order).</summary>
public static class RecordVerdictHandler
{
    public static async Task<ContradictionReviewState> Handle(RecordVerdict command, IDocumentSession session, CancellationToken ct) =>
        (await StreamDecisions.DecideAsync(session, ContradictionDecider.Decider, command.StreamId, command, command.Reviewer, ct,
            command.ExpectedVersion, $"Contradiction '{command.ContradictionId}'")).After;
}
