using Claims.EventStore.Events;

namespace Claims.EventStore.Daemon;

/// <summary>
/// What this process knows of its projections' committed checkpoints, so that a read-your-writes wait can be woken by
/// the daemon's own commits instead of polling the progress table. Only committed checkpoints are ever recorded (a
/// read-model write and its checkpoint commit together), so a waiter released here finds the read model holding its write.
/// A projection is "followed" while this process's daemon runs its live batches; for the others (owned by another
/// process, or still being created or rebuilt at start) only the progress table can tell, and waiters poll it.
/// </summary>
public sealed class ProjectionCheckpoints
{
    private sealed class Entry
    {
        public LogPosition? Checkpoint;
        public bool Followed;
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries;
    private TaskCompletionSource _changed = NewSignal();

    public ProjectionCheckpoints(IEnumerable<string> names)
    {
        _entries = names.ToDictionary(n => n, _ => new Entry());
    }

    /// <summary>A projection that is behind a target, and whether this process's daemon is the one moving it.</summary>
    public readonly record struct Lagging(string Name, bool Followed);

    /// <summary>
    /// Completes at the next change. Take it BEFORE reading <see cref="Behind"/>: a change that lands between the read
    /// and the wait then still wakes the waiter (the same pattern as the store's notification signal).
    /// </summary>
    public Task NextChange() => Volatile.Read(ref _changed).Task;

    /// <summary>Records a checkpoint known to be committed (never call it before the commit). Only moves forward; unknown names are ignored.</summary>
    public void Observe(string name, LogPosition committed)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(name, out var entry) || entry.Checkpoint >= committed) return;
            entry.Checkpoint = committed;
            Pulse();
        }
    }

    /// <summary>
    /// This process's daemon starts or stops running a projection's live batches. Starting forgets the remembered
    /// checkpoint: whatever happened while it was not ours (a read model recreated from scratch) is learnt again from
    /// the first batch, which reads the committed checkpoint under the apply lock.
    /// </summary>
    public void SetFollowed(string name, bool followed)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(name, out var entry)) return;
            entry.Followed = followed;
            if (followed) entry.Checkpoint = null;
            Pulse();
        }
    }

    /// <summary>The projections whose known committed checkpoint is below <paramref name="target"/> (or not known yet).</summary>
    public IReadOnlyList<Lagging> Behind(LogPosition target)
    {
        lock (_lock)
        {
            List<Lagging>? behind = null;
            foreach (var (name, entry) in _entries)
                if (entry.Checkpoint is not { } checkpoint || checkpoint < target)
                    (behind ??= []).Add(new Lagging(name, entry.Followed));
            return behind ?? (IReadOnlyList<Lagging>)[];
        }
    }

    private void Pulse() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    // Asynchronous continuations: the daemon's loop that commits must not run the waiters' code.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
