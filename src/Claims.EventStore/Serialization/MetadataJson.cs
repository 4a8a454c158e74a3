using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.EventStore.Events;

namespace Claims.EventStore.Serialization;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventMetadata))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;

internal static class MetadataJson
{
    public static string Serialize(EventMetadata? metadata) =>
        JsonSerializer.Serialize(metadata ?? EventMetadata.None, MetadataJsonContext.Default.EventMetadata);

    public static EventMetadata Deserialize(string json) =>
        JsonSerializer.Deserialize(json, MetadataJsonContext.Default.EventMetadata) ?? EventMetadata.None;
}
