using Claims.EventStore.Appending;
using Claims.EventStore.Events;

namespace Claims.EventStore.Deciders;

/// <param name="Version">The stream version after the command (unchanged when it decided nothing).</param>
public sealed record CommandResult<TEvent, TState>(TState State, IReadOnlyList<TEvent> NewEvents, long Version);

/// <summary>The edge around a decider: load the stream, fold it, decide, append with the version that was read.</summary>
public static class CommandHandler
{
    /// <summary>
    /// Runs <paramref name="command"/> against the stream. When another writer got there first the command is decided
    /// again on the fresh state, up to <paramref name="maxAttempts"/> times; then the conflict is thrown.
    /// </summary>
    public static async Task<CommandResult<TEvent, TState>> HandleAsync<TCommand, TEvent, TState>(
        this EventStore store, string streamId, string streamType, Decider<TCommand, TEvent, TState> decider, TCommand command,
        EventMetadata? metadata = null, int maxAttempts = 3, CancellationToken ct = default) where TEvent : notnull
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = decider.Initial;
            long version = 0;
            await foreach (var stored in store.ReadStreamAsync(streamId, ct: ct))
            {
                if (stored.Data is TEvent e) state = decider.Evolve(state, e);
                version = stored.StreamVersion;
            }

            var decided = decider.Decide(command, state);
            if (decided.Count == 0) return new CommandResult<TEvent, TState>(state, decided, version);
            try
            {
                var result = await store.AppendAsync(streamId, streamType, ExpectedVersion.Exactly(version),
                    decided.Select(e => new NewEvent(e, Metadata: metadata)).ToList(), ct);
                return new CommandResult<TEvent, TState>(decided.Aggregate(state, decider.Evolve), decided, result.StreamVersion);
            }
            catch (WrongExpectedVersionException) when (attempt < maxAttempts)
            {
                // Somebody appended meanwhile: decide again on what they wrote.
            }
        }
    }
}
