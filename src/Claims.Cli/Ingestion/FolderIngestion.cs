using Claims.Domain.Application;

namespace Claims.Cli.Ingestion;

public sealed record FileOutcome(string Path, IngestResult? Result, string? Error);

/// <summary>Ingests files one by one through the application; a bad file is reported and the others go on.</summary>
public static class FolderIngestion
{
    /// <summary>Who the CLI records as the ingester: the same name as an HTTP write from this machine without keys.</summary>
    public const string Ingester = "local";

    public static async Task<IReadOnlyList<FileOutcome>> IngestAsync(
        IClaimsApplication application, IEnumerable<string> paths, Action<string> warn, Action<FileOutcome>? progress = null,
        Action<int>? total = null, CancellationToken ct = default)
    {
        var outcomes = new List<ArticleFile>();
        var files = ArticleFiles.Expand(paths, outcomes);
        var results = outcomes.Select(m => new FileOutcome(m.Path, null, m.Error)).ToList();
        total?.Invoke(files.Count);
        var manifests = ArticleFiles.ManifestCache(warn);
        foreach (var file in files)
        {
            var article = await ArticleFiles.ReadAsync(file, manifests, ct);
            FileOutcome outcome;
            if (article.Request is null) outcome = new FileOutcome(file, null, article.Error);
            else
            {
                try
                {
                    outcome = new FileOutcome(file, await application.IngestAsync(article.Request, Ingester, ct), null);
                }
                catch (RequestValidationException e)
                {
                    outcome = new FileOutcome(file, null, $"{Path.GetFileName(file)}: {e.Field}: {e.Message}");
                }
            }
            results.Add(outcome);
            progress?.Invoke(outcome);
        }
        return results;
    }
}
