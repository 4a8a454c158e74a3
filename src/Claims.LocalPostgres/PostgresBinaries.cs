namespace Claims.LocalPostgres;

/// <summary>Where the PostgreSQL server programs live on this machine.</summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    public string InitDb => Path.Combine(BinDirectory, "initdb");
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");
    public string Postgres => Path.Combine(BinDirectory, "postgres");

    /// <summary>
    /// initdb, pg_ctl and postgres from PATH, else from the highest /usr/lib/postgresql/*/bin
    /// (Debian keeps them off PATH); null when none has all three.
    /// </summary>
    public static PostgresBinaries? Find()
    {
        foreach (var directory in CandidateDirectories())
        {
            var resolved = ResolveRealDirectory(directory);
            if (resolved is not null) return new PostgresBinaries(resolved);
        }
        return null;
    }

    private static IEnumerable<string> CandidateDirectories()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return directory;

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot)) yield break;
        var versions = Directory.GetDirectories(debianRoot)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .Where(x => x.Version >= 0)
            .OrderByDescending(x => x.Version);
        foreach (var (dir, _) in versions)
            yield return Path.Combine(dir, "bin");
    }

    // PATH often holds symlinks (/usr/local/bin/initdb -> /usr/lib/postgresql/15/bin/initdb);
    // we keep the real folder so that all three programs surely come from the same version.
    private static string? ResolveRealDirectory(string directory)
    {
        var initdb = Path.Combine(directory, "initdb");
        if (!File.Exists(initdb)) return null;
        var target = new FileInfo(initdb).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb;
        var realDirectory = Path.GetDirectoryName(target)!;
        string[] needed = ["initdb", "pg_ctl", "postgres"];
        return needed.All(name => File.Exists(Path.Combine(realDirectory, name))) ? realDirectory : null;
    }
}
