using Claims.Domain.Application;
using Claims.Domain.Tests.Support;

namespace Claims.Domain.Tests;

/// <summary>Verdicts and corrections over the ingested seeds: status, history, restarts and rebuilds.</summary>
public sealed class LifecycleTests(SeededClaims claims) : IClassFixture<SeededClaims>
{
    [Fact]
    public async Task A_verdict_changes_the_status_and_survives_a_restart_and_a_rebuild()
    {
        var target = (await claims.App.ListContradictionsAsync(status: "open"))[0];
        var answered = await claims.App.RecordVerdictAsync(target.Id, new RecordVerdictRequest("confirmed", "Both sides are on record."), "checker-1");
        Assert.Equal("confirmed", answered.Status);
        Assert.Equal("checker-1", Assert.Single(answered.History).Reviewer);

        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        Assert.Equal("confirmed", (await claims.App.GetContradictionAsync(target.Id))!.Status);
        Assert.Contains(await claims.App.ListContradictionsAsync(status: "confirmed"), c => c.Id == target.Id);
        Assert.DoesNotContain(await claims.App.ListContradictionsAsync(status: "open"), c => c.Id == target.Id);

        await claims.RestartAsync();
        var afterRestart = (await claims.App.GetContradictionAsync(target.Id))!;
        Assert.Equal("confirmed", afterRestart.Status);
        Assert.Equal("Both sides are on record.", Assert.Single(afterRestart.History).Note);

        await claims.Runtime.RebuildAsync(Projections.ContradictionsProjection.ProjectionName);
        var afterRebuild = (await claims.App.GetContradictionAsync(target.Id))!;
        Assert.Equal("confirmed", afterRebuild.Status);
        Assert.Equal(afterRestart.History, afterRebuild.History);
    }

    [Fact]
    public async Task Every_read_model_rebuilt_from_the_events_equals_the_live_one()
    {
        // Some history beyond the ingestions: a verdict, a correction, and a record of a contradiction ruled not a claim. A
        // rebuild meets an article's ingestion and the later ruling in one page, where the live read models met them in two.
        var c = (await claims.App.ListContradictionsAsync())[^1];
        await claims.App.RecordVerdictAsync(c.Id, new RecordVerdictRequest("needs-evidence", null), "checker-2");
        var lavrov = (await claims.App.GetLedgerAsync("serguei-lavrov"))!.Statements[^1];
        await claims.App.CorrectRecordAsync(lavrov.ArticleId, lavrov.Record.RecordId, new CorrectRecordRequest("text", Text: lavrov.Record.Text + " (sic)"), "checker-2");
        var ruledOut = (await claims.App.ListContradictionsAsync())[0].Sides[0].Records[0];
        await claims.App.CorrectRecordAsync(ruledOut.ArticleId, ruledOut.RecordId, new CorrectRecordRequest("not-a-claim"), "checker-2");
        // A strike of a group of several ruled out too: it leaves its incident (and its cluster, where the finder grouped it),
        // whose other members stay.
        var grouped = (await claims.App.ListStrikeIncidentsAsync()).First(i => i.Sources.Count > 1).Sources[^1];
        await claims.App.CorrectRecordAsync(grouped.ArticleId, grouped.RecordId, new CorrectRecordRequest("not-a-claim"), "checker-2");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        Assert.DoesNotContain(await claims.App.ListStrikeIncidentsAsync(), i => i.Sources.Any(k => k.ArticleId == grouped.ArticleId && k.RecordId == grouped.RecordId));

        foreach (var projection in claims.Runtime.Projections.Select(p => p.Projection.Name))
        {
            var schema = claims.Runtime.ProjectionSchema(projection);
            var live = await TableDump.OfSchemaAsync(claims.Runtime.DataSource, schema);
            Assert.NotEmpty(live["records"]);
            await claims.Runtime.RebuildAsync(projection);
            var rebuilt = await TableDump.OfSchemaAsync(claims.Runtime.DataSource, schema);
            Assert.Equal(live.Keys, rebuilt.Keys);
            foreach (var table in live.Keys) Assert.Equal(live[table], rebuilt[table]);
        }
    }

    [Fact]
    public async Task A_speaker_correction_moves_the_record_to_the_right_ledger()
    {
        var entry = (await claims.App.GetLedgerAsync("jens-stoltenberg"))!.Statements[0];
        var corrected = await claims.App.CorrectRecordAsync(entry.ArticleId, entry.Record.RecordId,
            new CorrectRecordRequest("speaker", Speaker: "ashton carter", Note: "misattributed"), "checker-3");
        Assert.Equal(("ashton-carter", "corrected"), (corrected.Actor.Id, corrected.Status));
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        Assert.Contains((await claims.App.GetLedgerAsync("ashton-carter"))!.Statements, e => e.Record.RecordId == entry.Record.RecordId && e.ArticleId == entry.ArticleId);
        Assert.DoesNotContain((await claims.App.GetLedgerAsync("jens-stoltenberg"))?.Statements ?? [], e => e.Record.RecordId == entry.Record.RecordId && e.ArticleId == entry.ArticleId);
    }

