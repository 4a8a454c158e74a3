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
