using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Claims.EventStore.Serialization;

namespace Claims.Feed.Schemas;

/// <summary>
/// JSON Schemas of every registered event's <c>data</c>, generated from the same JsonTypeInfo that writes it (so the
/// documentation cannot drift from the bytes), plus the hand-written schema of the CloudEvents envelope.
/// </summary>
public sealed class EventSchemas
{
    public const string EnvelopeName = "envelope";
    private const string Draft = "https://json-schema.org/draft/2020-12/schema";
    private readonly Dictionary<string, (int Version, string Json)> _byType = new(StringComparer.Ordinal);

    public EventSchemas(EventTypeRegistry types)
    {
        foreach (var type in types.All)
        {
            if (type.Name == EnvelopeName)
                throw new ArgumentException($"An event type is named '{EnvelopeName}', which the feed's schema index reserves for the envelope schema.");
            var exported = JsonSchemaExporter.GetJsonSchemaAsNode(type.TypeInfo,
                new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            var schema = new JsonObject
            {
                ["$schema"] = Draft,
                ["title"] = type.Name,
                ["description"] = $"The data of a Claims {type.Name} event (schema version {type.SchemaVersion}): the \"data\" member of its CloudEvents envelope.",
                ["x-schema-version"] = type.SchemaVersion,
            };
            if (exported is JsonObject members)
                foreach (var (key, value) in members.ToList())
                {
                    members.Remove(key);
                    schema[key] = value;
                }
            else
                schema["allOf"] = new JsonArray(exported);
            _byType[type.Name] = (type.SchemaVersion, schema.ToJsonString(new() { WriteIndented = true }));
        }
        Envelope = ReadEnvelopeSchema();
    }

    /// <summary>The schema of the CloudEvents envelope every event travels in.</summary>
    public string Envelope { get; }

    public IEnumerable<(string Type, int SchemaVersion)> Types =>
        _byType.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value.Version));

    public string? For(string type) => _byType.TryGetValue(type, out var schema) ? schema.Json : null;

    private static string ReadEnvelopeSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Claims.Feed.Schemas.envelope.schema.json")
                           ?? throw new InvalidOperationException("The envelope schema is not embedded in Claims.Feed.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
