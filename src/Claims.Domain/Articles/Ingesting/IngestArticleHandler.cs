using Claims.Domain.Application;
using Claims.Domain.Deciding;
using Marten;

namespace Claims.Domain.Articles.Ingesting;

/// <summary>
/// Ingests an article (see <see cref="StreamDecisions"/> for loading and appending). The same content again decides
/// nothing, so a retried ingest writes nothing; of two writers racing on one stream the loser meets a concurrency
/// exception, and Wolverine's retry (ClaimsStack) decides again on what the winner wrote.
/// </summary>
public static class IngestArticleHandler
{
    public static async Task<IngestResult> Handle(IngestArticle command, IDocumentSession session, CancellationToken ct)
    {
        var outcome = await StreamDecisions.DecideAsync(session, ArticleDecider.Decider, command.ArticleId, command, command.Article.IngestedBy, ct);
        return new IngestResult(command.ArticleId, outcome.After.Standing.Count(), Created: !outcome.Before.Exists);
    }
}
