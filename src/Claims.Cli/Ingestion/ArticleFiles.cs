using Claims.Domain.Application;
using Claims.Extraction.Batch;
using Claims.Extraction.Decoding;

namespace Claims.Cli.Ingestion;

/// <summary>An article file ready to ingest, or the reason it cannot be.</summary>
public sealed record ArticleFile(string Path, IngestArticleRequest? Request, string? Error);

/// <summary>
/// Turns files and folders into ingest requests: a folder gives its files (sorted, without manifest.json and dot-files);
/// each file is decoded (UTF-8, else Windows-1252), sent as text or html, with the metadata of its folder's manifest.json.
/// </summary>
public static class ArticleFiles
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths, List<ArticleFile> missing)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.GetFiles(path)
                    .Where(f => !Path.GetFileName(f).Equals(Manifest.FileName, StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            else if (File.Exists(path)) files.Add(path);
            else missing.Add(new ArticleFile(path, null, $"{path}: no such file or folder"));
        }
        return files;
    }

    public static async Task<ArticleFile> ReadAsync(string path, Func<string, IReadOnlyDictionary<string, ManifestEntry>> manifestOf, CancellationToken ct = default)
    {
        var decoded = await ArticleDecoder.DecodeFileAsync(path, ct);
        if (decoded.Error is { } error) return new ArticleFile(path, null, error.Message);
        var article = decoded.Article!;
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        manifestOf(folder).TryGetValue(article.File, out var meta);
        var request = new IngestArticleRequest(
            Text: article.IsHtml ? null : article.Text,
            Html: article.IsHtml ? article.Text : null,
            Url: meta?.Url, Outlet: meta?.Outlet, Title: meta?.Title, PublishedOn: meta?.PublishedOn);
        return new ArticleFile(path, request, null);
    }

    /// <summary>A manifest reader that loads each folder's manifest.json once, reporting an unreadable one through <paramref name="warn"/>.</summary>
    public static Func<string, IReadOnlyDictionary<string, ManifestEntry>> ManifestCache(Action<string> warn)
    {
        var cache = new Dictionary<string, IReadOnlyDictionary<string, ManifestEntry>>(StringComparer.Ordinal);
        return folder => cache.TryGetValue(folder, out var m) ? m : cache[folder] = Manifest.Load(folder, warn);
    }
}
