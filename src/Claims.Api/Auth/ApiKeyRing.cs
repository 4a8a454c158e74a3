using System.Security.Cryptography;
using System.Text;

namespace Claims.Api.Auth;

/// <summary>Who holds a key and what it may do.</summary>
public sealed record ApiKeyHolder(string Owner, IReadOnlySet<string> Roles);

/// <summary>
/// The API keys allowed to write, read from <c>CLAIMS_API_KEYS</c>:
/// <c>key=owner:role+role;key2=owner2:role</c>, e.g. <c>s3cret=alice:ingest+review;b0t-key=feeder:ingest</c>.
/// Roles: <c>ingest</c> (POST /articles), <c>review</c> (verdicts and corrections). Spaces around parts are ignored;
/// a key may itself contain '=' (base64), since the owner is taken after the last '='.
/// An empty ring means "no keys configured": writes are then accepted from loopback only, as <c>local</c>.
/// </summary>
public sealed class ApiKeyRing
{
    public const string Setting = "CLAIMS_API_KEYS";
    public const string LocalOwner = "local";

    // Keys are held as SHA-256 digests, so a lookup neither keeps the secret around nor compares it byte by byte.
    private readonly Dictionary<string, ApiKeyHolder> _byDigest;

    private ApiKeyRing(Dictionary<string, ApiKeyHolder> byDigest) => _byDigest = byDigest;

    public static ApiKeyRing Empty { get; } = new([]);

    public bool IsEmpty => _byDigest.Count == 0;

    public int Count => _byDigest.Count;

    public ApiKeyHolder? Find(string key) => _byDigest.GetValueOrDefault(Digest(key));

    /// <summary>Parses the setting; null or blank gives <see cref="Empty"/>. Throws <see cref="FormatException"/> naming the bad entry.</summary>
    public static ApiKeyRing Parse(string? setting)
    {
        var byDigest = new Dictionary<string, ApiKeyHolder>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(setting)) return new ApiKeyRing(byDigest);

        var position = 0;
        foreach (var rawEntry in setting.Split(';'))
        {
            position++;
            var entry = rawEntry.Trim();
            if (entry.Length == 0) continue;
            var equals = entry.LastIndexOf('=');
            var colon = equals < 0 ? -1 : entry.IndexOf(':', equals);
            if (equals <= 0 || colon < 0)
                throw Bad(position, "expected key=owner:role+role");
            var key = entry[..equals].Trim();
            var owner = entry[(equals + 1)..colon].Trim();
            var roles = entry[(colon + 1)..].Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(r => r.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            if (key.Length == 0) throw Bad(position, "the key is empty");
            if (owner.Length == 0) throw Bad(position, "the owner is empty");
            if (roles.Count == 0) throw Bad(position, $"no role given (roles: {string.Join(", ", WriteRoles.All)})");
            if (roles.FirstOrDefault(r => !WriteRoles.All.Contains(r)) is { } unknown)
                throw Bad(position, $"unknown role '{unknown}' (roles: {string.Join(", ", WriteRoles.All)})");
            if (!byDigest.TryAdd(Digest(key), new ApiKeyHolder(owner, roles)))
                throw Bad(position, "the same key is given twice");
        }
        return new ApiKeyRing(byDigest);
    }

    private static string Digest(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    // The message names the entry by position only: echoing it would print the secret into logs.
    private static FormatException Bad(int position, string reason) =>
        new($"{Setting}: entry {position} is not valid: {reason}. Format: key=owner:role+role;key2=owner2:role (roles: {string.Join(", ", WriteRoles.All)}).");
}
