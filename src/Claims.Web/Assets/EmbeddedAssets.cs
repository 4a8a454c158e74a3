using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace Claims.Web.Assets;

/// <summary>One file of the page, read from the assembly once: its bytes, its Content-Type (with charset for text) and an ETag.</summary>
public sealed record Asset(string Path, byte[] Content, string ContentType, string ETag);

/// <summary>
/// The page's files, embedded in Claims.Web.dll (wwwroot/**), so `claims serve` needs no folder beside it.
/// They are few and small: all are loaded at start and served from memory.
/// </summary>
public sealed class EmbeddedAssets
{
    private const string Root = "wwwroot/";
    private readonly Dictionary<string, Asset> _byPath;

    private EmbeddedAssets(Dictionary<string, Asset> byPath) => _byPath = byPath;

    /// <summary>The embedded files by their path under wwwroot/ ("index.html", "assets/app.js").</summary>
    public IReadOnlyCollection<Asset> All => _byPath.Values;

    public Asset? Find(string path) => _byPath.GetValueOrDefault(path);

    public static EmbeddedAssets Load(Assembly? assembly = null)
    {
        assembly ??= typeof(EmbeddedAssets).Assembly;
        var types = new FileExtensionContentTypeProvider();
        var byPath = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Root, StringComparison.Ordinal)) continue;
            // RecursiveDir keeps the build machine's separator: Windows builds would name "assets\app.js".
            var path = name[Root.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            byPath[path] = new Asset(path, content, ContentTypeOf(types, path), $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..20]}\"");
        }
        return new EmbeddedAssets(byPath);
    }

    /// <summary>Text types say charset=utf-8, so French accents never depend on the browser's guess.</summary>
    internal static string ContentTypeOf(FileExtensionContentTypeProvider types, string path)
    {
        if (!types.TryGetContentType(path, out var type)) type = "application/octet-stream";
        var isText = type.StartsWith("text/", StringComparison.Ordinal)
                     || type is "application/javascript" or "application/json" or "image/svg+xml" or "application/manifest+json";
        return isText ? type + "; charset=utf-8" : type;
    }
}
