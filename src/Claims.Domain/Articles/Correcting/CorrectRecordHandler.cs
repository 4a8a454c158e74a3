using Marten;

namespace Claims.Domain.Articles.Correcting;

/// <summary>A fact-checker's correction of one record; answers with the article as it stands after it.
/// Loading and committing as in <see cref="Ingesting.IngestArticleHandler"/>.</summary>
public static class CorrectRecordHandler
{
    public static async Task<ArticleState> Handle(CorrectRecord command, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<ArticleState>(command.ArticleId, ct);
        Deciding.ExpectedVersions.Check(stream, command.ExpectedVersion, $"Article '{command.ArticleId}'");
        var state = stream.Aggregate ?? ArticleState.None;
        var decided = ArticleDecider.Decide(command, state);
        stream.AppendMany(decided);
        session.LastModifiedBy = command.Reviewer;
        return decided.Aggregate(state, ArticleDecider.Evolve);
    }
}
