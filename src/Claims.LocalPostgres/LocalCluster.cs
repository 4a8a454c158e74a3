using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Npgsql;

namespace Claims.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster we create and run ourselves with initdb/pg_ctl: throwaway ones for tests
/// (fast and unsafe: no fsync), a persistent one for the CLI (real data: fsync on).
/// Layout of <see cref="RootDirectory"/>: data/ (the cluster), socket/ (unix socket), port, server.log.
/// </summary>
public sealed partial class LocalCluster : IAsyncDisposable
{
    private const string ThrowawayPrefix = "claims-pg-";
    private const string OwnerFileName = "owner.pid";
    private const string PortFileName = "port";
    private static readonly TimeSpan ProgramTimeout = TimeSpan.FromMinutes(2);
    private static readonly ConcurrentDictionary<LocalCluster, byte> RunningThrowaways = new();
    private static int _staleSweepDone;

    private readonly PostgresBinaries _binaries;
    private int _disposed;

    static LocalCluster()
    {
        // Safety net: a test run that ends without disposing (crash, Ctrl-C, forgotten fixture)
        // must not leave servers running and temp folders behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAllThrowawaysNow();
    }

    private LocalCluster(PostgresBinaries binaries, string rootDirectory, int port, bool isThrowaway)
    {
        _binaries = binaries;
        RootDirectory = rootDirectory;
        Port = port;
        IsThrowaway = isThrowaway;
    }

    public string RootDirectory { get; }
    public string DataDirectory => DataDirectoryOf(RootDirectory);
    public string SocketDirectory => Path.Combine(RootDirectory, "socket");
    public string LogFile => Path.Combine(RootDirectory, "server.log");
    public int Port { get; }
    public bool IsThrowaway { get; }

