using System.Collections.Concurrent;
using Claims.EventStore.Events;
using Claims.EventStore.Projections;
using Claims.EventStore.Subscriptions;
using Npgsql;

namespace Claims.EventStore.Daemon;

/// <summary>
/// Runs async projections. Several processes may run a daemon over one store: each projection is owned by exactly one
/// of them at a time, through an <see cref="ExclusiveLease"/> (a session advisory lock on a dedicated connection). When the owner dies its
/// connection closes, the lock is released, and another daemon takes over at its next ownership retry.
/// Ownership is an efficiency measure only: correctness comes from the per-batch apply lock and checkpoint
/// (see ProjectionRunner), so even two owners by accident would not apply an event twice.
/// </summary>
public sealed class ProjectionDaemon : IAsyncDisposable
{
    // Polling the progress table, for projections this daemon does not run: from the old fixed 20 ms, backing off.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(250);

    private readonly EventStore _store;
    private readonly IReadOnlyList<IProjection> _projections;
    private readonly DaemonOptions _options;
    private readonly ProjectionRunner _runner;
    private readonly ConcurrentDictionary<string, bool> _owned = new();
    private readonly ProjectionCheckpoints _checkpoints;
    private CancellationTokenSource? _stop;
    private List<Task> _loops = [];

    public ProjectionDaemon(EventStore store, IEnumerable<IProjection> projections, DaemonOptions? options = null)
    {
        _store = store;
        _projections = projections.ToList();
        foreach (var p in _projections) Schema.SqlIdentifier.Validate(p.Name, "projection name");
        if (_projections.Select(p => p.Name).Distinct().Count() != _projections.Count)
            throw new ArgumentException("Two projections share a name.", nameof(projections));
        _options = options ?? new DaemonOptions();
        _checkpoints = new ProjectionCheckpoints(_projections.Select(p => p.Name));
        _runner = new ProjectionRunner(store, _checkpoints.Observe);
    }

    public IReadOnlyList<IProjection> Projections => _projections;

    /// <summary>The projections this daemon currently owns.</summary>
    public IReadOnlyCollection<string> Owned => _owned.Where(o => o.Value).Select(o => o.Key).ToList();

    public Task StartAsync(CancellationToken ct = default)
    {
        if (_stop is not null) throw new InvalidOperationException("The daemon is already running.");
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _loops = _projections.Select(p => Task.Run(() => OwnAndRunAsync(p, _stop.Token))).ToList();
        return Task.CompletedTask;
    }

    public async Task StopAsync()
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        await Task.WhenAll(_loops);
        _stop.Dispose();
        _stop = null;
        _owned.Clear();
    }

    /// <summary>Rebuilds one projection from the start of the log while its old read model keeps serving.</summary>
    public Task RebuildAsync(string projectionName, CancellationToken ct = default)
    {
        var projection = _projections.SingleOrDefault(p => p.Name == projectionName)
                         ?? throw new ArgumentException($"No async projection is named '{projectionName}'. Known: {string.Join(", ", _projections.Select(p => p.Name))}.", nameof(projectionName));
        return new Rebuilder(_store).RebuildAsync(projection, ProjectionLifecycle.Async, ct);
    }

    /// <summary>Waits until every projection has applied the log as it stands now (the head at the time of the call).</summary>
    public async Task WaitForNonStaleAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var head = await _store.HeadAsync(CancellationToken.None); // never cancel an in-flight command (see ProjectionRunner.RunBatchAsync)
        await WaitForPositionAsync(head, timeout, ct);
    }

    /// <summary>
    /// Waits until every projection's committed checkpoint has reached <paramref name="target"/>; throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/>. Projections this daemon runs wake the wait when
    /// they commit (no SQL); for the others — owned by another process, or being created or rebuilt at start — the
    /// progress table is polled, backing off from 20 ms.
    /// </summary>
    public async Task WaitForPositionAsync(LogPosition target, TimeSpan timeout, CancellationToken ct = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        var poll = FirstPoll;
        while (true)
        {
            var changed = _checkpoints.NextChange(); // before reading: a commit in between still wakes us
            var behind = _checkpoints.Behind(target);
            if (behind.Count == 0) return;
            var wake = changed;
            if (behind.Any(b => !b.Followed))
            {
                ct.ThrowIfCancellationRequested();
                foreach (var status in await ProjectionProgress.ReadAsync(_store, CancellationToken.None))
                    _checkpoints.Observe(status.Name, status.Checkpoint);
                if (_checkpoints.Behind(target).Count == 0) return;
                wake = Task.WhenAny(changed, Task.Delay(poll, deadline.Token));
                poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
            }
            try
            {
                await wake.WaitAsync(deadline.Token);
                deadline.Token.ThrowIfCancellationRequested(); // the poll delay ends (cancelled) at the deadline too
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                var late = _checkpoints.Behind(target).Select(b => b.Name);
                throw new TimeoutException($"Projections not caught up with position {target} after {timeout}: {string.Join(", ", late)}.");
            }
        }
    }

    private async Task OwnAndRunAsync(IProjection projection, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var ownership = await ExclusiveLease.TryAcquireAsync(_store, projection.Name);
                if (ownership is null)
                {
                    await Task.Delay(_options.OwnershipRetry, stop);
                    continue;
                }
                _owned[projection.Name] = true;
                await new Rebuilder(_store).EnsureCurrentAsync(projection, ProjectionLifecycle.Async, stop);
                await RunWhileOwnedAsync(projection, ownership, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _options.OnError?.Invoke(projection.Name, e);
                try { await Task.Delay(_options.OwnershipRetry, stop); } catch (OperationCanceledException) { return; }
            }
            finally
            {
                _owned[projection.Name] = false;
            }
        }
    }

    private async Task RunWhileOwnedAsync(IProjection projection, ExclusiveLease ownership, CancellationToken stop)
    {
        _checkpoints.SetFollowed(projection.Name, true);
        try
        {
            await FollowAsync(projection, ownership, stop);
        }
        finally
        {
            _checkpoints.SetFollowed(projection.Name, false); // waiters fall back to the progress table
        }
    }

    private async Task FollowAsync(IProjection projection, ExclusiveLease ownership, CancellationToken stop)
    {
        var backoff = TimeSpan.Zero;
        var lastHeartbeat = DateTime.UtcNow;
        while (!stop.IsCancellationRequested)
        {
            var signal = _store.Notifications.NextSignal();
            var applied = await _runner.RunBatchAsync(projection, _store.ProjectionSchema(projection.Name), projection.Name, _options.BatchSize, stop);
            if (applied == _options.BatchSize) continue;
            backoff = await LogFollower.WaitForMoreAsync(_store, signal, backoff, applied > 0, stop);

            // The lease's connection is otherwise idle: check now and then that it (and so the lock) is still there.
            if (DateTime.UtcNow - lastHeartbeat > _options.OwnershipRetry)
            {
                await ownership.RenewAsync();
                lastHeartbeat = DateTime.UtcNow;
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
