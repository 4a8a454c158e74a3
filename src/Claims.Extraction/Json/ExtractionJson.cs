using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.Extraction.Contradictions;

namespace Claims.Extraction.Json;

// The JSON document of `claims extract --json`: the shape of seeds.gold.json (articles[] + contradictions[]),
// actors and places as { id, name }, spans as [start, end], contradiction records as "<file>:<record id>".

public sealed record ExtractionDocument(int Version, string ExtractorVersion, IReadOnlyList<ArticleJson> Articles, IReadOnlyList<ContradictionJson> Contradictions);

public sealed record ArticleJson(string File, string? Outlet, string? Title, string? PublishedOn, IReadOnlyList<StatementJson> Statements,
    IReadOnlyList<StrikeJson> Strikes, IReadOnlyList<DisputeJson> Disputes, int Comments);

public sealed record ActorJson(string Id, string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Aliases = null);

public sealed record PlaceJson(string Id, string Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Province);

public sealed record StanceJson(ActorJson Striker, string Position, bool FromStrikerSide, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Weekday);

public sealed record StatementJson(string Id, ActorJson Speaker, IReadOnlyList<string> Aliases, string Text, string Mode, int[] Span,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StanceJson? Stance);

public sealed record StrikeJson(string Id, ActorJson Perpetrator, ActorJson? ReportedBy, IReadOnlyList<PlaceJson> Locations, IReadOnlyList<ActorJson> Targets,
    string? Weapon, string? Date, IReadOnlyDictionary<string, int> Counts, string Text, int[] Span, string Scope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Weekday,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] StanceJson? Stance);

public sealed record DisputeJson(string Id, ActorJson Disputant, ActorJson? DisputedParty, string Claim, string Text, int[] Span);

public sealed record ContradictionSideJson(string Position, IReadOnlyList<string> Records);

public sealed record ContradictionJson(string Id, string About, string Kind, IReadOnlyList<ContradictionSideJson> Sides);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ExtractionDocument))]
internal sealed partial class OutputJsonContext : JsonSerializerContext;

public static class ExtractionJson
{
    private static readonly OutputJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Accents stay readable in the output (the document is UTF-8).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static ExtractionDocument ToDocument(IReadOnlyList<ArticleExtraction> articles, IReadOnlyList<Contradiction> contradictions) =>
        new(1, ExtractorVersion.Value, articles.Select(ToJson).ToList(), contradictions.Select(ToJson).ToList());

    public static string Serialize(ExtractionDocument document) => JsonSerializer.Serialize(document, Context.ExtractionDocument);

    public static ExtractionDocument? Deserialize(string json) => JsonSerializer.Deserialize(json, Context.ExtractionDocument);

    public static ArticleJson ToJson(ArticleExtraction a)
    {
        // A dispute's or a strike's actors carry the forms the article names them by, as a statement's speaker does
        // ("Human Rights Watch" is also "HRW" there): a reader matches the record to the name the article uses.
        ActorJson named(ActorRef r) => a.ActorAliases.TryGetValue(r.Id, out var names) && names.Count > 0 ? new(r.Id, r.Name, names) : Actor(r);
        return new(a.File, a.Outlet, a.Title, a.PublishedOn?.ToString("yyyy-MM-dd"),
            a.Statements.Select(s => new StatementJson(s.Id, Actor(s.Speaker), s.Aliases, s.Text, s.Mode, [s.Span.Start, s.Span.End], Stance(s.Stance))).ToList(),
            a.Strikes.Select(k => new StrikeJson(k.Id, named(k.Perpetrator), k.ReportedBy is null ? null : named(k.ReportedBy),
                k.Locations.Select(p => new PlaceJson(p.Id, p.Name, p.Province)).ToList(), k.Targets.Select(Actor).ToList(), k.Weapon,
                k.Date?.ToString("yyyy-MM-dd"), k.Counts, k.Text, [k.Span.Start, k.Span.End], k.Scope, k.Weekday, Stance(k.Stance))).ToList(),
            a.Disputes.Select(d => new DisputeJson(d.Id, named(d.Disputant), d.DisputedParty is null ? null : named(d.DisputedParty), d.Claim, d.Text, [d.Span.Start, d.Span.End])).ToList(),
            a.CommentCount);
    }

    public static ContradictionJson ToJson(Contradiction c) =>
        new(c.Id, c.About, c.Kind, c.Sides.Select(s => new ContradictionSideJson(s.Position, s.Records.Select(r => r.ToString()).ToList())).ToList());

    private static ActorJson Actor(ActorRef a) => new(a.Id, a.Name);

    private static StanceJson? Stance(TargetStance? s) => s is null ? null : new StanceJson(Actor(s.Striker), s.Position, s.FromStrikerSide, s.Weekday);
}
