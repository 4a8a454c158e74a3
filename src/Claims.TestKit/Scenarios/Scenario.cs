using Claims.Domain.Application;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Runtime;

namespace Claims.TestKit;

/// <summary>
/// Given these events on a Marten stream, when this command is sent through Wolverine (the real handler, loading and
/// committing as in production), then exactly these events are appended — or this exception is thrown and nothing is.
/// <code>
/// await runtime.Scenario()
///     .Given("article-1", ingested, said)
///     .When(new CorrectRecord("article-1", "s1", ...))
///     .ThenAsync(new RecordCorrected(...));
/// </code>
/// </summary>
public sealed class Scenario(ClaimsRuntime runtime)
{
    private string _streamId = "scenario-" + Guid.NewGuid().ToString("N");
    private IReadOnlyList<object> _given = [];
    private object? _when;

    public Scenario Given(string streamId, params object[] events)
    {
        _streamId = streamId;
        _given = events;
        return this;
    }

    public Scenario When(object command)
    {
        _when = command;
        return this;
    }

    /// <summary>Runs the scenario and checks the appended events equal <paramref name="expected"/> (record equality, in order).</summary>
    public async Task ThenAsync(params object[] expected)
    {
        await RunAsync();
        var stored = await StoredAfterGivenAsync();
        if (!stored.SequenceEqual(expected))
            throw new ScenarioFailedException(
                $"Stream {_streamId}: expected the command to append\n  {Describe(expected)}\nbut it appended\n  {Describe(stored)}");
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

    private async Task RunAsync()
    {
        if (_when is null) throw new InvalidOperationException("Call When(command) before Then.");
        if (_given.Count > 0)
        {
            await using var session = runtime.Store.LightweightSession();
            session.Events.StartStream(_streamId, _given.ToArray());
            await session.SaveChangesAsync();
        }
        await new MessageBus(runtime.Services.GetRequiredService<IWolverineRuntime>()).InvokeAsync(_when);
    }

    private async Task<List<object>> StoredAfterGivenAsync()
    {
        await using var session = runtime.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(_streamId, version: 0);
        return events.Skip(_given.Count).Select(e => e.Data).ToList();
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
    /// <summary>A given/when/then scenario on this runtime's Marten store and Wolverine handlers.</summary>
    public static Scenario Scenario(this ClaimsRuntime runtime) => new(runtime);
}
