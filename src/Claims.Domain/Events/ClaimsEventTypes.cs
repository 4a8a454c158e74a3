using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Marten.Services.Json.Transformations;
using Claims.Domain.Application;

namespace Claims.Domain.Events;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ArticleIngested))]
[JsonSerializable(typeof(ArticleRevised))]
[JsonSerializable(typeof(ArticleReExtracted))]
[JsonSerializable(typeof(StatementMade))]
[JsonSerializable(typeof(StrikeReported))]
[JsonSerializable(typeof(ClaimDisputed))]
[JsonSerializable(typeof(RecordRetracted))]
[JsonSerializable(typeof(RecordCorrected))]
[JsonSerializable(typeof(ContradictionVerdictRecorded))]
[JsonSerializable(typeof(ContradictionAssigned))]
[JsonSerializable(typeof(ContradictionReleased))]
[JsonSerializable(typeof(ContradictionMarkedDuplicate))]
[JsonSerializable(typeof(ContradictionDuplicateUndone))]
[JsonSerializable(typeof(ContradictionReopened))]
internal sealed partial class ClaimsEventsJson : JsonSerializerContext;

/// <summary>The event catalogue: stable names (never follow CLR renames) at schema version 1. See the event catalogue in README.md.</summary>
public static class ClaimsEventTypes
{
    public const string ArticleStream = "article";
    public const string ContradictionStream = "contradiction";

    /// <summary>Every Claims event under its stable name: what Marten stores in mt_events.type, what the feed calls it.</summary>
    public static readonly IReadOnlyList<(string Name, Type Type)> All =
    [
        ("ArticleIngested", typeof(ArticleIngested)), ("ArticleRevised", typeof(ArticleRevised)), ("ArticleReExtracted", typeof(ArticleReExtracted)),
        ("StatementMade", typeof(StatementMade)), ("StrikeReported", typeof(StrikeReported)), ("ClaimDisputed", typeof(ClaimDisputed)),
        ("RecordRetracted", typeof(RecordRetracted)), ("RecordCorrected", typeof(RecordCorrected)),
        (VerdictEventName, typeof(ContradictionVerdictRecorded)),
        ("ContradictionAssigned", typeof(ContradictionAssigned)), ("ContradictionReleased", typeof(ContradictionReleased)),
        ("ContradictionMarkedDuplicate", typeof(ContradictionMarkedDuplicate)), ("ContradictionDuplicateUndone", typeof(ContradictionDuplicateUndone)),
        ("ContradictionReopened", typeof(ContradictionReopened)),
    ];

    /// <summary>The events of contradiction streams (the review's own); every other event is an article's.</summary>
    public static readonly IReadOnlyList<Type> ContradictionEvents =
        [typeof(ContradictionVerdictRecorded), typeof(ContradictionAssigned), typeof(ContradictionReleased), typeof(ContradictionMarkedDuplicate),
         typeof(ContradictionDuplicateUndone), typeof(ContradictionReopened)];

    public static readonly IReadOnlyList<Type> ArticleEvents = All.Where(e => !ContradictionEvents.Contains(e.Type)).Select(e => e.Type).ToList();

    public const string VerdictEventName = "ContradictionVerdictRecorded";

    /// <summary>The stable name of an event type (null when it is not a Claims event).</summary>
    public static string? NameOf(Type type) => All.FirstOrDefault(e => e.Type == type).Name;

    /// <summary>
    /// The upcasters of older versions of the catalogue's events, handed to Marten (<see cref="ClaimsRuntimeOptions.Upcasters"/>).
    /// Every event is at version 1, so there are none yet. When an event's shape must change in a way old readers cannot take
    /// (a field that is only added, like ClaimDisputed's basis, needs no new version): the new record is stored under
    /// "&lt;Name&gt;.v2" in <see cref="All"/>, and an upcaster (Marten's <c>EventUpcaster&lt;TOld, TNew&gt;</c>, reading the
    /// old record under the old name) goes here, so that every event already in mt_events, every recorded stream and the
    /// read models' rebuilds load the old version as the new one. The feed serves each event as stored, under its own name.
    /// </summary>
    public static readonly IReadOnlyList<IEventUpcaster> Upcasters = [];

    /// <summary>Maps every event to its stable name, so that renaming a CLR type never changes what is stored.</summary>
    public static void Map(StoreOptions options)
    {
        foreach (var (name, type) in All) options.Events.MapEventType(type, name);
    }

    /// <summary>The serializer options of the events' JSON as stored and served: camelCase, nulls left out.</summary>
    public static JsonSerializerOptions JsonOptions => ClaimsEventsJson.Default.Options;

    /// <summary>The JSON of a record event as stored (for read-model jsonb columns).</summary>
    public static string ToJson(object recordEvent) => recordEvent switch
    {
        StatementMade s => JsonSerializer.Serialize(s, ClaimsEventsJson.Default.StatementMade),
        StrikeReported k => JsonSerializer.Serialize(k, ClaimsEventsJson.Default.StrikeReported),
        ClaimDisputed d => JsonSerializer.Serialize(d, ClaimsEventsJson.Default.ClaimDisputed),
        _ => throw new ArgumentException($"not a record event: {recordEvent.GetType().Name}"),
    };

    public static object RecordFromJson(string type, string json) => type switch
    {
        RecordTypes.Statement => JsonSerializer.Deserialize(json, ClaimsEventsJson.Default.StatementMade)!,
        RecordTypes.Strike => JsonSerializer.Deserialize(json, ClaimsEventsJson.Default.StrikeReported)!,
        RecordTypes.Dispute => JsonSerializer.Deserialize(json, ClaimsEventsJson.Default.ClaimDisputed)!,
        _ => throw new ArgumentException($"unknown record type {type}"),
    };

}

/// <summary>The record types as served ("statement" | "strike" | "dispute").</summary>
public static class RecordTypes
{
    public const string Statement = "statement";
    public const string Strike = "strike";
    public const string Dispute = "dispute";
}
