using System.Text.Json.Nodes;
using Claims.Cli.Ingestion;

namespace Claims.Api.Tests.Support;

/// <summary>Files of the repository the tests read: the seeds with their manifest, and the gold annotations.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, SeedsFolder.Name);

    public static IReadOnlyList<string> SeedFiles => Directory.GetFiles(Seeds, "*.txt").Order(StringComparer.Ordinal).ToList();

    public static JsonNode Gold { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "tests", "Claims.Extraction.Tests", "Gold", "seeds.gold.json")))!;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SeedsFolder.SolutionFile))) return dir.FullName;
        throw new InvalidOperationException($"No {SeedsFolder.SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
