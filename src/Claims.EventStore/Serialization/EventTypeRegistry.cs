using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Claims.EventStore.Serialization;

/// <summary>A registered event type: its stable name, its current schema version and how to (de)serialise it.</summary>
public sealed record EventType(string Name, int SchemaVersion, Type ClrType, JsonTypeInfo TypeInfo);

/// <summary>
/// Maps CLR event types to stable names and schema versions, and old stored versions to the current one.
/// Names never follow CLR renames: an event written years ago under "StatementMade" v1 still loads, through the
/// chain of upcasters v1→v2→…→current, into today's record.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<Type, EventType> _byClrType = [];
    private readonly Dictionary<string, EventType> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, int FromVersion), Func<JsonObject, JsonObject>> _upcasters = [];

    public IEnumerable<EventType> All => _byName.Values;

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="name"/>; typeInfo comes from a source-generated JsonSerializerContext.</summary>
    public EventTypeRegistry Register<T>(string name, JsonTypeInfo<T> typeInfo, int schemaVersion = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        if (_byName.ContainsKey(name)) throw new ArgumentException($"Event type name '{name}' is registered twice.", nameof(name));
        if (_byClrType.ContainsKey(typeof(T))) throw new ArgumentException($"CLR type {typeof(T).Name} is registered twice.", nameof(typeInfo));
        var type = new EventType(name, schemaVersion, typeof(T), typeInfo);
        _byName[name] = type;
        _byClrType[typeof(T)] = type;
        return this;
    }

    /// <summary>Turns the JSON of <paramref name="name"/> at <paramref name="fromVersion"/> into version fromVersion + 1.</summary>
    public EventTypeRegistry Upcast(string name, int fromVersion, Func<JsonObject, JsonObject> upcaster)
    {
        if (!_upcasters.TryAdd((name, fromVersion), upcaster))
            throw new ArgumentException($"Event type '{name}' already has an upcaster from version {fromVersion}.", nameof(fromVersion));
        return this;
    }

    public EventType For(Type clrType) =>
        _byClrType.TryGetValue(clrType, out var type)
            ? type
            : throw new EventSerializationException($"Event type {clrType.FullName} is not registered: register it with a stable name before appending it.");

    public bool TryGetByName(string name, out EventType type) => _byName.TryGetValue(name, out type!);

    internal (EventType Type, string Json) Serialize(object data)
    {
        var type = For(data.GetType());
        try
        {
            return (type, JsonSerializer.Serialize(data, type.TypeInfo));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new EventSerializationException($"Event {type.Name} ({data.GetType().Name}) cannot be serialised: {e.Message}", e);
        }
    }

    internal object Deserialize(string name, int storedVersion, string json)
    {
        if (!_byName.TryGetValue(name, out var type)) return new Events.UnknownEvent(json);
        if (storedVersion == type.SchemaVersion) return JsonSerializer.Deserialize(json, type.TypeInfo)!;
        if (storedVersion > type.SchemaVersion)
            throw new EventSerializationException($"Event {name} is stored at schema version {storedVersion}, newer than this process knows ({type.SchemaVersion}).");

        var node = JsonNode.Parse(json) as JsonObject
                   ?? throw new EventSerializationException($"Event {name} v{storedVersion} is not a JSON object.");
        for (var version = storedVersion; version < type.SchemaVersion; version++)
        {
            if (!_upcasters.TryGetValue((name, version), out var upcast))
                throw new EventSerializationException($"Event {name} is stored at schema version {version} and no upcaster turns it into version {version + 1}.");
            node = upcast(node);
        }
        return node.Deserialize(type.TypeInfo)!;
    }
}

/// <summary>An event could not be turned into JSON or back. When appending, nothing of the batch was written.</summary>
public sealed class EventSerializationException(string message, Exception? inner = null) : Exception(message, inner);
