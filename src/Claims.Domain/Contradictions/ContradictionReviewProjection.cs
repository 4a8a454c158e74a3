using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Claims.Domain.Contradictions;

/// <summary>How Marten folds a contradiction stream into <see cref="ContradictionReviewState"/> for a command (live, never stored).</summary>
public sealed class ContradictionReviewProjection : SingleStreamProjection<ContradictionReviewState, string>
{
    public override ContradictionReviewState Evolve(ContradictionReviewState? snapshot, string id, IEvent e) =>
        ContradictionDecider.Evolve(snapshot ?? ContradictionReviewState.None, e.Data);
}
