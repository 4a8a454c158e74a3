using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Marten.Services;
using Npgsql;

namespace Claims.Domain.Projections.Running;

/// <summary>
/// Runs an <see cref="ITableProjection"/> as a Marten projection. Marten hands <see cref="ApplyAsync"/> a page of events and
/// writes what the session queued, then Marten's progress row, in one transaction. Our SQL both reads and writes its own
/// tables, and reads made through the session would use another connection that cannot see the batch's own writes; so
/// the events are handed to an <see cref="ITransactionParticipant"/>, which Marten runs on the batch's connection and
/// transaction just before commit. A failure there rolls back the batch, progress included, and Marten retries it.
/// </summary>
public sealed class TableProjection(ITableProjection projection, string schema) : IProjection
{
    public ITableProjection Projection { get; } = projection;

    /// <summary>The schema this version of the projection writes and readers of this version read.</summary>
    public string Schema { get; } = schema;

    /// <summary>Marten's name of the one shard of this projection (what its progress row and dead letters are filed under).</summary>
    public ShardName ShardName => new(Projection.Name, ShardName.All, (uint)Projection.Version);

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0) return Task.CompletedTask;
        if (operations is not ITransactionParticipantRegistrar registrar)
            throw new InvalidOperationException($"Projection '{Projection.Name}' runs only as an async projection (its SQL needs the daemon's batch transaction).");
        registrar.AddTransactionParticipant(new Batch(this, operations.DocumentStore, events));
        return Task.CompletedTask;
    }

    /// <summary>
    /// One batch, applied whole under a savepoint. Marten can skip a poisoned event only when the projection fails while
    /// the batch is being built, and ours fail later, at commit; so when the batch fails on its data, it is applied again in
    /// halves under savepoints down to the one event that fails, which goes to Marten's dead letters (mt_doc_deadletterevent)
    /// in the same transaction as everything else: recorded, passed over, never silently dropped. A failure of the
    /// connection itself is not the data's fault: it fails the batch and Marten retries it.
    /// </summary>
    private sealed class Batch(TableProjection owner, IDocumentStore store, IReadOnlyList<IEvent> events) : ITransactionParticipant
    {
        public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
        {
            var context = new ProjectionContext(connection, transaction, owner.Schema);
            if (events.Count <= LiveBatch) context.Enqueue(IndexLookupsOnly);
            await ApplyIsolatingAsync(events, context, token);
        }

        /// <summary>
        /// A live batch (a few articles) looks up the few keys it touches through indexes. The planner hashes a whole table
        /// instead (a sequential scan, every batch) whenever its statistics say the table is small, and in a read model that
        /// grows with every batch they always lag: seen with auto_explain on a live ingest, where batch after batch hashed all
        /// of strike_places, roles, articles or incident_members, so each batch cost more as the read models grew. Without
        /// hash and merge joins it probes the indexes, whatever it believes about sizes; for this transaction only (Marten's
        /// own statements in it are lookups by key too). Sequential scans go too, for the same lag: the review queue's refresh
        /// and the stale flags' reset scanned the contradictions whole (pg_stat_statements, quick ingest alternated five times
        /// with it on: the contradictions read model's PostgreSQL time 6.13 → 5.71 ms an article; the queue refresh statements
        /// 0.71 → 0.29 and 0.34 → 0.04 ms an article in one pair). A statement with no index to use still scans. A page of a
        /// rebuild touches thousands of keys, where hashing can be the better plan, so pages that large keep the planner's
        /// choice (forced to probe, one 100 000-event rebuild of the contradictions ran at 3 298 events/s against 5 351
        /// without; on a machine too busy that hour to settle it).
        /// Queued, so that it travels with the batch's first statements instead of costing a round trip of its own.
        /// </summary>
        private static readonly (string, object?[])?[] IndexLookupsOnly =
            [("set local enable_hashjoin = off", []), ("set local enable_mergejoin = off", []), ("set local enable_seqscan = off", [])];

        /// <summary>Most events a batch holds to be planned as a live one (<see cref="IndexLookupsOnly"/>): some thirty articles.</summary>
        private const int LiveBatch = 1_000;

        // The savepoint and its release are queued like any write, so they cost no round trip of their own. On a failure the
        // slice's unsent statements are dropped, and the rollback goes at once when the savepoint reached the server; when
        // nothing was sent there is nothing to undo (what was queued before the savepoint stays queued).
        private async Task ApplyIsolatingAsync(IReadOnlyList<IEvent> slice, ProjectionContext context, CancellationToken token)
        {
            const string savepoint = "claims_projection_slice";
            var mark = context.Queued;
            context.Enqueue(($"savepoint {savepoint}", []));
            var sentBefore = context.RoundTrips;
            try
            {
                await owner.Projection.ApplyAsync(slice, context, token);
                context.Enqueue(($"release savepoint {savepoint}", []));
                await context.FlushAsync(token);
                return;
            }
            catch (Exception e) when (IsTheDatas(e, token))
            {
                var sent = context.RoundTrips > sentBefore;
                context.Discard(sent ? 0 : mark);
                if (sent) await context.ExecuteAsync($"rollback to savepoint {savepoint}", token);
                if (slice.Count == 1)
                {
                    await RecordDeadLetterAsync(slice[0], e, context.Transaction, token);
                    return;
                }
            }
            var half = slice.Count / 2;
            await ApplyIsolatingAsync(slice.Take(half).ToList(), context, token);
            await ApplyIsolatingAsync(slice.Skip(half).ToList(), context, token);
        }

        private async Task RecordDeadLetterAsync(IEvent poisoned, Exception error, NpgsqlTransaction transaction, CancellationToken token)
        {
            // A session enlisted in the batch's transaction: it writes Marten's own dead-letter document and leaves the
            // transaction open (it does not own it).
            await using var session = store.LightweightSession(SessionOptions.ForTransaction(transaction));
            session.Store(new DeadLetterEvent(poisoned, owner.ShardName, new ApplyEventException(poisoned, error)));
            await session.SaveChangesAsync(token);
        }

        private static bool IsTheDatas(Exception e, CancellationToken token) =>
            !token.IsCancellationRequested && e is not OperationCanceledException
            && (e is PostgresException || e is not (NpgsqlException or System.Net.Sockets.SocketException or TimeoutException));
    }

    /// <summary>Most events in one batch (rebuilds and catching up go by pages of this size).</summary>
    public const int BatchSize = 5000;

    /// <summary>The schema of one version of a projection: "&lt;store schema&gt;_&lt;name&gt;_v&lt;version&gt;".</summary>
    public static string SchemaFor(string storeSchema, ITableProjection projection) => $"{storeSchema}_{projection.Name}_v{projection.Version}";

    /// <summary>Registers the projection as an async Marten projection under its name and version, loading only its event
    /// types, with its tables emptied when Marten rebuilds it.</summary>
    public static TableProjection Register(StoreOptions options, ITableProjection projection)
    {
        var adapter = new TableProjection(projection, SchemaFor(options.DatabaseSchemaName, projection));
        var wrapper = new ProjectionWrapper<IDocumentOperations, IQuerySession>(adapter, ProjectionLifecycle.Async)
        {
            Name = projection.Name,
            Version = (uint)projection.Version,
        };
        foreach (var type in projection.EventTypes) wrapper.IncludeType(type);
        options.Projections.Add(wrapper, ProjectionLifecycle.Async, o =>
        {
            // A batch costs a fixed number of round trips whatever its size, so the fewer and fuller the batches the better.
            // Marten pages at most BatchSize events, and keeps loading the next page while earlier ones wait (its hopper):
            // under live load, with LISTEN/NOTIFY waking it on every commit, that queues one small page per commit, each
            // applied as a batch of its own. With a hopper of one event it loads only once the previous page is applied,
            // so whatever arrived meanwhile goes in one page: batches grow with the load instead of staying one article.
            o.BatchSize = BatchSize;
            o.MaximumHopperSize = 1;
            foreach (var table in projection.Tables) o.DeleteDataInTableOnTeardown($"{adapter.Schema}.{table}");
        });
        return adapter;
    }
}
