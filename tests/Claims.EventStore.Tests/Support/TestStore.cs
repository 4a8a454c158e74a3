using Claims.EventStore.Projections;
using Claims.TestKit;

namespace Claims.EventStore.Tests.Support;

/// <summary>Each test gets its own schema in the class's database: tests never see each other's log or progress rows.</summary>
public static class TestStore
{
    public static async Task<EventStore> CreateAsync(PostgresDatabase database, IReadOnlyList<IProjection>? inline = null,
        TimeSpan? pollInterval = null)
    {
        var store = new EventStore(new EventStoreOptions
        {
            ConnectionString = database.ConnectionString,
            Schema = "t_" + Guid.NewGuid().ToString("N")[..12],
            EventTypes = TestEventTypes.Create(),
            InlineProjections = inline ?? [],
            PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(200),
        });
        await store.InitializeAsync();
        return store;
    }

    public static NewEventList Events(params object[] data) => new(data.Select(d => new Events.NewEvent(d)).ToList());
}

public sealed class NewEventList(List<Events.NewEvent> items) : List<Events.NewEvent>(items);
