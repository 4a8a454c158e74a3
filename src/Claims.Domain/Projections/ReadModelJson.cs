using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.Domain.Application;

namespace Claims.Domain.Projections;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StrikeIncident))]
internal sealed partial class ReadModelJson : JsonSerializerContext;
