namespace Claims.Cli.Ingestion;

/// <summary>Finds the seeds/ folder for `claims serve`: under the current directory, else at the repository root (the folder holding Claims.sln).</summary>
public static class SeedsFolder
{
    public const string Name = "seeds";
    public const string SolutionFile = "Claims.sln";

    public static string? Find(string? startDirectory = null)
    {
        var start = new DirectoryInfo(startDirectory ?? Directory.GetCurrentDirectory());
        var here = Path.Combine(start.FullName, Name);
        if (Directory.Exists(here)) return here;
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, SolutionFile))) continue;
            var seeds = Path.Combine(dir.FullName, Name);
            return Directory.Exists(seeds) ? seeds : null;
        }
        return null;
    }
}
