using Claims.EventStore.Events;
using Npgsql;
using NpgsqlTypes;

namespace Claims.EventStore.Reading;

/// <summary>
/// The SQL of the never-skip guarantee. PostgreSQL hands out positions before commit, so a transaction that took
/// position 10 may commit after the one that took 11. A reader therefore only takes events written by transactions
/// below the visibility horizon — pg_snapshot_xmin(pg_current_snapshot()), the oldest transaction still running —
/// because every such transaction has finished: its events are all visible now or never will be. Among those it
/// reads in (tx_id, position) order, a total order into which no later commit can insert below the horizon.
/// No clock, no timeout, no gap skipping: a transaction held open for an hour holds readers for an hour (the lag shows
/// in /health) and loses nothing.
/// </summary>
internal static class DeliveryOrder
{
    /// <param name="respectHorizon">False only when the caller holds a SHARE lock on the events table, so that no writer is in flight.</param>
    public static NpgsqlCommand After(string schema, LogPosition checkpoint, int limit,
        IReadOnlyCollection<string>? types = null, string? streamId = null, bool respectHorizon = true)
    {
        var command = new NpgsqlCommand($"""
            select {EventRows.Columns}
              from {schema}.events
             where (tx_id, position) > ($1, $2)
               {(respectHorizon ? "and tx_id < pg_snapshot_xmin(pg_current_snapshot())" : "")}
               {(types is null ? "" : "and type = any($4)")}
               {(streamId is null ? "" : "and stream_id = $5")}
             order by tx_id, position
             limit $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.TransactionId, NpgsqlDbType = NpgsqlDbType.Xid8 });
        command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Position });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)types?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }
}
