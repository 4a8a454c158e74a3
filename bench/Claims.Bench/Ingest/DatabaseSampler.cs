using System.Diagnostics;
using Npgsql;

namespace Claims.Bench.Ingest;

/// <summary>How far one projection fell behind the log during a run, and how fast it applied events meanwhile.</summary>
public sealed record ProjectionTrace(string Name, long MaxLag, double AppliedPerSecond);

/// <summary>
/// A poor man's profiler for the database side of an ingest (no pg_stat_statements without shared_preload_libraries):
/// every 100 ms it samples the statements that are running (pg_stat_activity), and every 500 ms the log's head and each
/// projection's checkpoint. The statement counts say where the database spends its time; the checkpoints say which
/// projection holds the read-your-writes wait.
/// </summary>
public sealed class DatabaseSampler : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Dictionary<string, int> _statements = new(StringComparer.Ordinal);
    private readonly List<(double Seconds, long Head, Dictionary<string, long> Checkpoints)> _progress = [];
    private int _samples;

    public DatabaseSampler(NpgsqlDataSource dataSource, string schema)
    {
        _dataSource = dataSource;
        _schema = schema;
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        var clock = Stopwatch.StartNew();
        var tick = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await SampleStatementsAsync();
                if (tick++ % 5 == 0) await SampleProgressAsync(clock.Elapsed.TotalSeconds);
                await Task.Delay(100, _stop.Token);
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task SampleStatementsAsync()
    {
        await using var command = _dataSource.CreateCommand("""
            select left(regexp_replace(query, '\s+', ' ', 'g'), 110) from pg_stat_activity
             where state = 'active' and pid <> pg_backend_pid() and datname = current_database()
            """);
        await using var reader = await command.ExecuteReaderAsync();
        _samples++;
        while (await reader.ReadAsync())
        {
            var query = reader.IsDBNull(0) ? "?" : reader.GetString(0);
            _statements[query] = _statements.GetValueOrDefault(query) + 1;
        }
    }

    private async Task SampleProgressAsync(double seconds)
    {
        await using var command = _dataSource.CreateCommand($"""
            select name, position, (select coalesce(max(position), 0) from {_schema}.events) from {_schema}.progress where name not like '%\_\_%'
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var checkpoints = new Dictionary<string, long>();
        long head = 0;
        while (await reader.ReadAsync())
        {
            checkpoints[reader.GetString(0)] = reader.GetInt64(1);
            head = reader.GetInt64(2);
        }
        _progress.Add((seconds, head, checkpoints));
    }

    /// <summary>The statements seen running most often: (statement, share of samples in which it was running).</summary>
    public IReadOnlyList<(string Statement, double Share)> TopStatements(int count) =>
        _statements.OrderByDescending(s => s.Value).Take(count).Select(s => (s.Key, (double)s.Value / Math.Max(1, _samples))).ToList();

    /// <summary>Per projection: the largest lag sampled, and the events it applied per second while it had any lag.</summary>
    public IReadOnlyList<ProjectionTrace> Projections()
    {
        var names = _progress.SelectMany(p => p.Checkpoints.Keys).Distinct().Order(StringComparer.Ordinal);
        return names.Select(name =>
        {
            var seen = _progress.Where(p => p.Checkpoints.ContainsKey(name)).ToList();
            var maxLag = seen.Count == 0 ? 0 : seen.Max(p => Math.Max(0, p.Head - p.Checkpoints[name]));
            double busySeconds = 0, applied = 0;
            for (var i = 1; i < seen.Count; i++)
                if (seen[i - 1].Head > seen[i - 1].Checkpoints[name])
                {
                    busySeconds += seen[i].Seconds - seen[i - 1].Seconds;
                    applied += seen[i].Checkpoints[name] - seen[i - 1].Checkpoints[name];
                }
            return new ProjectionTrace(name, maxLag, busySeconds > 0 ? applied / busySeconds : double.NaN);
        }).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
