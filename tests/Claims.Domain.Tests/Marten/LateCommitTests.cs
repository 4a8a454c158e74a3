using Claims.Domain.Projections;
using Claims.TestKit;

namespace Claims.Domain.Tests.Marten;

/// <summary>
/// Never skipping an event committed late, on Marten's daemon: a writer takes its sequence number and holds its transaction
/// open while others commit events after it. No read model may pass the gap while the writer lives; after its commit every
/// event reaches every read model once. The hold is short: the evidence Marten reads is cluster-wide, so a held
/// transaction also holds back the other test classes' daemons meanwhile.
/// </summary>
public sealed class LateCommitTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task An_event_committed_late_reaches_every_read_model_and_nothing_after_it_is_applied_first()
    {
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
        var late = "article-late" + Guid.NewGuid().ToString("N")[..8];
        await using var held = await HeldAppend.StartAsync(runtime, late, MartenRuns.NewArticle(late));
        var after = await MartenRuns.IngestSeedsAsync(runtime, 0, 1, 2);

        // The daemon sees events above the gap, committed, but may not move past the gap while its writer is alive.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(await runtime.Progress.PlacesAsync(), p => Assert.True(p.Sequence < held.Position, $"{p.Name} passed the open gap at {held.Position}: {p.Sequence}"));
        Assert.True(await runtime.Progress.HighWaterMarkAsync() < held.Position);

        await held.CommitAsync();
        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        foreach (var projection in new[] { LedgerProjection.ProjectionName, ContradictionsProjection.ProjectionName, StrikesProjection.ProjectionName })
        {
            var articles = await MartenRuns.ArticlesAsync(runtime, projection);
            Assert.Equal(1, articles.GetValueOrDefault(late));
            Assert.All(after, id => Assert.Equal(1, articles.GetValueOrDefault(id)));
        }
    }

    [Fact]
    public async Task A_writer_that_rolls_back_holds_nobody_back_once_it_ended()
    {
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
        var gone = "article-gone" + Guid.NewGuid().ToString("N")[..8];
        var held = await HeldAppend.StartAsync(runtime, gone, MartenRuns.NewArticle(gone));
        var after = await MartenRuns.IngestSeedsAsync(runtime, 3);
        await held.RollbackAsync();
        await held.DisposeAsync();

        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        var articles = await MartenRuns.ArticlesAsync(runtime, LedgerProjection.ProjectionName);
        Assert.False(articles.ContainsKey(gone));
        Assert.Equal(1, articles.GetValueOrDefault(after[0]));
    }
}
