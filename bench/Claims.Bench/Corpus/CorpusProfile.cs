using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Claims.Bench.Harness;
using Claims.Extraction;
using Claims.Extraction.Contradictions;
using Claims.TestKit.Corpus;

namespace Claims.Bench.Corpus;

/// <summary>
/// Section "corpus": what the synthetic corpus gives the real extractor, on 200 articles (cheap): size, records per article
/// by type, and the contradictions the finder sees across them. Set CLAIMS_BENCH_CORPUS_DUMP to a folder to also write
/// the articles and what was extracted from each (to read what the corpus looks like).
/// </summary>
public static class CorpusProfile
{
    public const int Articles = 200;
    public const int Seed = 2015;

    public static Task<IReadOnlyList<BenchRow>> RunAsync() => Task.Run(Run);

    private static IReadOnlyList<BenchRow> Run()
    {
        var clock = Stopwatch.StartNew();
        var articles = SyntheticCorpus.Generate(Articles, Seed).ToList();
        var generateSeconds = clock.Elapsed.TotalSeconds;
        var extractor = new ArticleExtractor();
        foreach (var a in articles.Take(20)) extractor.Extract(Input("warmup", a)); // JIT and knowledge base, outside the clock
        var dump = Environment.GetEnvironmentVariable("CLAIMS_BENCH_CORPUS_DUMP");
        if (!string.IsNullOrWhiteSpace(dump)) Directory.CreateDirectory(dump);

        var records = new List<ArticleRecord>();
        long bytes = 0;
        int statements = 0, strikes = 0, disputes = 0, withoutRecords = 0;
        clock.Restart();
        for (var i = 0; i < articles.Count; i++)
        {
            var a = articles[i];
            var key = $"article-{i}";
            var x = extractor.Extract(Input(key, a));
            bytes += Encoding.UTF8.GetByteCount(a.Text);
            (statements, strikes, disputes) = (statements + x.Statements.Count, strikes + x.Strikes.Count, disputes + x.Disputes.Count);
            if (x.Statements.Count + x.Strikes.Count + x.Disputes.Count == 0) withoutRecords++;
            records.AddRange(x.Statements.Select(r => new ArticleRecord(key, a.PublishedOn, r)));
            records.AddRange(x.Strikes.Select(r => new ArticleRecord(key, a.PublishedOn, r)));
            records.AddRange(x.Disputes.Select(r => new ArticleRecord(key, a.PublishedOn, r)));
            if (!string.IsNullOrWhiteSpace(dump)) Dump(dump, i, a, x);
        }
        var extractSeconds = clock.Elapsed.TotalSeconds;
        var contradictions = ContradictionFinder.Find(records);
        double PerArticle(int n) => (double)n / articles.Count;
        var mb = bytes / (1024.0 * 1024.0);
        var rows = new List<BenchRow>
        {
            new("corpus", $"articles (seed {Seed})", articles.Count, "articles", null, null),
            new("corpus", "text", mb, "MB", null, null),
            new("corpus", "text per article", bytes / 1024.0 / articles.Count, "KB", null, null, "1.5–4 KB"),
            new("corpus", "generation speed", mb / generateSeconds, "MB/s", mb / extractSeconds, "ArticleExtractor.Extract MB/s"),
            new("corpus", "records per article (ArticleExtractor)", PerArticle(statements + strikes + disputes), "records", null, null, "≥ 5"),
            new("corpus", "statements per article", PerArticle(statements), "records", null, null),
            new("corpus", "strikes per article", PerArticle(strikes), "records", null, null),
            new("corpus", "disputes per article", PerArticle(disputes), "records", null, null),
            new("corpus", "articles with no record", withoutRecords, "articles", null, null),
        };
        foreach (var kind in new[] { Contradiction.DifferentTargets, Contradiction.DifferentNumbers, Contradiction.ClaimAndDenial })
            rows.Add(new BenchRow("corpus", $"contradictions across the {articles.Count} articles: {kind}", contradictions.Count(c => c.Kind == kind), "contradictions", null, null));
        return rows;
    }

    /// <summary>The same input the API builds for POST /articles.</summary>
    public static ArticleInput Input(string key, SyntheticArticle a) =>
        new(key, a.Text) { Outlet = a.Outlet, Title = a.Title, PublishedOn = a.PublishedOn, Url = a.Url };

    private static void Dump(string folder, int i, SyntheticArticle a, ArticleExtraction x)
    {
        var lines = new StringBuilder().AppendLine(a.Url).AppendLine($"{a.Outlet} | {a.PublishedOn:yyyy-MM-dd} | {a.Title}").AppendLine().AppendLine(a.Text).AppendLine("----");
        foreach (var s in x.Statements) lines.AppendLine($"STATEMENT {s.Speaker.Id} [{s.Mode}] {s.Text}{(s.Stance is { } st ? $"  <stance {st.Striker.Id} {st.Position} own={st.FromStrikerSide}>" : "")}");
        foreach (var k in x.Strikes)
            lines.AppendLine($"STRIKE {k.Perpetrator.Id} by={k.ReportedBy?.Id} at={string.Join(",", k.Locations.Select(l => l.Id))} targets={string.Join(",", k.Targets.Select(t => t.Id))} date={k.Date} wd={k.Weekday} {k.Scope} counts={JsonSerializer.Serialize(k.Counts)}{(k.Stance is { } st ? $" <stance {st.Position} own={st.FromStrikerSide}>" : "")}");
        foreach (var d in x.Disputes) lines.AppendLine($"DISPUTE {d.Disputant.Id} vs {d.DisputedParty?.Id} [{d.Basis}] {d.Claim}");
        File.WriteAllText(Path.Combine(folder, $"{i:000}.txt"), lines.ToString());
    }
}
