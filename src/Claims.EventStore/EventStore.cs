using System.Runtime.CompilerServices;
using Claims.EventStore.Appending;
using Claims.EventStore.Events;
using Claims.EventStore.Projections;
using Claims.EventStore.Reading;
using Claims.EventStore.Schema;
using Claims.EventStore.Serialization;
using Claims.EventStore.Subscriptions;
using Npgsql;

namespace Claims.EventStore;

/// <summary>
/// The event store: streams of events in one PostgreSQL log. Append with an optimistic check, read a stream, read the
/// whole log in delivery order, follow it live. Inline projections run in the append's transaction; async ones in a
/// <see cref="Daemon.ProjectionDaemon"/>.
/// </summary>
public sealed class EventStore : IAsyncDisposable
{
    private readonly Appender _appender;
    private readonly bool _ownsDataSource;

    public EventStore(EventStoreOptions options) : this(options, NpgsqlDataSource.Create(options.ConnectionString), ownsDataSource: true) { }

    public EventStore(EventStoreOptions options, NpgsqlDataSource dataSource, bool ownsDataSource = false)
    {
        Schema = SqlIdentifier.Validate(options.Schema, "schema");
        foreach (var projection in options.InlineProjections) SqlIdentifier.Validate(projection.Name, "projection name");
        Options = options;
        DataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _appender = new Appender(Schema, options.EventTypes);
        Notifications = new NotificationListener(this, NotificationChannel);
    }

    public EventStoreOptions Options { get; }
    public NpgsqlDataSource DataSource { get; }
    public string Schema { get; }
    public EventTypeRegistry EventTypes => Options.EventTypes;
    public TimeSpan PollInterval => Options.PollInterval;
    public string NotificationChannel => Schema + "_events";
    internal NotificationListener Notifications { get; }
    internal int MaxApplyAttempts => 3;

    /// <summary>
    /// A connection outside the pool, for session state that must end exactly when the connection closes: a pooled
    /// connection returned to the pool keeps its server session — and its advisory locks and LISTENs — alive.
    /// </summary>
    internal async Task<NpgsqlConnection> OpenSessionAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(DataSource.ConnectionString) { Pooling = false, KeepAlive = 10 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The schema that holds a projection's live read model.</summary>
    public string ProjectionSchema(string projectionName) => $"{Schema}_{SqlIdentifier.Validate(projectionName, "projection name")}";

    /// <summary>Creates or upgrades the schema, then creates (or rebuilds, when their version changed) the inline projections.</summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await Migrator.MigrateAsync(DataSource, Schema, ct);
        var rebuilder = new Rebuilder(this);
        foreach (var projection in Options.InlineProjections)
            await rebuilder.EnsureCurrentAsync(projection, ProjectionLifecycle.Inline, ct);
    }

    /// <summary>
    /// Appends <paramref name="events"/> to <paramref name="streamId"/> atomically: all land or none do.
    /// Throws <see cref="WrongExpectedVersionException"/> when the stream is not where <paramref name="expected"/> says,
    /// <see cref="EventSerializationException"/> when an event cannot be serialised (before anything is sent).
    /// Appending event ids that are already stored (a retry) writes nothing and returns the original positions.
    /// </summary>
    public async Task<AppendResult> AppendAsync(string streamId, string streamType, ExpectedVersion expected,
        IReadOnlyList<NewEvent> events, CancellationToken ct = default)
    {
        var batch = Validate(streamId, streamType, events);
        if (batch is null) return await EmptyAppendAsync(streamId, ct);
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        if (Options.InlineProjections.Count == 0)
            return await _appender.AppendAsync(connection, streamId, streamType, expected, batch, ct); // one statement: atomic by itself

        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await AppendInTransactionAsync(connection, transaction, streamId, streamType, expected, batch, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Appends events in their stored form (type name, schema version, JSON), e.g. when replaying recorded streams.</summary>
    public async Task<AppendResult> AppendRawAsync(string streamId, string streamType, ExpectedVersion expected,
        IReadOnlyList<RawEvent> events, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamType);
        if (events.Count == 0) return await EmptyAppendAsync(streamId, ct);
        var batch = _appender.SerializeRaw(streamId, events);
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await AppendInTransactionAsync(connection, transaction, streamId, streamType, expected, batch, ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>Appends inside the caller's transaction (with the inline projections), so the caller's own writes commit with the events.</summary>
    public async Task<AppendResult> AppendAsync(NpgsqlTransaction transaction, string streamId, string streamType, ExpectedVersion expected,
        IReadOnlyList<NewEvent> events, CancellationToken ct = default)
    {
        var batch = Validate(streamId, streamType, events);
        if (batch is null) return await EmptyAppendAsync(streamId, ct);
        return await AppendInTransactionAsync(transaction.Connection!, transaction, streamId, streamType, expected, batch, ct);
    }

    private Appender.Serialized? Validate(string streamId, string streamType, IReadOnlyList<NewEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamType);
        ArgumentNullException.ThrowIfNull(events);
        return events.Count == 0 ? null : _appender.Serialize(streamId, events);
    }

    private async Task<AppendResult> EmptyAppendAsync(string streamId, CancellationToken ct)
    {
        var stream = await GetStreamAsync(streamId, ct);
        return new AppendResult(streamId, stream?.Version ?? 0, [], WasAlreadyStored: false);
    }

    private async Task<AppendResult> AppendInTransactionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string streamId, string streamType, ExpectedVersion expected, Appender.Serialized batch, CancellationToken ct)
    {
        var result = await _appender.AppendAsync(connection, streamId, streamType, expected, batch, ct);
        if (result.WasAlreadyStored) return result; // its inline effects were committed with the first append
        foreach (var projection in Options.InlineProjections)
            await ProjectionRunner.ApplyAsync(projection, result.Events, new ProjectionContext(connection, transaction, ProjectionSchema(projection.Name)), ct);
        return result;
    }

    /// <summary>Reads one stream forward from <paramref name="fromVersion"/> (1 = the first event).</summary>
    public async IAsyncEnumerable<StoredEvent> ReadStreamAsync(string streamId, long fromVersion = 1, int maxCount = int.MaxValue,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var e in ReadStreamCore(streamId, fromVersion, maxCount, backward: false, ct)) yield return e;
    }

