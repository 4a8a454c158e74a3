using Claims.Domain.Application;
using Claims.Domain.Projections;
using Claims.Domain.Tests.Support;

namespace Claims.Domain.Tests.ReviewQueue;

/// <summary>What joined a ruled contradiction since its verdict is kept by the read model as records come and go
/// (new_since_verdict), not found by reading all of the contradiction's records against the verdict's snapshot. What it
/// keeps must be what that reading finds, and the status must follow it, through arrivals, departures, a new verdict and a
/// rebuild. A database of its own.</summary>
public sealed class NewSinceVerdictTests(SeededClaims claims) : IClassFixture<SeededClaims>
{
    [Fact]
    public async Task What_joined_since_the_verdict_follows_records_that_come_and_go_and_a_rebuild_keeps_the_same()
    {
        var ruled = await ArticleByArticle.AllContradictionsAsync(claims.App);
        foreach (var c in ruled) await claims.App.RecordVerdictAsync(c.Id, new RecordVerdictRequest("confirmed", null), "checker");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        Assert.Empty(await KeptAsync());

        // The seeds again, told by another newsroom: their records join the ruled contradictions across articles.
        foreach (var seed in Seeds.All)
            await claims.App.IngestAsync(seed.Request with { Text = seed.Request.Text + "\n\nMise à jour : d'autres sources confirment.", Outlet = "Autre Journal", Url = null },
                "test");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        var arrived = await AssertKeptIsWhatTheRecordsSayAsync();
        Assert.NotEmpty(arrived);

        // Records that joined leave again (ruled not claims), so their contradictions lose them from what joined.
        var reopened = (await claims.App.ListContradictionsAsync(status: "reopened")).First();
        foreach (var record in reopened.NewSinceVerdict!.Take(2))
            await claims.App.CorrectRecordAsync(record.ArticleId, record.RecordId, new CorrectRecordRequest("not-a-claim"), "checker");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        var afterLeaving = await AssertKeptIsWhatTheRecordsSayAsync();
        Assert.True(afterLeaving.Count < arrived.Count, $"the corrected records left what joined since the verdict ({afterLeaving.Count} rows against {arrived.Count})");

        // A new verdict takes a new snapshot: nothing joined it since.
        var again = (await claims.App.ListContradictionsAsync(status: "reopened")).First();
        await claims.App.RecordVerdictAsync(again.Id, new RecordVerdictRequest("dismissed", null), "checker");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        var afterVerdict = await AssertKeptIsWhatTheRecordsSayAsync();
        Assert.DoesNotContain(afterVerdict, r => r.StartsWith(again.Id + " ", StringComparison.Ordinal));
        Assert.Equal("dismissed", (await claims.App.GetContradictionAsync(again.Id))!.Status);

        await claims.Runtime.RebuildAsync(ContradictionsProjection.ProjectionName);
        Assert.Equal(afterVerdict, await AssertKeptIsWhatTheRecordsSayAsync());

        // Told a third time, the records join the re-ruled one again; then every one of them leaves (ruled not claims): it
        // is closed again, with nothing joined and no count kept.
        foreach (var seed in Seeds.All)
            await claims.App.IngestAsync(seed.Request with { Text = seed.Request.Text + "\n\nMise à jour : une troisième source confirme.", Outlet = "Troisième Journal", Url = null },
                "test");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        await AssertKeptIsWhatTheRecordsSayAsync();
        var third = (await claims.App.GetContradictionAsync(again.Id))!;
        Assert.Equal("reopened", third.Status);
        Assert.Equal(third.NewSinceVerdict!.Count, third.NewSinceVerdictCount);
        foreach (var record in third.NewSinceVerdict)
            await claims.App.CorrectRecordAsync(record.ArticleId, record.RecordId, new CorrectRecordRequest("not-a-claim"), "checker");
        await claims.App.WaitForProjectionsAsync(SeededClaims.Patience);
        Assert.DoesNotContain(await AssertKeptIsWhatTheRecordsSayAsync(), r => r.StartsWith(again.Id + " ", StringComparison.Ordinal));
        Assert.Equal("dismissed", (await claims.App.GetContradictionAsync(again.Id))!.Status);
    }

