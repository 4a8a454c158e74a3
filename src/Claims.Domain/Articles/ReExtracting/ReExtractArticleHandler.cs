using Marten;

namespace Claims.Domain.Articles.ReExtracting;

/// <summary>Appends what a newer extractor changes in a stored article (nothing when its version is the stored one);
/// answers with the events appended. Loading and committing as in <see cref="Ingesting.IngestArticleHandler"/>.</summary>
public static class ReExtractArticleHandler
{
    public static async Task<IReadOnlyList<object>> Handle(ReExtractArticle command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<ArticleState>(command.ArticleId, ct);
        var decided = ArticleDecider.Decide(command, stream.Aggregate ?? ArticleState.None);
        stream.AppendMany(decided);
        session.LastModifiedBy = "extractor";
        return decided;
    }
}
