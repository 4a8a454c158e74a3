using Marten;

namespace Claims.Domain.Contradictions.Assigning;

/// <summary>Gives the contradiction to <paramref name="Assignee"/> (the caller, <paramref name="By"/>, when null). Someone
/// else's hold is refused (<see cref="Application.AssignmentConflictException"/>) unless <paramref name="Force"/>.</summary>
public sealed record AssignContradiction(string ContradictionId, string? Assignee, bool Force, string By, DateTimeOffset At) : ContradictionCommand(ContradictionId);

public static class AssignContradictionHandler
{
    public static Task<ContradictionReviewState> Handle(AssignContradiction command, IDocumentSession session, CancellationToken ct) =>
        ContradictionWrites.DecideAsync(command, command.By, session, ct);
}
