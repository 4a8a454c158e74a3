using System.Text.Json;
using Claims.Extraction;

namespace Claims.Domain.Actors;

/// <summary>An actor of the extractor's knowledge base: canonical name, aliases, and the camp it speaks for.</summary>
public sealed record DirectoryActor(string Id, string Name, IReadOnlyList<string> Aliases, string? Affiliation, string Kind);

/// <summary>
/// The actors the analysts maintain in the extractor's Data/actors.json (read from the extractor's assembly, so there
/// is one data file, not a copy). Gives ledgers an actor's aliases and affiliation; actors met only in articles have none.
/// </summary>
public sealed class ActorDirectory
{
    private readonly Dictionary<string, DirectoryActor> _byId;

    private readonly Dictionary<string, DirectoryActor> _byKey = new(StringComparer.Ordinal);

    private ActorDirectory(Dictionary<string, DirectoryActor> byId)
    {
        _byId = byId;
        foreach (var actor in byId.Values)
            foreach (var name in actor.Aliases.Prepend(actor.Name).Prepend(actor.Id))
                _byKey.TryAdd(SearchKey.Of(name), actor);
    }

    /// <summary>The actor a fact-checker means by <paramref name="name"/> (its name, id or an alias, accents and case aside).</summary>
    public DirectoryActor? FindByName(string name) => _byKey.GetValueOrDefault(SearchKey.Of(name));

    public static ActorDirectory Embedded => Shared.Value;
    private static readonly Lazy<ActorDirectory> Shared = new(Load);

    public DirectoryActor? Find(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<DirectoryActor> All => _byId.Values;

    private static ActorDirectory Load()
    {
        var assembly = typeof(ArticleExtractor).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("actors.json", StringComparison.Ordinal))
                   ?? throw new InvalidOperationException("actors.json is not embedded in Claims.Extraction.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var raw = doc.RootElement.GetProperty("actors").EnumerateArray()
            .Select(a => (Id: a.GetProperty("id").GetString()!, Name: a.GetProperty("name").GetString()!,
                Aliases: a.TryGetProperty("aliases", out var al) ? al.EnumerateArray().Select(x => x.GetString()!).ToList() : [],
                Camp: Str(a, "actsFor") ?? Str(a, "side"), Kind: Str(a, "kind") ?? "other"))
            .ToList();
        var names = raw.ToDictionary(a => a.Id, a => a.Name);
        return new ActorDirectory(raw.ToDictionary(a => a.Id, a => new DirectoryActor(a.Id, a.Name,
            a.Aliases.Where(x => x != a.Name).Distinct().ToList(),
            a.Camp is { } camp && camp != a.Id ? names.GetValueOrDefault(camp, camp) : null, a.Kind)));
    }

    private static string? Str(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
