using Claims.Domain.Events;
using Marten;

namespace Claims.Domain.Contradictions.Reopening;

/// <summary>Records joined the contradiction after its <paramref name="VerdictCount"/>-th verdict, as the contradictions read
/// model saw them (<see cref="ReopeningRelay"/>).</summary>
public sealed record ReopenContradiction(string ContradictionId, int VerdictCount, IReadOnlyList<RecordRef> NewRecords, DateTimeOffset At) : ContradictionCommand(ContradictionId);

public static class ReopenContradictionHandler
{
    public static Task<ContradictionReviewState> Handle(ReopenContradiction command, IDocumentSession session, CancellationToken ct) =>
        ContradictionWrites.DecideAsync(command, ReopeningRelay.Identity, session, ct);
}
