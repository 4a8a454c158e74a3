using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Claims.Api.Articles;
using Claims.Domain.Application;

namespace Claims.Api.Json;

/// <summary>
/// Source-generated JSON for the contract types: camelCase names (the shapes), DateOnly as yyyy-MM-dd
/// (System.Text.Json's own DateOnly format), nulls left out (a statement carries no strike fields).
/// Request bodies refuse unknown properties, so a misspelt field is named in a 400 instead of being silently dropped.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(IngestArticleRequest))]
[JsonSerializable(typeof(IngestResponse))]
[JsonSerializable(typeof(IReadOnlyList<ArticleSummary>))]
[JsonSerializable(typeof(ArticleView))]
[JsonSerializable(typeof(IReadOnlyList<ActorSummary>))]
[JsonSerializable(typeof(ActorLedger))]
[JsonSerializable(typeof(IReadOnlyList<ContradictionView>))]
[JsonSerializable(typeof(ContradictionView))]
[JsonSerializable(typeof(RecordVerdictRequest))]
[JsonSerializable(typeof(AssignRequest))]
[JsonSerializable(typeof(DuplicateOfRequest))]
[JsonSerializable(typeof(ReviewStats))]
[JsonSerializable(typeof(Claims.Api.Contradictions.ReviewQueueEndpoints.Reviewer))]
[JsonSerializable(typeof(CorrectRecordRequest))]
[JsonSerializable(typeof(RecordView))]
[JsonSerializable(typeof(IReadOnlyList<StrikeIncident>))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class ClaimsJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The HTTP responses' options. The context's attribute options apply only to its own instance, so responses, which the
    /// framework writes with its options, get the same settings here. French text is written as is (é, not \u00E9): safe for
    /// application/json; the JSON-LD of /claimreview keeps the default escaping because pages embed it in a script tag.
    /// </summary>
    public static void ConfigureResponses(JsonSerializerOptions options)
    {
        options.TypeInfoResolverChain.Insert(0, Default);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