    /// <summary>Reads one stream backward from <paramref name="fromVersion"/> (default: the last event).</summary>
    public async IAsyncEnumerable<StoredEvent> ReadStreamBackwardAsync(string streamId, long fromVersion = long.MaxValue, int maxCount = int.MaxValue,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var e in ReadStreamCore(streamId, fromVersion, maxCount, backward: true, ct)) yield return e;
    }

    private async IAsyncEnumerable<StoredEvent> ReadStreamCore(string streamId, long fromVersion, int maxCount, bool backward,
        [EnumeratorCancellation] CancellationToken ct)
    {
        const int page = 1000;
        var remaining = maxCount;
        var next = fromVersion;
        while (remaining > 0)
        {
            await using var command = DataSource.CreateCommand($"""
                select {EventRows.Columns} from {Schema}.events
                 where stream_id = $1 and stream_version {(backward ? "<=" : ">=")} $2
                 order by stream_version {(backward ? "desc" : "asc")} limit $3
                """);
            command.Parameters.Add(new() { Value = streamId });
            command.Parameters.Add(new() { Value = next });
            command.Parameters.Add(new() { Value = Math.Min(page, remaining) });
            var rows = await EventRows.ReadAllRows(command, EventTypes, ct);
            foreach (var row in rows) yield return row;
            if (rows.Count < Math.Min(page, remaining)) yield break;
            remaining -= rows.Count;
            next = backward ? rows[^1].StreamVersion - 1 : rows[^1].StreamVersion + 1;
        }
    }

    /// <summary>
    /// Reads the whole log after <paramref name="after"/> in delivery order, only as far as the visibility horizon:
    /// what this returns never gains an earlier neighbour later. Optionally only some event types or one stream.
    /// </summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadAllAsync(LogPosition after, int maxCount,
        IReadOnlyCollection<string>? types = null, string? streamId = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await using var connection = await DataSource.OpenConnectionAsync(ct);
        await using var command = DeliveryOrder.After(Schema, after, maxCount, types, streamId);
        command.Connection = connection;
        return await EventRows.ReadAllRows(command, EventTypes, ct);
    }

    /// <summary>
    /// Waits until the visibility horizon has passed <paramref name="position"/>, so that <see cref="ReadAllAsync"/> returns
    /// it. Right after an append that is usually at once; a transaction left open anywhere in the cluster delays it.
    /// </summary>
    public async Task WaitUntilDeliverableAsync(LogPosition position, CancellationToken ct = default)
    {
        if (position == LogPosition.Start) return;
        await using var command = DataSource.CreateCommand("select pg_snapshot_xmin(pg_current_snapshot()) > $1");
        command.Parameters.Add(new NpgsqlParameter { Value = position.TransactionId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Xid8 });
        while (!(bool)(await command.ExecuteScalarAsync(ct))!) await Task.Delay(5, ct);
    }

    /// <summary>Catch up from <paramref name="after"/>, then follow live; never ends until cancelled.</summary>
    public IAsyncEnumerable<StoredEvent> SubscribeAsync(LogPosition after, int batchSize = 500,
        IReadOnlyCollection<string>? types = null, string? streamId = null, CancellationToken ct = default) =>
        LogFollower.FollowAsync(this, after, batchSize, types, streamId, ct);

    /// <summary>
    /// Turns a public cursor (a plain position, 0 for the start) into its place in delivery order.
    /// Returns null when no event has that position.
    /// </summary>
    public async Task<LogPosition?> ResolvePositionAsync(long position, CancellationToken ct = default)
    {
        if (position == 0) return LogPosition.Start;
        await using var command = DataSource.CreateCommand($"select tx_id from {Schema}.events where position = $1");
        command.Parameters.Add(new() { Value = position });
        var result = await command.ExecuteScalarAsync(ct);
        return result is ulong tx ? new LogPosition(tx, position) : null;
    }

    /// <summary>The last event of the log in delivery order among those committed now (Start when the log is empty).</summary>
    public async Task<LogPosition> HeadAsync(CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand(
            $"select tx_id, position from {Schema}.events order by tx_id desc, position desc limit 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)) : LogPosition.Start;
    }

    public async Task<StreamInfo?> GetStreamAsync(string streamId, CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand(
            $"select id, type, version, created, archived from {Schema}.streams where id = $1 and version > 0");
        command.Parameters.Add(new() { Value = streamId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new StreamInfo(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4))
            : null;
    }

    /// <summary>Archived streams keep their events and can be read, but refuse new ones.</summary>
    public async Task ArchiveStreamAsync(string streamId, CancellationToken ct = default)
    {
        await using var command = DataSource.CreateCommand($"update {Schema}.streams set archived = true where id = $1");
        command.Parameters.Add(new() { Value = streamId });
        if (await command.ExecuteNonQueryAsync(ct) == 0) throw new InvalidOperationException($"Stream '{streamId}' does not exist.");
    }

    public async ValueTask DisposeAsync()
    {
        await Notifications.DisposeAsync();
        if (_ownsDataSource) await DataSource.DisposeAsync();
    }
}
