using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.EventStore.Serialization;

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
internal sealed partial class ClaimsEventsJson : JsonSerializerContext;

/// <summary>The event catalogue: stable names (never follow CLR renames) at schema version 1. See the event catalogue in README.md.</summary>
public static class ClaimsEventTypes
{
    public const string ArticleStream = "article";
    public const string ContradictionStream = "contradiction";

    public static readonly IReadOnlyList<string> ArticleEventNames =
        ["ArticleIngested", "ArticleRevised", "ArticleReExtracted", "StatementMade", "StrikeReported", "ClaimDisputed", "RecordRetracted", "RecordCorrected"];

    public const string VerdictEventName = "ContradictionVerdictRecorded";

    /// <summary>A fresh registry of every Claims event (for the store, the feed, tests that read events).</summary>
    public static EventTypeRegistry CreateRegistry() => new EventTypeRegistry()
        .Register("ArticleIngested", ClaimsEventsJson.Default.ArticleIngested)
        .Register("ArticleRevised", ClaimsEventsJson.Default.ArticleRevised)
        .Register("ArticleReExtracted", ClaimsEventsJson.Default.ArticleReExtracted)
        .Register("StatementMade", ClaimsEventsJson.Default.StatementMade)
        .Register("StrikeReported", ClaimsEventsJson.Default.StrikeReported)
        .Register("ClaimDisputed", ClaimsEventsJson.Default.ClaimDisputed)
        .Register("RecordRetracted", ClaimsEventsJson.Default.RecordRetracted)
        .Register("RecordCorrected", ClaimsEventsJson.Default.RecordCorrected)
        .Register(VerdictEventName, ClaimsEventsJson.Default.ContradictionVerdictRecorded);

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
