using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Claims.Bench.Ingest;

/// <summary>SQL round trips of one part of the app (the event store, one projection, the bench itself): how many, and how long.</summary>
public sealed record SqlShare(string Part, long Commands, double Milliseconds);

/// <summary>
/// Counts the SQL commands this process sends, and their time, from Npgsql's own tracing (its "Npgsql" ActivitySource) —
/// no change to src/. A command is charged to the part whose schema it names: "&lt;schema&gt;_&lt;projection&gt;." is that
/// projection, "&lt;schema&gt;." the event store (its progress reads counted apart: they are the read-your-writes polls). Round trips per article is the figure to watch: each costs a network
/// wait and a context switch, on a 2-core machine shared with the database.
/// </summary>
public sealed partial class SqlTracer : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, (long Commands, double Milliseconds)> _parts = new(StringComparer.Ordinal);
    private readonly Regex _part;

    public SqlTracer(string schema)
    {
        _part = new Regex($@"\b{Regex.Escape(schema)}(?:_(?<projection>[a-z_]+))?\.", RegexOptions.Compiled);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private void Record(Activity activity)
    {
        var sql = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var match = _part.Match(sql);
        var part = !match.Success ? "other (bench sampler, locks)"
            : match.Groups["projection"].Success ? $"projection {match.Groups["projection"].Value}"
            // ProjectionProgress.ReadAsync: what read-your-writes polls every 20 ms per waiting request (and /health reads).
            : sql.StartsWith("select name, tx_id, position, version, updated from", StringComparison.Ordinal) ? "progress polls (read-your-writes, /health)"
            : "event store";
        _parts.AddOrUpdate(part, (1, activity.Duration.TotalMilliseconds), (_, t) => (t.Commands + 1, t.Milliseconds + activity.Duration.TotalMilliseconds));
    }

    public IReadOnlyList<SqlShare> Shares() =>
        _parts.Select(p => new SqlShare(p.Key, p.Value.Commands, p.Value.Milliseconds)).OrderByDescending(p => p.Commands).ToList();

    public void Dispose() => _listener.Dispose();
}
