using Marten;

namespace Claims.Domain.Contradictions.Duplicates;

/// <summary>Undoes a duplicate marking; a contradiction not marked decides nothing.</summary>
public sealed record UndoDuplicate(string ContradictionId, string By, DateTimeOffset At) : ContradictionCommand(ContradictionId);

public static class UndoDuplicateHandler
{
    public static Task<ContradictionReviewState> Handle(UndoDuplicate command, IDocumentSession session, CancellationToken ct) =>
        ContradictionWrites.DecideAsync(command, command.By, session, ct);
}
