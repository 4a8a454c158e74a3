using System.Text.RegularExpressions;
using static Claims.Extraction.Tests.TestSupport;

namespace Claims.Extraction.Tests;

/// <summary>
/// Issue #16: outlets differ in typography, not in what they report. The seeds and the held-out articles, rewritten with
/// another outlet's apostrophes, quotation marks or French spacing (no-break and narrow no-break spaces), must give the same
/// records: the same speakers, strikers, places, targets, dates and counts, and the same words once quotation marks,
/// apostrophes and spaces are folded. A rule that reads only one form of a mark fails here.
/// </summary>
public sealed partial class TypographyTests
{
    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        var files = Directory.GetFiles(Path.Combine(RepoRoot, "seeds"), "*.txt")
            .Concat(Directory.GetFiles(Path.Combine(RepoRoot, "tests", "Claims.Extraction.Tests", "Gold", "heldout"), "*.txt"));
        // Each article with each rewrite that changes it (an article without guillemets has none to rewrite).
        foreach (var file in files.Order(StringComparer.Ordinal))
            foreach (var (variant, rewrite) in Rewrites)
                if (File.ReadAllText(file) is var text && rewrite(text) != text) data.Add(Path.GetRelativePath(RepoRoot, file), variant);
        return data;
    }

    private static readonly Dictionary<string, Func<string, string>> Rewrites = new()
    {
        ["curly apostrophes"] = t => t.Replace('\'', '\u2019'),
        ["straight apostrophes"] = t => t.Replace('\u2019', '\''),
        ["straight double quotes for guillemets"] = t => GuillemetOpen().Replace(GuillemetClose().Replace(t, "\""), "\""),
        ["curly double quotes for guillemets"] = t => GuillemetOpen().Replace(GuillemetClose().Replace(t, "\u201d"), "\u201c"),
        ["no-break spaces of French typography"] = t => HighPunctuation().Replace(AfterOpening().Replace(t, "«\u00a0"), "\u00a0$1"),
        ["narrow no-break spaces of French typography"] = t => HighPunctuation().Replace(AfterOpening().Replace(t, "«\u202f"), "\u202f$1"),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_same_records_whatever_the_outlets_typography(string file, string variant)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, file));
        Assert.Equal(Records(text), Records(Rewrites[variant](text)));
    }

    private static List<string> Records(string text)
    {
        var a = Extractor.Extract(new ArticleInput("typography.txt", text));
        return
        [
            .. a.Statements.Select(s => $"S {s.Speaker.Id} {s.Mode} {Fold(s.Text)}").Order(StringComparer.Ordinal),
            .. a.Strikes.Select(k => $"K {k.Perpetrator.Id} {k.ReportedBy?.Id} {string.Join(',', k.Locations.Select(l => l.Id))} "
                                     + $"{string.Join(',', k.Targets.Select(x => x.Id))} {k.Date} {string.Join(',', k.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))}")
                .Order(StringComparer.Ordinal),
            .. a.Disputes.Select(d => $"D {d.Disputant.Id} {d.DisputedParty?.Id} {Fold(d.Claim)}").Order(StringComparer.Ordinal),
        ];
    }

    // Quotation marks out, apostrophes straight, every run of spaces one space.
    private static string Fold(string words) => Spaces().Replace(QuoteMarks().Replace(words, "").Replace('\u2019', '\''), " ").Trim();

    [GeneratedRegex(@"«\s*")] private static partial Regex GuillemetOpen();
    [GeneratedRegex(@"\s*»")] private static partial Regex GuillemetClose();
    [GeneratedRegex(@"« ")] private static partial Regex AfterOpening();
    [GeneratedRegex(@" ([»:;!?])")] private static partial Regex HighPunctuation();
    [GeneratedRegex(@"[«»“”""]")] private static partial Regex QuoteMarks();
    [GeneratedRegex(@"[\s\u00a0\u202f]+")] private static partial Regex Spaces();
}
