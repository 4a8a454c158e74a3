using Claims.Domain.Deciding;
using Marten;

namespace Claims.Domain.Articles.ReExtracting;

/// <summary>Appends what a newer extractor changes in a stored article (nothing when its version is the stored one);
/// answers with the events appended.</summary>
public static class ReExtractArticleHandler
{
    public static async Task<IReadOnlyList<object>> Handle(ReExtractArticle command, IDocumentSession session, CancellationToken ct) =>
        (await StreamDecisions.DecideAsync(session, ArticleDecider.Decider, command.ArticleId, command, "extractor", ct)).Decided;
}
