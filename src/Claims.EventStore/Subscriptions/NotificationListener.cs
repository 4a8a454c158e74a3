using Npgsql;

namespace Claims.EventStore.Subscriptions;

/// <summary>
/// One LISTEN connection per store, shared by every live reader in the process. A notification only says "something
/// committed": readers still read the log in delivery order, so a lost or late notification costs latency (the poll
/// interval at worst), never an event.
/// </summary>
internal sealed class NotificationListener(EventStore store, string channel) : IAsyncDisposable
{
    private static readonly TimeSpan StopCheckInterval = TimeSpan.FromMilliseconds(200);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _signal = NewSignal();
    private Task? _loop;
    private readonly Lock _startLock = new();

    /// <summary>
    /// Completes at the next notification. Take it BEFORE reading the log: a notification that arrives between the
    /// read and the wait then still wakes the reader.
    /// </summary>
    public Task NextSignal()
    {
        EnsureStarted();
        return Volatile.Read(ref _signal).Task;
    }

    private void EnsureStarted()
    {
        if (_loop is not null) return;
        lock (_startLock) _loop ??= Task.Run(ListenLoop);
    }

    private async Task ListenLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.OpenSessionAsync(_stop.Token);
                connection.Notification += (_, _) => Pulse();
                await using (var listen = new NpgsqlCommand($"listen {channel}", connection))
                    await listen.ExecuteNonQueryAsync(_stop.Token);
                Pulse(); // anything committed while we were not listening must be looked for
                // Timed waits, not a cancelled one: cancelling WaitAsync can deadlock (npgsql/npgsql#5975), and a
                // listener that never stops would hang every shutdown.
                while (!_stop.IsCancellationRequested) await connection.WaitAsync(StopCheckInterval, CancellationToken.None);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Readers fall back to polling meanwhile; try again shortly.
                Pulse();
                try { await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private void Pulse() => Interlocked.Exchange(ref _signal, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
        Pulse();
    }
}
