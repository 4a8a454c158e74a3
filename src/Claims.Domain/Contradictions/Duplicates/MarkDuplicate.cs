using Marten;

namespace Claims.Domain.Contradictions.Duplicates;

/// <summary>The contradiction tells the same dispute as <paramref name="DuplicateOf"/>: it leaves the queue.</summary>
public sealed record MarkDuplicate(string ContradictionId, string? DuplicateOf, string By, DateTimeOffset At) : ContradictionCommand(ContradictionId);

public static class MarkDuplicateHandler
{
    public static Task<ContradictionReviewState> Handle(MarkDuplicate command, IDocumentSession session, CancellationToken ct) =>
        ContradictionWrites.DecideAsync(command, command.By, session, ct);
}
