using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.EventStore.Events;

namespace Claims.EventStore.Serialization;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EventMetadata))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;

internal static class MetadataJson
{
    private static readonly string Empty = JsonSerializer.Serialize(EventMetadata.None, MetadataJsonContext.Default.EventMetadata);

    public static string Serialize(EventMetadata? metadata) =>
        metadata is null || metadata == EventMetadata.None ? Empty : JsonSerializer.Serialize(metadata, MetadataJsonContext.Default.EventMetadata);

    public static EventMetadata Deserialize(string json) =>
        JsonSerializer.Deserialize(json, MetadataJsonContext.Default.EventMetadata) ?? EventMetadata.None;
}
