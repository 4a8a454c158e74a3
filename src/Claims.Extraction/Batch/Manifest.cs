using System.Text.Json;

namespace Claims.Extraction.Batch;

/// <summary>Metadata of the articles in a folder (seeds/manifest.json): {"articles":[{"file","outlet","title","publishedOn","url"}]}.
/// Optional: when absent or unreadable the page itself is read for title, outlet and date.</summary>
public sealed record ManifestEntry(string File, string? Outlet, string? Title, DateOnly? PublishedOn, string? Url);

public static class Manifest
{
    public const string FileName = "manifest.json";

    public static Dictionary<string, ManifestEntry> Load(string folder, Action<string>? warn = null)
    {
        var result = new Dictionary<string, ManifestEntry>(StringComparer.Ordinal);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) return result;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!doc.RootElement.TryGetProperty("articles", out var articles) || articles.ValueKind != JsonValueKind.Array) return result;
            foreach (var a in articles.EnumerateArray())
            {
                var file = Str(a, "file");
                if (file is null) continue;
                DateOnly? date = Str(a, "publishedOn") is { Length: >= 10 } d && DateOnly.TryParseExact(d[..10], "yyyy-MM-dd", out var parsed) ? parsed : null;
                result[file] = new ManifestEntry(file, Str(a, "outlet"), Str(a, "title"), date, Str(a, "url"));
            }
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            warn?.Invoke($"{path}: manifest ignored ({e.Message})");
        }
        return result;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
