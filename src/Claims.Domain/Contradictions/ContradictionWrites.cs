using Marten;

namespace Claims.Domain.Contradictions;

/// <summary>How every contradiction command is handled, as in <see cref="Articles.Ingesting.IngestArticleHandler"/>: Marten's
/// FetchForWriting loads the stream (the version read is the version expected at commit), the pure decider decides, the
/// events are appended, and Wolverine's transactional middleware commits. A concurrent write to the stream makes the
/// commit fail with ConcurrencyException; Wolverine retries the command, which then decides on what the winner wrote.</summary>
internal static class ContradictionWrites
{
    public static async Task<ContradictionReviewState> DecideAsync(ContradictionCommand command, string who, IDocumentSession session, CancellationToken ct,
        long? expectedVersion = null)
    {
        var stream = await session.Events.FetchForWriting<ContradictionReviewState>(command.StreamId, ct);
        Deciding.ExpectedVersions.Check(stream, expectedVersion, $"Contradiction '{command.ContradictionId}'");
        var state = stream.Aggregate ?? ContradictionReviewState.None;
        var decided = ContradictionDecider.Decide(command, state);
        stream.AppendMany(decided);
        session.LastModifiedBy = who;
        return decided.Aggregate(state, ContradictionDecider.Evolve);
    }
}
