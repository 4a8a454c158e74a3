using System.Text.Json;
using System.Text.Json.Serialization;
using Claims.EventStore.Serialization;

namespace Claims.EventStore.Tests.Support;

public sealed record Counted(int Amount);
public sealed record Noted(string Text);

/// <summary>Version 2 of an event whose v1 had a single "name" field; see the upcaster in <see cref="TestEventTypes"/>.</summary>
public sealed record Renamed(string FirstName, string LastName);

/// <summary>Holds a value System.Text.Json refuses to write (NaN without AllowNamedFloatingPointLiterals).</summary>
public sealed record Unserialisable(double Value);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Counted))]
[JsonSerializable(typeof(Noted))]
[JsonSerializable(typeof(Renamed))]
[JsonSerializable(typeof(Unserialisable))]
internal sealed partial class TestEventsJson : JsonSerializerContext;

public static class TestEventTypes
{
    public static EventTypeRegistry Create() => new EventTypeRegistry()
        .Register("Counted", TestEventsJson.Default.Counted)
        .Register("Noted", TestEventsJson.Default.Noted)
        .Register("Renamed", TestEventsJson.Default.Renamed, schemaVersion: 2)
        .Upcast("Renamed", fromVersion: 1, v1 =>
        {
            var parts = (v1["name"]?.GetValue<string>() ?? "").Split(' ', 2);
            return new() { ["firstName"] = parts[0], ["lastName"] = parts.Length > 1 ? parts[1] : "" };
        })
        .Register("Unserialisable", TestEventsJson.Default.Unserialisable);
}