    /// <summary>Connection string to the `postgres` database as the `postgres` superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Default folder of the CLI's persistent cluster.</summary>
    public static string DefaultPersistentDirectory =>
        CurrentUser.IsRoot
            // The postgres user cannot enter /root, where LocalApplicationData points for root.
            ? "/var/lib/claims/postgres"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "claims", "postgres");

    /// <summary>Creates the database (from template0, UTF8) and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
            throw new ArgumentException($"Database name '{name}' is not allowed: use 1-63 lowercase letters, digits or '_', starting with a letter or '_'.", nameof(name));
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>A fresh cluster in a temp folder, for tests; disposing it stops it and deletes the folder.</summary>
    public static async Task<LocalCluster> StartThrowawayAsync(CancellationToken cancellationToken = default)
    {
        var binaries = PostgresBinaries.Find() ?? throw new PostgresNotFoundException();
        await SweepStaleThrowawaysOnceAsync().ConfigureAwait(false);

        var root = Directory.CreateTempSubdirectory(ThrowawayPrefix).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, OwnerFileName), Environment.ProcessId.ToString(), cancellationToken).ConfigureAwait(false);
            await InitializeAsync(binaries, root, durable: false).ConfigureAwait(false);
            var port = await StartServerAsync(binaries, root, preferredPort: null, cancellationToken).ConfigureAwait(false);
            var cluster = new LocalCluster(binaries, root, port, isThrowaway: true);
            RunningThrowaways[cluster] = 0;
            return cluster;
        }
        catch
        {
            await StopAndDeleteAsync(binaries, root).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The CLI's cluster in <paramref name="rootDirectory"/> (default <see cref="DefaultPersistentDirectory"/>):
    /// created when absent, started when stopped (on the port recorded in the folder while it is free),
    /// reused when running. It stays running after the process ends; disposing does not stop it.
    /// </summary>
    public static async Task<LocalCluster> StartPersistentAsync(string? rootDirectory = null, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        log ??= Console.Error.WriteLine;
        var binaries = PostgresBinaries.Find() ?? throw new PostgresNotFoundException();
        if (rootDirectory is null)
        {
            rootDirectory = DefaultPersistentDirectory;
            if (CurrentUser.IsRoot)
                log($"Running as root: the postgres user cannot enter /root, so the Claims database lives in {rootDirectory}.");
        }
        var root = Path.GetFullPath(rootDirectory);
        var portFile = Path.Combine(root, PortFileName);

        if (!File.Exists(Path.Combine(DataDirectoryOf(root), "PG_VERSION")))
        {
            log($"Creating the Claims PostgreSQL cluster in {root}.");
            Directory.CreateDirectory(root);
            await InitializeAsync(binaries, root, durable: true).ConfigureAwait(false);
        }

        var runningPort = await RunningPortAsync(binaries, root, portFile).ConfigureAwait(false);
        if (runningPort is { } alreadyRunning)
            return new LocalCluster(binaries, root, alreadyRunning, isThrowaway: false);

        int? recorded = File.Exists(portFile) && int.TryParse(await File.ReadAllTextAsync(portFile, cancellationToken).ConfigureAwait(false), out var p) ? p : null;
        var port = await StartServerAsync(binaries, root, recorded, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(portFile, port.ToString(), cancellationToken).ConfigureAwait(false);
        log($"PostgreSQL for Claims is running on 127.0.0.1:{port} (data in {DataDirectoryOf(root)}).");
        return new LocalCluster(binaries, root, port, isThrowaway: false);
    }

    /// <summary>Stops the server (fast shutdown), for the persistent cluster; throwaways use DisposeAsync.</summary>
    public async Task StopAsync()
    {
        var stop = await CommandRunner.RunAsServerUserAsync(_binaries.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "stop"], ProgramTimeout).ConfigureAwait(false);
        if (!stop.Succeeded)
            throw new InvalidOperationException($"Could not stop PostgreSQL in {DataDirectory}: {stop.Output}");
    }

    /// <summary>Starts a stopped cluster again on the port it had (tests of a database outage: clients keep their
    /// connection strings).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var port = await StartServerAsync(_binaries, RootDirectory, Port, cancellationToken).ConfigureAwait(false);
        if (port != Port)
        {
            await StopAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"PostgreSQL in {DataDirectory} came back on port {port}, not {Port} (the port was taken meanwhile).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsThrowaway || Interlocked.Exchange(ref _disposed, 1) == 1) return;
        RunningThrowaways.TryRemove(this, out _);
        await StopAndDeleteAsync(_binaries, RootDirectory).ConfigureAwait(false);
    }

    private static string DataDirectoryOf(string root) => Path.Combine(root, "data");

    private static async Task InitializeAsync(PostgresBinaries binaries, string root, bool durable)
    {
        var data = DataDirectoryOf(root);
        var socket = Path.Combine(root, "socket");
        Directory.CreateDirectory(socket);
        await CommandRunner.GiveToServerUserAsync(root).ConfigureAwait(false);

        List<string> arguments = ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", $"--locale={await BestLocaleAsync().ConfigureAwait(false)}"];
        if (!durable) arguments.Add("--no-sync");
        var initdb = await CommandRunner.RunAsServerUserAsync(binaries.InitDb, arguments, ProgramTimeout).ConfigureAwait(false);
        if (!initdb.Succeeded)
            throw new InvalidOperationException($"initdb failed ({CommandRunner.Describe(binaries.InitDb, arguments)}):\n{initdb.Output}");

        var settings = new List<string>
        {
            "",
            "# Added by Claims.LocalPostgres",
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{socket}'",
            "max_connections = 200",
        };
        if (!durable)
        {
            // Test data is thrown away: durability only costs time.
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        }
        await File.AppendAllLinesAsync(Path.Combine(data, "postgresql.conf"), settings).ConfigureAwait(false);
    }

    // C.UTF-8 classifies accented letters (lower('É') = 'é'), which French text needs; plain C is the fallback.
    private static async Task<string> BestLocaleAsync()
    {
        var locales = await CommandRunner.RunAsync("locale", ["-a"], TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        var available = locales.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return locales.Succeeded && available.Any(l => l.Equals("C.utf8", StringComparison.OrdinalIgnoreCase) || l.Equals("C.UTF-8", StringComparison.OrdinalIgnoreCase))
            ? "C.UTF-8"
            : "C";
    }

    /// <summary>Starts the server, choosing another free port when ours was taken in the meantime.</summary>
    private static async Task<int> StartServerAsync(PostgresBinaries binaries, string root, int? preferredPort, CancellationToken cancellationToken)
    {
        var log = Path.Combine(root, "server.log");
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var port = attempt == 1 && preferredPort is { } preferred && FreePort.IsFree(preferred) ? preferred : FreePort.Pick();
            string[] arguments = ["-D", DataDirectoryOf(root), "-l", log, "-w", "-t", "60", "-o", $"-p {port}", "start"];
            var start = await CommandRunner.RunAsServerUserAsync(binaries.PgCtl, arguments, ProgramTimeout).ConfigureAwait(false);
            if (start.Succeeded) return port;

            var serverLog = File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false) : "";
            var portTaken = serverLog.Contains("could not bind", StringComparison.Ordinal) || serverLog.Contains("already in use", StringComparison.Ordinal);
            if (!portTaken || attempt == attempts)
                throw new InvalidOperationException(
                    $"PostgreSQL did not start ({CommandRunner.Describe(binaries.PgCtl, arguments)}):\n{start.Output}\n--- {log} (end) ---\n{Tail(serverLog, 30)}");
        }
    }

    private static async Task<int?> RunningPortAsync(PostgresBinaries binaries, string root, string portFile)
    {
        var status = await CommandRunner.RunAsServerUserAsync(binaries.PgCtl, ["-D", DataDirectoryOf(root), "status"], ProgramTimeout).ConfigureAwait(false);
        if (!status.Succeeded) return null;
        // postmaster.pid line 4 is the port the running server listens on; the port file is only our record.
        var pidFile = Path.Combine(DataDirectoryOf(root), "postmaster.pid");
        var lines = File.Exists(pidFile) ? await File.ReadAllLinesAsync(pidFile).ConfigureAwait(false) : [];
        if (lines.Length >= 4 && int.TryParse(lines[3].Trim(), out var port)) return port;
        return File.Exists(portFile) && int.TryParse(await File.ReadAllTextAsync(portFile).ConfigureAwait(false), out var recorded) ? recorded : null;
    }

    private static async Task StopAndDeleteAsync(PostgresBinaries binaries, string root)
    {
        if (File.Exists(Path.Combine(DataDirectoryOf(root), "postmaster.pid")))
            await CommandRunner.RunAsServerUserAsync(binaries.PgCtl, ["-D", DataDirectoryOf(root), "-m", "immediate", "-w", "stop"], ProgramTimeout).ConfigureAwait(false);
        try { Directory.Delete(root, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* a leftover temp folder is harmless */ }
    }

    // Test hosts (vstest) kill the process a few milliseconds into ProcessExit, too soon to stop a server
    // and delete its folder; a detached helper (its own session, so the kill does not reach it) finishes the job.
    private static void StopAllThrowawaysNow()
    {
        foreach (var cluster in RunningThrowaways.Keys)
        {
            if (Interlocked.Exchange(ref cluster._disposed, 1) == 1) continue;
            RunningThrowaways.TryRemove(cluster, out _);
            try { StartDetachedCleanup(cluster._binaries, cluster.RootDirectory); }
            catch (Exception e) { Console.Error.WriteLine($"Claims.LocalPostgres: could not stop {cluster.RootDirectory}: {e.Message}"); }
        }
    }

    private static void StartDetachedCleanup(PostgresBinaries binaries, string root)
    {
        const string script = """
            exec >/dev/null 2>&1 </dev/null
            if [ "$3" = root ]; then runuser -u postgres -- "$1" -D "$2" -m immediate -w stop; else "$1" -D "$2" -m immediate -w stop; fi
            rm -rf -- "$0"
            """;
        var startInfo = new System.Diagnostics.ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/sh") { UseShellExecute = false };
        if (startInfo.FileName.EndsWith("setsid", StringComparison.Ordinal)) startInfo.ArgumentList.Add("/bin/sh");
        foreach (var argument in new[] { "-c", script, root, binaries.PgCtl, DataDirectoryOf(root), CurrentUser.IsRoot ? "root" : "user" })
            startInfo.ArgumentList.Add(argument);
        using var helper = System.Diagnostics.Process.Start(startInfo);
        helper?.WaitForExit(TimeSpan.FromSeconds(10));
    }

    /// <summary>Clusters left by a test process that was killed (its owner pid is gone) are stopped and deleted.</summary>
    private static async Task SweepStaleThrowawaysOnceAsync()
    {
        if (Interlocked.Exchange(ref _staleSweepDone, 1) == 1) return;
        var binaries = PostgresBinaries.Find();
        if (binaries is null) return;
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), ThrowawayPrefix + "*"))
        {
            try
            {
                var ownerFile = Path.Combine(root, OwnerFileName);
                if (!File.Exists(ownerFile) || !int.TryParse(await File.ReadAllTextAsync(ownerFile).ConfigureAwait(false), out var owner)) continue;
                if (ProcessIsAlive(owner)) continue;
                await StopAndDeleteAsync(binaries, root).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process may be sweeping the same folder; it is only housekeeping.
            }
        }
    }

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Tail(string text, int lines) =>
        string.Join('\n', text.Split('\n').TakeLast(lines));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
