using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Claims.Domain.Articles;

/// <summary>
/// How Marten folds an article stream into <see cref="ArticleState"/> when Wolverine loads it for a command
/// (FetchForWriting, live: never stored). The fold is the decider's own <see cref="ArticleDecider.Evolve"/>.
/// </summary>
public sealed class ArticleStateProjection : SingleStreamProjection<ArticleState, string>
{
    public override ArticleState Evolve(ArticleState? snapshot, string id, IEvent e) => ArticleDecider.Evolve(snapshot ?? ArticleState.None, e.Data);
}
