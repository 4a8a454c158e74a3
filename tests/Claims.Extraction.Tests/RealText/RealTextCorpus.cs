using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Claims.Extraction.Tests.RealText;

/// <summary>The real-text corpus of issue #16: manifest.json (address, SHA-256 and cut of each excerpt, its half) and the
/// annotations (dev.gold.json, test.gold.json). The texts are third-party and stay out of the repository: a local copy lives in
/// CLAIMS_REALTEXT_DIR (default /work/realtext-cache), checked against the hashes as check.py does.</summary>
public static class RealTextCorpus
{
    public static string Folder => Environment.GetEnvironmentVariable("CLAIMS_REALTEXT_DIR") is { Length: > 0 } dir ? dir : "/work/realtext-cache";

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "RealText", name);

    public static JsonArray Excerpts() => JsonNode.Parse(File.ReadAllText(DataFile("manifest.json")))!["excerpts"]!.AsArray();

    /// <summary>The half an excerpt belongs to, decided before any annotation or tuning: the first hex digit of SHA-256 of its file name, even → dev.</summary>
    public static string HalfOf(string file) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file)))[0] is var c && Convert.ToInt32(c.ToString(), 16) % 2 == 0 ? "dev" : "test";

    /// <summary>Why the local copy cannot be used (missing folder or file, a text that differs from its hash), or null when all match.</summary>
    public static string? WhyUnavailable()
    {
        if (!Directory.Exists(Folder)) return $"the real-text excerpts are not committed (third-party texts); no local copy at {Folder} (set CLAIMS_REALTEXT_DIR; see tests/Claims.Extraction.Tests/RealText/check.py)";
        foreach (var e in Excerpts())
        {
            var path = Path.Combine(Folder, (string)e!["file"]!);
            if (!File.Exists(path)) return $"local copy incomplete: {path} is missing ({(string)e["url"]!})";
            if (Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) != (string)e["sha256"]!) return $"local copy differs from the manifest's SHA-256: {path}";
        }
        return null;
    }

    /// <summary>Copies one half's excerpts into a fresh folder, as `claims extract` would read them.</summary>
    public static string HalfFolder(string half)
    {
        var dir = Path.Combine(Path.GetTempPath(), "claims-realtext-" + half + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        foreach (var e in Excerpts().Where(e => (string)e!["half"]! == half))
            File.Copy(Path.Combine(Folder, (string)e!["file"]!), Path.Combine(dir, (string)e["file"]!));
        return dir;
    }
}

/// <summary>A test that needs the local copy of the excerpts: skipped, saying why, on a fresh clone (CI) where it is absent.</summary>
public sealed class RealTextFactAttribute : FactAttribute
{
    public RealTextFactAttribute()
    {
        if (RealTextCorpus.WhyUnavailable() is { } why) Skip = why;
    }
}
