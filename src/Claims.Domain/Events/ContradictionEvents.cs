namespace Claims.Domain.Events;

/// <summary>A fact-checker's verdict on a contradiction, on the contradiction's own stream ("contradiction-&lt;id&gt;").
/// Verdict: "confirmed" | "dismissed" | "needs-evidence".</summary>
public sealed record ContradictionVerdictRecorded(string ContradictionId, string Verdict, string? Note, string Reviewer, DateTimeOffset RecordedAt)
{
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";
    public const string NeedsEvidence = "needs-evidence";
    public static readonly IReadOnlyList<string> Verdicts = [Confirmed, Dismissed, NeedsEvidence];
}

/// <summary>A reviewer takes the contradiction (Assignee), or is given it by AssignedBy. Replaced: the reviewer who held it
/// before, when the assignment was forced over them.</summary>
public sealed record ContradictionAssigned(string ContradictionId, string Assignee, string AssignedBy, DateTimeOffset AssignedAt, string? Replaced = null);

/// <summary>The contradiction goes back to the queue; Assignee held it, ReleasedBy let it go.</summary>
public sealed record ContradictionReleased(string ContradictionId, string Assignee, string ReleasedBy, DateTimeOffset ReleasedAt);

/// <summary>The contradiction tells the same dispute as DuplicateOf: it leaves the queue, and DuplicateOf shows its records.</summary>
public sealed record ContradictionMarkedDuplicate(string ContradictionId, string DuplicateOf, string MarkedBy, DateTimeOffset MarkedAt);

/// <summary>The duplicate marking is undone: the contradiction is back in the queue with the status its verdicts give it.</summary>
public sealed record ContradictionDuplicateUndone(string ContradictionId, string DuplicateOf, string UndoneBy, DateTimeOffset UndoneAt);

/// <summary>Records joined the contradiction after its latest verdict (the <see cref="VerdictCount"/>-th): new evidence
/// reopens a decided case. NewRecords: those whose arrival reopened it (records joining later while it stays reopened add
/// no event; the read model's newSinceVerdictCount counts them all). Written by Claims itself when the contradictions read
/// model sees the records join.</summary>
public sealed record ContradictionReopened(string ContradictionId, int VerdictCount, IReadOnlyList<RecordRef> NewRecords, DateTimeOffset ReopenedAt);

/// <summary>A record by its article and id.</summary>
public sealed record RecordRef(string ArticleId, string RecordId);
