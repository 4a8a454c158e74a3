using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Claims.Extraction;
using Claims.Extraction.Page;
using Claims.Extraction.Text;

namespace Claims.Bench.Extraction;

/// <summary>One benchmark row: throughput in MB (2^20 bytes of UTF-8 article text) per second, and the ratio to the baseline row.
/// Scaling rows (issue #16) set Unit (a time ratio is "×") and the Target they are held to.</summary>
public sealed record ExtractionBenchmarkRow(string Name, double MegabytesPerSecond, double Ratio)
{
    public string Unit { get; init; } = "MB/s";
    public string? Target { get; init; }
    public string? BaselineName { get; init; }
}

/// <summary>Extraction speed on one core, over a synthetic French corpus (the seeds plus articles generated from templates),
/// against baselines measured in the same run on the same text: a plain regex scan, and page reading + tokenizing +
/// sentence splitting (what any extractor must do). The issue asks for ≥ 1 MB/s for the full extractor.</summary>
public static class ExtractionBenchmark
{
    public static Task<IReadOnlyList<ExtractionBenchmarkRow>> RunAsync(bool quick) => Task.Run(() => Run(quick));

    private static IReadOnlyList<ExtractionBenchmarkRow> Run(bool quick)
    {
        var corpus = Corpus(quick ? 1 : 4);
        var bytes = corpus.Sum(a => (long)Encoding.UTF8.GetByteCount(a));
        var extractor = new ArticleExtractor();
        var reader = new PageReader(extractor.Knowledge);
        var words = new Regex(@"\p{L}+", RegexOptions.Compiled);

        // Warm up (JIT, knowledge base) on a slice, then measure each pass on the whole corpus.
        foreach (var a in corpus.Take(20)) extractor.Extract(new ArticleInput("warmup.txt", a));

        var regex = Measure(corpus, a => words.Matches(a).Count);
        var split = Measure(corpus, a => new Document(a, reader.Read(a).Body).Sentences.Count);
        var extract = Measure(corpus, a => extractor.Extract(new ArticleInput("bench.txt", a)).Statements.Count);

        double MBps(TimeSpan t) => bytes / (1024.0 * 1024.0) / t.TotalSeconds;
        var baseline = MBps(split);
        var rows = new List<ExtractionBenchmarkRow>
        {
            new($"baseline: page reading + tokenizer + sentence splitter ({bytes / (1024.0 * 1024.0):0.0} MB, {corpus.Count} articles)", baseline, 1.0),
            new("plain regex word scan", MBps(regex), MBps(regex) / baseline),
            new("ArticleExtractor.Extract (statements, strikes, disputes)", MBps(extract), MBps(extract) / baseline) { Target = "≥ 1 MB/s" },
        };
        rows.AddRange(Scaling(extractor, quick, baseline));
        return rows;
    }

    // Issue #16: one article at each size, MB/s per size and kind of text, and the time ratios of 8 times the text
    // (linear time gives about 8; the issue's bar is 12). Quick runs stop at 1 MB but still measure both ratios.
    private static IEnumerable<ExtractionBenchmarkRow> Scaling(ArticleExtractor extractor, bool quick, double baseline)
    {
        var sizes = ExtractionScaling.Sizes.Where(s => !quick || s.Bytes <= 1 << 20).ToList();
        foreach (var kind in new[] { "ordinary", "record-dense" })
        {
            var target = kind == "ordinary" ? "≥ 3 MB/s" : "≥ 1 MB/s";
            var points = ExtractionScaling.Measure(extractor, kind, sizes.Select(s => s.Bytes), quick ? 2 : 3, atLeast: TimeSpan.FromMilliseconds(250));
            for (var i = 0; i < points.Count; i++)
                yield return new ExtractionBenchmarkRow($"Extract, one {kind} article of {sizes[i].Label}", points[i].MegabytesPerSecond, points[i].MegabytesPerSecond / baseline) { Target = target };
        }
        // The last one goes through the contradiction finder too, as `claims extract` does (the bar times that command).
        foreach (var (kind, small, large, finder) in new[] { ("record-dense", 256 << 10, 2 << 20, false), ("ordinary", 512 << 10, 4 << 20, false),
                     ("strike reports", 256 << 10, 2 << 20, true) })
        {
            var p = ExtractionScaling.Measure(extractor, kind, [small, large], quick ? 2 : 3, finder);
            var ratio = p[1].Elapsed.TotalSeconds / p[0].Elapsed.TotalSeconds;
            var what = finder ? $"{kind}, extraction + contradiction finder," : kind;
            yield return new ExtractionBenchmarkRow(
                $"time ratio, {what} {large >> 20} MB vs {small / 1024.0 / 1024.0:0.##} MB ({p[1].Elapsed.TotalSeconds:0.00} s vs {p[0].Elapsed.TotalSeconds:0.000} s)", ratio, ratio / 8)
            { Unit = "×", Target = "≤ 12×", BaselineName = "linear time (8×)" };
        }
    }

