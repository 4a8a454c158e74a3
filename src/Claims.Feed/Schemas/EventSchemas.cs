using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Claims.Domain.Events;

namespace Claims.Feed.Schemas;

/// <summary>
/// JSON Schemas of every Claims event's <c>data</c>, generated from the event catalogue's serializer metadata (the settings
/// Marten stores the events with, so the documentation cannot drift from the bytes), plus the hand-written schema of the
/// CloudEvents envelope.
/// </summary>
public sealed class EventSchemas
{
    public const string EnvelopeName = "envelope";

    /// <summary>Every type in the catalogue is at schema version 1 (README, "Event catalogue").</summary>
    public const int SchemaVersion = 1;

    private const string Draft = "https://json-schema.org/draft/2020-12/schema";
    private readonly Dictionary<string, string> _byType = new(StringComparer.Ordinal);

    public EventSchemas()
    {
        foreach (var (name, type) in ClaimsEventTypes.All)
        {
            if (name == EnvelopeName)
                throw new ArgumentException($"An event type is named '{EnvelopeName}', which the feed's schema index reserves for the envelope schema.");
            var exported = JsonSchemaExporter.GetJsonSchemaAsNode(ClaimsEventTypes.JsonOptions.GetTypeInfo(type),
                new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
            var schema = new JsonObject
            {
                ["$schema"] = Draft,
                ["title"] = name,
                ["description"] = $"The data of a Claims {name} event (schema version {SchemaVersion}): the \"data\" member of its CloudEvents envelope.",
                ["x-schema-version"] = SchemaVersion,
            };
            if (exported is JsonObject members)
                foreach (var (key, value) in members.ToList())
                {
                    members.Remove(key);
                    schema[key] = value;
                }
            else
                schema["allOf"] = new JsonArray(exported);
            _byType[name] = schema.ToJsonString(new() { WriteIndented = true });
        }
        Envelope = ReadEnvelopeSchema();
    }

    /// <summary>The schema of the CloudEvents envelope every event travels in.</summary>
    public string Envelope { get; }

    public IEnumerable<(string Type, int SchemaVersion)> Types =>
        _byType.Keys.Order(StringComparer.Ordinal).Select(t => (t, SchemaVersion));

    public string? For(string type) => _byType.GetValueOrDefault(type);

    private static string ReadEnvelopeSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Claims.Feed.Schemas.envelope.schema.json")
                           ?? throw new InvalidOperationException("The envelope schema is not embedded in Claims.Feed.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
