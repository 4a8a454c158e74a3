using Claims.Domain.Deciding;
using Marten;

namespace Claims.Domain.Contradictions.Reviewing;

/// <summary>Records a verdict on the contradiction's own stream, refused when the stream moved since the version the
/// reviewer saw (If-Match); answers with the review state after it (every verdict, in order).</summary>
public static class RecordVerdictHandler
{
    public static Task<ContradictionReviewState> Handle(RecordVerdict command, IDocumentSession session, CancellationToken ct) =>
        ContradictionWrites.DecideAsync(command, command.Reviewer, session, ct, command.ExpectedVersion);
}
