using Marten;

namespace Claims.Domain.Contradictions.Assigning;

/// <summary>Puts the contradiction back in the queue, whoever holds it (a team lead frees stale work); nobody holding it
/// decides nothing.</summary>
public sealed record ReleaseContradiction(string ContradictionId, string By, DateTimeOffset At) : ContradictionCommand(ContradictionId);

public static class ReleaseContradictionHandler
{
    public static Task<ContradictionReviewState> Handle(ReleaseContradiction command, IDocumentSession session, CancellationToken ct) =>
        ContradictionWrites.DecideAsync(command, command.By, session, ct);
}
