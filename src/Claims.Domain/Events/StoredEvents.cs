using System.Text.Json;
using JasperFx.Events;

namespace Claims.Domain.Events;

/// <summary>
/// Claims events that come as stored text (a recorded stream, an older store) made ready to append to Marten: the type from
/// its stable name, the data from its JSON, and the metadata it had (id, time, who caused it) kept on Marten's event wrapper.
/// </summary>
public static class StoredEvents
{
    /// <exception cref="FormatException">The type is not a Claims event, the schema version is not one this version reads,
    /// or the JSON is not that event.</exception>
    public static IEvent Wrap(string type, int schemaVersion, string json, Guid? id = null, DateTimeOffset? at = null, string? causedBy = null)
    {
        var clr = ClaimsEventTypes.All.FirstOrDefault(e => e.Name == type).Type
            ?? throw new FormatException($"unknown event type '{type}'; known: {string.Join(", ", ClaimsEventTypes.All.Select(t => t.Name))}.");
        if (schemaVersion != 1) throw new FormatException($"{type} schema version {schemaVersion} is not known here (every Claims event is at version 1).");
        object data;
        try
        {
            data = JsonSerializer.Deserialize(json, clr, ClaimsEventTypes.JsonOptions) ?? throw new FormatException($"{type}: the data is null.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"the data is not a {type}: {e.Message}", e);
        }
        // Event<T> of the event's own type: Event.For(object) would file it under System.Object.
        var wrapper = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(clr), data)!;
        if (id is { } given) wrapper.Id = given;
        if (at is { } time) wrapper.Timestamp = time;
        wrapper.UserName = causedBy;
        return wrapper;
    }
}
