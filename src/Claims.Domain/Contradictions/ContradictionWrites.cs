using Marten;

namespace Claims.Domain.Contradictions;

/// <summary>Every contradiction command through <see cref="Deciding.StreamDecisions"/> with the contradiction decider: load
/// for writing, check If-Match, decide, append. A concurrent write to the stream makes the commit fail with
/// ConcurrencyException; Wolverine retries the command, which then decides on what the winner wrote.</summary>
internal static class ContradictionWrites
{
    public static async Task<ContradictionReviewState> DecideAsync(ContradictionCommand command, string who, IDocumentSession session, CancellationToken ct,
        long? expectedVersion = null) =>
        (await Deciding.StreamDecisions.DecideAsync(session, ContradictionDecider.Decider, command.StreamId, command, who, ct, expectedVersion,
            $"Contradiction '{command.ContradictionId}'")).After;
}
