using System.Text;
using Claims.Extraction.Page;
using Claims.Extraction.Text;

namespace Claims.Extraction.Tests;

/// <summary>Issue #16: the API gives up on an article too costly to extract through the token, and no input makes a reader's
/// work per sentence unbounded. (Timings are measured in the benchmark, never asserted here.)</summary>
public sealed class CancellationAndScaleTests
{
    private static string RecordDense(int sentences) =>
        new StringBuilder().Insert(0, "Sergueï Lavrov a déclaré que la Russie frappe Daech à Alep. ", sentences).ToString();

    [Fact]
    public void A_cancelled_token_stops_extraction_with_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => TestSupport.Extractor.Extract(new ArticleInput("big.txt", RecordDense(20_000)), cts.Token));
    }

    [Fact]
    public void A_token_cancelled_while_extracting_stops_it()
    {
        // Cancelled from another thread as soon as extraction starts: the readers check the token once per sentence.
        using var cts = new CancellationTokenSource();
        var text = RecordDense(40_000);
        using var started = new ManualResetEventSlim();
        var canceller = Task.Run(() => { started.Wait(); cts.Cancel(); });
        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            started.Set();
            canceller.Wait();
            TestSupport.Extractor.Extract(new ArticleInput("big.txt", text), cts.Token);
        });
    }

    [Fact]
    public void An_uncancelled_token_gives_the_same_records_as_the_overload_without_one()
    {
        const string text = "Sergueï Lavrov a déclaré que la Russie frappe Daech à Alep. Selon l'OSDH, des raids russes ont tué 12 civils à Saraqeb.";
        var plain = TestSupport.Extract(text);
        var withToken = TestSupport.Extractor.Extract(new ArticleInput("snippet.txt", text), CancellationToken.None);
        Assert.Equal(plain.Statements.Select(s => (s.Speaker.Id, s.Text)), withToken.Statements.Select(s => (s.Speaker.Id, s.Text)));
        Assert.Equal(plain.Strikes.Select(k => k.Perpetrator.Id), withToken.Strikes.Select(k => k.Perpetrator.Id));
    }

    [Fact]
    public void Text_without_sentence_ends_is_cut_into_bounded_sentences()
    {
        // One run-on line of 6 000 words: without a bound, every reader's per-sentence work would grow with the whole text.
        var text = string.Join(' ', Enumerable.Repeat("les frappes russes visent des positions rebelles", 1_000)) + ".";
        var doc = new Document(text, new PageReader(TestSupport.Extractor.Knowledge).Read(text).Body);
        Assert.True(doc.Sentences.Count > 1);
        Assert.All(doc.Sentences, s => Assert.True(s.End - s.First <= Document.MaxSentenceTokens));
    }

    [Fact]
    public void A_repeated_record_sentence_gives_its_records_once()
    {
        var a = TestSupport.Extract(RecordDense(2_000));
        Assert.Single(a.Statements);
        Assert.Single(a.Strikes);
    }
}
