using Claims.Domain.Deciding;
using Marten;

namespace Claims.Domain.Articles.Correcting;

/// <summary>A fact-checker's correction of one record, refused when the article moved since the version they saw
/// (If-Match); answers with the article as it stands after it.</summary>
public static class CorrectRecordHandler
{
    public static async Task<ArticleState> Handle(CorrectRecord command, IDocumentSession session, CancellationToken ct) =>
        (await StreamDecisions.DecideAsync(session, ArticleDecider.Decider, command.ArticleId, command, command.Reviewer, ct,
            command.ExpectedVersion, $"Article '{command.ArticleId}'")).After;
}