    private static TimeSpan Measure(List<string> corpus, Func<string, int> work)
    {
        var sink = 0;
        var sw = Stopwatch.StartNew();
        foreach (var a in corpus) sink += work(a);
        sw.Stop();
        GC.KeepAlive(sink);
        return sw.Elapsed;
    }

    // Varied French articles: the seed pages when the repository is found, plus paragraphs built from templates.
    private static List<string> Corpus(int megabytes)
    {
        var seeds = SeedTexts();
        var random = new Random(2015);
        string Pick(string[] xs) => xs[random.Next(xs.Length)];
        string[] speakers = ["le porte-parole du ministère russe de la Défense, le général Igor Konachenkov", "Sergueï Lavrov", "le secrétaire américain à la Défense Ashton Carter",
            "Jens Stoltenberg", "l'OSDH", "une source de sécurité syrienne", "Washington", "Moscou", "Ankara", "le directeur de l'OSDH Rami Abdel Rahmane", "le colonel Ahmad Khalil"];
        string[] verbs = ["a déclaré", "a indiqué", "a affirmé", "a estimé", "a ajouté", "a assuré", "a prévenu"];
        string[] places = ["Idleb", "Idlib", "Hama", "Homs", "Alep", "Palmyre", "Raqqa", "Raqa", "Deir ez-Zor", "Lattaquié", "Latakia", "Jisr al-Choughour", "Mossoul"];
        string[] targets = ["des positions de l'EI", "des dépôts d'armes", "des bases de Jaich al-Fatah", "un quartier général du Front Al-Nosra", "des groupes rebelles"];
        string[] numbers = ["quatre", "12", "une vingtaine de", "trois", "huit", "20"];
        string[] days = ["mardi", "mercredi", "jeudi", "hier", "le 7 octobre"];
        var list = new List<string>();
        long size = 0;
        var target = megabytes * 1024L * 1024L;
        while (size < target)
        {
            var sb = new StringBuilder();
            sb.Append("Accueil\nInternational\nSyrie : nouveaux raids russes sur ").Append(Pick(places)).Append("\n\n");
            for (var p = 0; p < 8; p++)
            {
                switch (random.Next(5))
                {
                    case 0:
                        sb.Append($"Des avions russes ont mené {Pick(days)} de nouvelles frappes contre {Pick(targets)} dans la province de {Pick(places)}, {Pick(verbs)} {Pick(speakers)}. ");
                        break;
                    case 1:
                        sb.Append($"\"Nous avons frappé {Pick(numbers)} cibles près de {Pick(places)}\", {Pick(verbs)} {Pick(speakers)}. ");
                        break;
                    case 2:
                        sb.Append($"Selon {Pick(speakers)}, les frappes ne visaient pas l'État islamique mais surtout les rebelles modérés à {Pick(places)}. ");
                        break;
                    case 3:
                        sb.Append($"{char.ToUpperInvariant(Pick(speakers)[0])}{Pick(speakers)[1..]} a balayé les accusations de Washington selon lesquelles les pilotes russes avaient visé des civils à {Pick(places)}. ");
                        break;
                    default:
                        sb.Append($"Le régime a eu recours à des tirs de missiles sol-sol sur {Pick(places)}, tuant {Pick(numbers)} combattants, a-t-il ajouté. ");
                        break;
                }
                if (random.Next(3) == 0) sb.Append("\n\n");
            }
            sb.Append("\n\nLire aussi : La stratégie russe en Syrie\n\nCommentaires (2)\nPoutine a raison.\nMARC\n");
            var article = seeds.Count > 0 && random.Next(4) == 0 ? seeds[random.Next(seeds.Count)] : sb.ToString();
            list.Add(article);
            size += Encoding.UTF8.GetByteCount(article);
        }
        return list;
    }

    private static List<string> SeedTexts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Claims.sln"))) dir = dir.Parent;
        var seeds = dir is null ? null : Path.Combine(dir.FullName, "seeds");
        return seeds is not null && Directory.Exists(seeds)
            ? Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
    }
}
