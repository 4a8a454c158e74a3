using Claims.Domain.Application;
using Marten;

namespace Claims.Domain.Articles.Ingesting;

/// <summary>
/// Ingests an article: Marten loads the article stream for writing (FetchForWriting: the version read is the version
/// expected), the decider decides, the events go on the stream, and Wolverine's transactional middleware commits. The
/// same content again decides nothing, so a retried ingest writes nothing; of two writers racing on one stream the loser
/// meets a ConcurrencyException, and Wolverine's retry (ClaimsStack) decides again on what the winner wrote.
/// Not the [WriteAggregate] workflow: there every value returned is an event to append, and this command answers the
/// caller with an <see cref="IngestResult"/>.
/// </summary>
public static class IngestArticleHandler
{
    public static async Task<IngestResult> Handle(IngestArticle command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<ArticleState>(command.ArticleId, ct);
        var state = stream.Aggregate ?? ArticleState.None;
        var decided = ArticleDecider.Decide(command, state);
        stream.AppendMany(decided);
        session.LastModifiedBy = command.Article.IngestedBy;
        var after = decided.Aggregate(state, ArticleDecider.Evolve);
        return new IngestResult(command.ArticleId, after.Standing.Count(), Created: !state.Exists);
    }
}
