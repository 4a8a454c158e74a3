using Claims.EventStore.Appending;
using Claims.EventStore.Deciders;
using Claims.EventStore.Events;

namespace Claims.TestKit;

/// <summary>
/// Given these events in a stream (written to the real database), when this command runs through the store,
/// then exactly these events are appended — or this exception is thrown and nothing is.
/// <code>
/// await store.Scenario(ArticleDecider.Decider, "article")
///     .Given("article-1", ingested)
///     .When(new CorrectRecord(...))
///     .ThenAsync(new RecordCorrected(...));
/// </code>
/// </summary>
public sealed class Scenario<TCommand, TEvent, TState>(
    EventStore.EventStore store, Decider<TCommand, TEvent, TState> decider, string streamType) where TEvent : notnull
{
    private string _streamId = "scenario-" + Guid.NewGuid().ToString("N");
    private IReadOnlyList<TEvent> _given = [];
    private TCommand? _when;
    private bool _hasCommand;

    public Scenario<TCommand, TEvent, TState> Given(string streamId, params TEvent[] events)
    {
        _streamId = streamId;
        _given = events;
        return this;
    }

    public Scenario<TCommand, TEvent, TState> Given(params TEvent[] events) => Given(_streamId, events);

    public Scenario<TCommand, TEvent, TState> When(TCommand command)
    {
        _when = command;
        _hasCommand = true;
        return this;
    }

    /// <summary>Runs the scenario and checks the appended events equal <paramref name="expected"/> (record equality, in order).</summary>
    public async Task<CommandResult<TEvent, TState>> ThenAsync(params TEvent[] expected)
    {
        var result = await RunAsync();
        var stored = await StoredAfterGivenAsync();
        if (!stored.SequenceEqual(expected.Cast<object>()))
            throw new ScenarioFailedException(
                $"Stream {_streamId}: expected the command to append\n  {Describe(expected.Cast<object>())}\nbut it appended\n  {Describe(stored)}");
        return result;
    }

    /// <summary>Runs the scenario and checks it throws <typeparamref name="TException"/> and appends nothing.</summary>
    public async Task<TException> ThenThrowsAsync<TException>() where TException : Exception
    {
        try
        {
            await RunAsync();
        }
        catch (TException e)
        {
            var stored = await StoredAfterGivenAsync();
            if (stored.Count > 0)
                throw new ScenarioFailedException($"Stream {_streamId}: the command threw {typeof(TException).Name} but still appended {Describe(stored)}");
            return e;
        }
        throw new ScenarioFailedException($"Stream {_streamId}: expected {typeof(TException).Name}, but the command succeeded.");
    }

    private async Task<CommandResult<TEvent, TState>> RunAsync()
    {
        if (!_hasCommand) throw new InvalidOperationException("Call When(command) before Then.");
        if (_given.Count > 0)
            await store.AppendAsync(_streamId, streamType, ExpectedVersion.NoStream, _given.Select(e => new NewEvent(e)).ToList());
        return await store.HandleAsync(_streamId, streamType, decider, _when!);
    }

    private async Task<List<object>> StoredAfterGivenAsync()
    {
        var stored = new List<object>();
        await foreach (var e in store.ReadStreamAsync(_streamId, fromVersion: _given.Count + 1)) stored.Add(e.Data);
        return stored;
    }

    private static string Describe(IEnumerable<object> events)
    {
        var list = events.Select(e => e.ToString()).ToList();
        return list.Count == 0 ? "(nothing)" : string.Join("\n  ", list);
    }
}

public sealed class ScenarioFailedException(string message) : Exception(message);

public static class ScenarioExtensions
{
    public static Scenario<TCommand, TEvent, TState> Scenario<TCommand, TEvent, TState>(
        this EventStore.EventStore store, Decider<TCommand, TEvent, TState> decider, string streamType) where TEvent : notnull =>
        new(store, decider, streamType);
}
