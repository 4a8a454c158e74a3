using Claims.Cli.Ingestion;

namespace Claims.Web.Tests.Support;

/// <summary>Folders of the repository the tests read (seeds) and write (the README's screenshot).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, SeedsFolder.Name);

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SeedsFolder.SolutionFile))) return dir.FullName;
        throw new InvalidOperationException($"No {SeedsFolder.SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
