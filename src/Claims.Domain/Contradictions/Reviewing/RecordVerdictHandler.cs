using Marten;

namespace Claims.Domain.Contradictions.Reviewing;

/// <summary>Records a verdict on the contradiction's own stream; answers with the review state after it (every verdict,
/// in order). Loading and committing as in <see cref="Articles.Ingesting.IngestArticleHandler"/>.</summary>
public static class RecordVerdictHandler
{
    public static async Task<ContradictionReviewState> Handle(RecordVerdict command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<ContradictionReviewState>(command.StreamId, ct);
        Deciding.ExpectedVersions.Check(stream, command.ExpectedVersion, $"Contradiction '{command.ContradictionId}'");
        var state = stream.Aggregate ?? ContradictionReviewState.None;
        var decided = ContradictionDecider.Decide(command, state);
        stream.AppendMany(decided);
        session.LastModifiedBy = command.Reviewer;
        return decided.Aggregate(state, ContradictionDecider.Evolve);
    }
}