    [Fact]
    public async Task A_speaker_correction_inside_a_contradiction_moves_its_voice_in_the_review_queue_features()
    {
        // A statement whose speaker is the only voice of that name on its side: the correction takes a voice away from it.
        var statement = (await ArticleByArticle.AllContradictionsAsync(claims.App)).SelectMany(c => c.Sides)
            .SelectMany(side => side.Records.Where(r => r.Type == "statement" && side.Records.Count(o => o.Actor.Id == r.Actor.Id) == 1)).First();
        await claims.App.CorrectRecordAsync(statement.ArticleId, statement.RecordId,
            new CorrectRecordRequest("speaker", Speaker: "Une porte-parole jamais citée", Note: "misattributed"), "checker-4");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        // The old voice left the tallies and the new one joined them: the kept features are those counted afresh.
        await ArticleByArticle.AssertQueueFeaturesAreCountedOverTheRecordsAsync(claims.Runtime, atLeast: 1);
    }

    [Fact]
    public async Task Corrections_under_a_contradiction_across_articles_reach_the_copies_kept_on_its_records()
    {
        // The queue's features and the evidence a page shows are copies kept on each contradiction record: a correction must
        // reach the copies of a contradiction that spans articles (and the tallies), not only the record. (Checked to fail
        // when a cluster's rows are written by difference without refreshing the copies of the articles a batch touches.)
        var schema = claims.Runtime.ProjectionSchema(Projections.ContradictionsProjection.ProjectionName);
        await using var find = claims.Runtime.DataSource.CreateCommand($"""
            select cr.article_id, cr.record_id from {schema}.contradiction_records cr join {schema}.contradictions c on c.id = cr.contradiction_id
              join {schema}.records r on r.article_id = cr.article_id and r.record_id = cr.record_id
             where c.current and c.scope like 'cluster:%' and r.type = 'strike'
               and (select count(distinct o.article_id) from {schema}.contradiction_records o where o.contradiction_id = c.id) > 1
             order by cr.article_id, cr.record_id limit 1
            """);
        string article, record;
        await using (var reader = await find.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), "the seeds hold a contradiction between strikes told by different articles");
            (article, record) = (reader.GetString(0), reader.GetString(1));
        }

        // The words first, while the strike still stands in its cluster (the other reporter below may take it out).
        var strike = Shown(await ArticleByArticle.AllContradictionsAsync(claims.App))[0];
        var words = strike.Text + " (corrigé)";
        await claims.App.CorrectRecordAsync(article, record, new CorrectRecordRequest("text", Text: words, Note: "typo"), "checker-5");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        var corrected = Shown(await ArticleByArticle.AllContradictionsAsync(claims.App));
        Assert.True(corrected.Count > 0, "the strike is still evidence in its cluster's contradiction");
        Assert.All(corrected, r => Assert.Equal((words, strike.Span[0], strike.Actor.Name), (r.Text, r.Span[0], r.Actor.Name)));

        await claims.App.CorrectRecordAsync(article, record, new CorrectRecordRequest("speaker", Speaker: "Un témoin jamais cité", Note: "misattributed"), "checker-5");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);

        await using var voices = claims.Runtime.DataSource.CreateCommand($"""
            select cr.voice, r.payload->'reportedBy'->>'id' from {schema}.contradiction_records cr
              join {schema}.records r on r.article_id = cr.article_id and r.record_id = cr.record_id
             where cr.article_id = $1 and cr.record_id = $2
            """);
        voices.Parameters.Add(new() { Value = article });
        voices.Parameters.Add(new() { Value = record });
        var rows = new List<(string? Kept, string? Now)>();
        await using (var reader = await voices.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(r.Now, r.Kept));
        Assert.NotNull(rows[0].Now);
        await ArticleByArticle.AssertQueueFeaturesAreCountedOverTheRecordsAsync(claims.Runtime, atLeast: 1);

        List<ContradictionRecord> Shown(IEnumerable<ContradictionView> contradictions) =>
            contradictions.SelectMany(c => c.Sides).SelectMany(s => s.Records).Where(r => r.ArticleId == article && r.RecordId == record).ToList();
    }

    [Fact]
    public async Task Unknown_verdicts_and_unknown_contradictions_are_refused_and_write_nothing()
    {
        var c = (await claims.App.ListContradictionsAsync())[0];
        var before = await Streams.CountAsync(claims.Runtime);
        var bad = await Assert.ThrowsAsync<RequestValidationException>(() => claims.App.RecordVerdictAsync(c.Id, new RecordVerdictRequest("maybe", null), "checker"));
        Assert.Equal("verdict", bad.Field);
        var missing = await Assert.ThrowsAsync<RequestValidationException>(() => claims.App.RecordVerdictAsync(c.Id, new RecordVerdictRequest(null, null), "checker"));
        Assert.Equal("verdict", missing.Field);
        await Assert.ThrowsAsync<NotFoundException>(() => claims.App.RecordVerdictAsync("c-0000000000", new RecordVerdictRequest("confirmed", null), "checker"));
        var kind = await Assert.ThrowsAsync<RequestValidationException>(() => claims.App.CorrectRecordAsync(c.Sides[0].Records[0].ArticleId, c.Sides[0].Records[0].RecordId,
            new CorrectRecordRequest("typo"), "checker"));
        Assert.Equal("kind", kind.Field);
        await Assert.ThrowsAsync<NotFoundException>(() => claims.App.CorrectRecordAsync(c.Sides[0].Records[0].ArticleId, "s999", new CorrectRecordRequest("not-a-claim"), "checker"));
        var status = await Assert.ThrowsAsync<RequestValidationException>(() => claims.App.ListContradictionsAsync(status: "closed"));
        Assert.Equal("status", status.Field);
        Assert.Equal(before, await Streams.CountAsync(claims.Runtime));
    }
}
