using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Claims.Domain.Projections.Running;

/// <summary>One projection's place in the log, as Marten's progress table has it.</summary>
public sealed record ProjectionPlace(string Name, long Sequence);

/// <summary>The log's head and high-water mark and each read model's progress, read from the database (mt_event_progression),
/// so any process, with or without the daemon, sees the progress of whichever process runs it.</summary>
public sealed class ProjectionProgress(IDocumentStore store, NpgsqlDataSource dataSource, IReadOnlyList<TableProjection> projections,
    Func<ShardStateTracker?>? localDaemon = null)
{
    public const string HighWaterMarkName = "HighWaterMark";

    private string Schema => store.Options.Events.DatabaseSchemaName;

    public async Task<long> HeadAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"select coalesce(max(seq_id), 0) from {Schema}.mt_events");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The high-water mark: the daemon has seen every event up to it committed (0 before the daemon first ran).</summary>
    public Task<long> HighWaterMarkAsync(CancellationToken ct = default) => HighWaterMarkAsync(dataSource, Schema, ct);

    /// <summary>SQL: the high-water mark (0 before the daemon first ran) in the store of Marten schema <paramref name="schema"/>,
    /// with the mark's row name (<see cref="HighWaterMarkName"/>) as parameter <paramref name="nameParameter"/>; for
    /// statements that read the mark together with the events below it, in one snapshot.</summary>
    public static string HighWaterMarkSql(string schema, string nameParameter) =>
        $"select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name = {nameParameter}";

    /// <summary>The high-water mark in the store of Marten schema <paramref name="schema"/>, for readers without a store.</summary>
    public static async Task<long> HighWaterMarkAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(HighWaterMarkSql(schema, "$1"));
        command.Parameters.Add(new NpgsqlParameter { Value = HighWaterMarkName });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private long _placeReads;

    /// <summary>How many times this process read the read models' progress rows (<see cref="PlacesAsync"/>).</summary>
    public long PlaceReads => Interlocked.Read(ref _placeReads);

    /// <summary>Each read model of this process's versions with the sequence its progress row stands at (0 when it has none yet).</summary>
    public async Task<IReadOnlyList<ProjectionPlace>> PlacesAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _placeReads);
        var states = await store.Advanced.AllProjectionProgress(token: ct);
        // Matched by the shard's own name (TableProjection.ShardName: name, version, "All"), as Marten writes it.
        var sequences = states.ToDictionary(s => s.ShardName, s => s.Sequence, StringComparer.Ordinal);
        return projections.Select(p => new ProjectionPlace(p.Projection.Name, sequences.GetValueOrDefault(p.ShardName.Identity))).ToList();
    }

    /// <summary>Waits until every read model has applied the log as it stands at the call (its head then). When this process
    /// runs the daemon, its shard tracker says so the moment a batch commits; the progress table, polled on a short doubling
    /// backoff, covers a daemon in another process (or one that stopped here). Not Marten's WaitForNonStaleProjectionDataAsync:
    /// that waits for every shard, subscriptions included (a relay to a broker that is down would hold a read-your-writes
    /// wait), and throws on an empty log.</summary>
    public async Task WaitForAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var head = await HeadAsync(ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        try
        {
            var tracker = LocalTracker();
            // With a tracker here the poll is only the safety net (a daemon that moved to another process), so it starts
            // late and stays slow: at 50 ms, every waiting POST read Marten's progress table about four times (5 700
            // reads for 1 400 articles in the ingest benchmark) for answers the tracker had already given.
            var polled = tracker is null
                ? PollAsync(head, firstAfter: TimeSpan.Zero, pause: TimeSpan.FromMilliseconds(2), longest: TimeSpan.FromMilliseconds(50), done.Token)
                : PollAsync(head, firstAfter: SafetyNet, pause: SafetyNet, longest: SafetyNet, done.Token);
            if (tracker is not null)
            {
                var tracked = Task.WhenAll(projections.Select(p => Observed(tracker.WaitForShardState(p.ShardName, head, timeout)).WaitAsync(done.Token)));
                if (await Task.WhenAny(polled, tracked) == tracked && tracked.IsCompletedSuccessfully) return;
            }
            await polled;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var behind = (await PlacesAsync(ct)).Where(p => p.Sequence < head).Select(p => p.Name).ToList();
            throw new TimeoutException($"Read models not caught up with sequence {head} after {timeout}: {string.Join(", ", behind)}.");
        }
        finally
        {
            await done.CancelAsync();
        }
    }

    // A watcher whose wait is abandoned (the poll answered, or the caller left) may still time out later: its failure is
    // read here so that it never surfaces as an unobserved task exception.
    private static Task<ShardState> Observed(Task<ShardState> watcher)
    {
        _ = watcher.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return watcher;
    }

    private static readonly TimeSpan SafetyNet = TimeSpan.FromMilliseconds(500);

    private async Task PollAsync(long head, TimeSpan firstAfter, TimeSpan pause, TimeSpan longest, CancellationToken ct)
    {
        if (firstAfter > TimeSpan.Zero) await Task.Delay(firstAfter, ct);
        while ((await PlacesAsync(ct)).Any(p => p.Sequence < head))
        {
            await Task.Delay(pause, ct);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, longest.TotalMilliseconds));
        }
    }

    /// <summary>This process's daemon's shard tracker, when it runs every read model here.</summary>
    private ShardStateTracker? LocalTracker()
    {
        try
        {
            var tracker = localDaemon?.Invoke();
            return tracker is not null && projections.All(p => tracker.CurrentState(p.ShardName) is not null) ? tracker : null;
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            return null; // no daemon in this process
        }
    }

    /// <summary>What holds the high-water mark back, when something does: the oldest transaction still open in the database.</summary>
    public async Task<string?> OldestOpenTransactionAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand("""
            select pid, extract(epoch from now() - xact_start)::float8, left(query, 80) from pg_stat_activity
             where backend_xid is not null and pid <> pg_backend_pid() order by xact_start limit 1
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return $"transaction of backend {reader.GetInt32(0)} open for {reader.GetDouble(1):0.0} s ({reader.GetString(2)})";
    }
}
