using System.Security.Cryptography;
using System.Text;
using Claims.EventStore.Appending;
using Claims.EventStore.Deciders;
using Claims.EventStore.Events;

namespace Claims.Domain.Application;

/// <summary>
/// Load, fold, decide, append with the version that was read — like EventStore's CommandHandler, but with deterministic
/// event ids when the command names its content (<c>idSeed</c>): a retried command decides the same events at the same
/// stream version, and the store recognises their ids and writes nothing twice.
/// </summary>
internal static class StreamWriter
{
    public sealed record Outcome<TEvent, TState>(TState Before, TState After, IReadOnlyList<TEvent> NewEvents, bool WasAlreadyStored);

    public static async Task<Outcome<TEvent, TState>> DecideAsync<TCommand, TEvent, TState>(
        EventStore.EventStore store, string streamId, string streamType, Decider<TCommand, TEvent, TState> decider, TCommand command,
        string? idSeed, EventMetadata metadata, CancellationToken ct) where TEvent : notnull
    {
        for (var attempt = 1; ; attempt++)
        {
            var (state, version) = await LoadAsync(store, streamId, decider, ct);
            var decided = decider.Decide(command, state);
            if (decided.Count == 0) return new(state, state, decided, false);
            var events = decided.Select((e, i) => new NewEvent(e, idSeed is null ? null : EventId(streamId, version + i + 1, e, idSeed), metadata)).ToList();
            try
            {
                var result = await store.AppendAsync(streamId, streamType, ExpectedVersion.Exactly(version), events, ct);
                return new(state, decided.Aggregate(state, decider.Evolve), result.WasAlreadyStored ? [] : decided, result.WasAlreadyStored);
            }
            catch (WrongExpectedVersionException) when (attempt < 5)
            {
                // Another writer got there first (two clients ingesting the same article): decide again on what it wrote.
            }
        }
    }

    public static async Task<(TState State, long Version)> LoadAsync<TCommand, TEvent, TState>(
        EventStore.EventStore store, string streamId, Decider<TCommand, TEvent, TState> decider, CancellationToken ct) where TEvent : notnull
    {
        var state = decider.Initial;
        long version = 0;
        await foreach (var stored in store.ReadStreamAsync(streamId, ct: ct))
        {
            if (stored.Data is TEvent e) state = decider.Evolve(state, e);
            version = stored.StreamVersion;
        }
        return (state, version);
    }

    /// <summary>A name-based (v5-like) UUID of stream, version, event type, record id and seed.</summary>
    private static Guid EventId(string streamId, long version, object e, string seed)
    {
        var recordId = Articles.RecordMapping.IsRecord(e) ? Articles.RecordMapping.RecordId(e) : "";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{streamId}|{version}|{e.GetType().Name}|{recordId}|{seed}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
