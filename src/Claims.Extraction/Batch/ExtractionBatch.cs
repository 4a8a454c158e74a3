using Claims.Extraction.Contradictions;
using Claims.Extraction.Decoding;

namespace Claims.Extraction.Batch;

/// <summary>The outcome of extracting a batch of files: the good articles, the contradictions across them, and one message per bad file.</summary>
public sealed record BatchResult(IReadOnlyList<ArticleExtraction> Articles, IReadOnlyList<Contradiction> Contradictions, IReadOnlyList<DecodeError> Errors, IReadOnlyList<string> Notices);

/// <summary>Extracts files and folders (a folder: its files, sorted, without the manifest). A bad file is reported and skipped;
/// the others go on.</summary>
public sealed class ExtractionBatch(ArticleExtractor extractor)
{
    public async Task<BatchResult> RunAsync(IEnumerable<string> paths, CancellationToken ct = default)
    {
        var articles = new List<ArticleExtraction>();
        var errors = new List<DecodeError>();
        var notices = new List<string>();
        var manifests = new Dictionary<string, Dictionary<string, ManifestEntry>>(StringComparer.Ordinal);
        foreach (var file in Expand(paths, errors))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
            if (!manifests.TryGetValue(folder, out var manifest)) manifests[folder] = manifest = Manifest.Load(folder, notices.Add);
            var decoded = await ArticleDecoder.DecodeFileAsync(file, ct);
            if (decoded.Error is { } error) { errors.Add(error); continue; }
            var article = decoded.Article!;
            if (article.WasTranscoded) notices.Add($"{article.File}: not valid UTF-8, decoded as {article.Encoding}");
            manifest.TryGetValue(article.File, out var meta);
            var input = new ArticleInput(article.File, article.IsHtml ? null : article.Text, article.IsHtml ? article.Text : null)
            {
                Outlet = meta?.Outlet, Title = meta?.Title, PublishedOn = meta?.PublishedOn, Url = meta?.Url,
            };
            try
            {
                articles.Add(extractor.Extract(input));
            }
            catch (NoArticleTextException e)
            {
                errors.Add(new DecodeError(article.File, DecodeErrorKind.NoArticleText, e.Message));
            }
        }
        return new BatchResult(articles, ContradictionFinder.Find(articles, extractor.Knowledge), errors, notices);
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths, List<DecodeError> errors)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var f in Directory.GetFiles(path).Where(f => !Path.GetFileName(f).Equals(Manifest.FileName, StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
                    yield return f;
            }
            else if (File.Exists(path)) yield return path;
            else errors.Add(new DecodeError(Path.GetFileName(path), DecodeErrorKind.Unreadable, $"{path}: no such file or folder"));
        }
    }
}