    /// <summary>Asserts the kept rows are the records of each contradiction with a verdict that are not in its latest
    /// verdict's snapshot, and that exactly the current ones with such records (and no duplicate marking) are reopened, each
    /// listing them; returns the kept rows.</summary>
    private async Task<List<string>> AssertKeptIsWhatTheRecordsSayAsync()
    {
        var s = claims.Runtime.ProjectionSchema(ContradictionsProjection.ProjectionName);
        var kept = await KeptAsync();
        var counted = await RowsAsync($"""
            select cr.contradiction_id || ' ' || cr.side || ' ' || cr.article_id || ' ' || cr.record_id from {s}.contradiction_records cr
             where exists (select 1 from {s}.verdicts v where v.contradiction_id = cr.contradiction_id)
               and not exists (select 1 from {s}.reviewed_records rr where rr.contradiction_id = cr.contradiction_id and rr.article_id = cr.article_id and rr.record_id = cr.record_id)
            """);
        Assert.Equal(counted, kept);
        // How many joined each is kept beside them, and a contradiction with none has no row.
        Assert.Equal(kept.GroupBy(r => r.Split(' ')[0]).Select(g => $"{g.Key} {g.Count()}").Order(StringComparer.Ordinal),
            await RowsAsync($"select contradiction_id || ' ' || n from {s}.joined_counts"));
        // Each keeps its record's place in the side, which a page reads the first ones by.
        Assert.Empty(await RowsAsync($"""
            select n.contradiction_id || ' ' || n.record_id from {s}.new_since_verdict n
              join {s}.contradiction_records cr using (contradiction_id, side, article_id, record_id)
             where (n.seq, n.ord) is distinct from (cr.seq, cr.ord)
            """));

        var reopened = await claims.App.ListContradictionsAsync(status: "reopened", page: new ContradictionPage(null, ContradictionPage.MaxLimit));
        // The kept rows equal those counted (above): the current ones that have any and are no duplicate are the reopened.
        Assert.Equal(await RowsAsync($"""
            select distinct n.contradiction_id from {s}.new_since_verdict n join {s}.contradictions c on c.id = n.contradiction_id
             where c.current and c.duplicate_of is null
            """), reopened.Select(c => c.Id).Order(StringComparer.Ordinal).ToList());
        foreach (var c in reopened)
        {
            var joined = kept.Where(r => r.StartsWith(c.Id + " ", StringComparison.Ordinal)).ToList();
            Assert.Equal(joined.Select(r => string.Join(' ', r.Split(' ')[2..])).Order(StringComparer.Ordinal),
                c.NewSinceVerdict!.Select(r => $"{r.ArticleId} {r.RecordId}").Order(StringComparer.Ordinal));
            Assert.Equal(joined.Count, c.NewSinceVerdictCount);
        }
        await AssertEachSideListsItsFirstAsync(kept);
        return kept;
    }

    /// <summary>With one record a side, what joined lists each side's first one in the side's order (those a side shows first),
    /// side after side, and still counts them all: a ruled campaign keeps gathering records until the next verdict.</summary>
    private async Task AssertEachSideListsItsFirstAsync(List<string> kept)
    {
        var capped = await claims.App.ListContradictionsAsync(status: "reopened", page: new ContradictionPage(null, ContradictionPage.MaxLimit, RecordsPerSide: 1));
        // The seeds told again bring several records to a side of the same contradiction: one a side leaves some out.
        if (kept.Count > 0) Assert.Contains(capped, c => c.NewSinceVerdictCount > c.NewSinceVerdict!.Count);
        foreach (var c in capped)
        {
            var whole = (await claims.App.GetContradictionAsync(c.Id))!;
            var expected = whole.Sides.Select((side, i) => side.Records.Select(r => $"{r.ArticleId} {r.RecordId}")
                    .FirstOrDefault(r => kept.Contains($"{c.Id} {i} {r}")))
                .OfType<string>().ToList();
            Assert.Equal(expected, c.NewSinceVerdict!.Select(r => $"{r.ArticleId} {r.RecordId}").ToList());
            Assert.Equal(kept.Count(r => r.StartsWith(c.Id + " ", StringComparison.Ordinal)), c.NewSinceVerdictCount);
        }
    }

    private Task<List<string>> KeptAsync() => RowsAsync(
        $"select contradiction_id || ' ' || side || ' ' || article_id || ' ' || record_id from {claims.Runtime.ProjectionSchema(ContradictionsProjection.ProjectionName)}.new_since_verdict");

    private async Task<List<string>> RowsAsync(string sql)
    {
        var rows = await TableDump.TextRowsAsync(claims.Runtime.DataSource, sql);
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
