using System.Text.Json.Nodes;
using Claims.Domain.Application;

namespace Claims.Domain.Tests.Support;

/// <summary>The five seed articles of the repository with their manifest metadata.</summary>
public static class Seeds
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Claims.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root (Claims.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    public sealed record Seed(string File, IngestArticleRequest Request);

    public static IReadOnlyList<Seed> All { get; } = Load();

    private static List<Seed> Load()
    {
        var folder = Path.Combine(RepoRoot, "seeds");
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!["articles"]!.AsArray();
        return manifest.Select(a =>
        {
            var file = (string)a!["file"]!;
            var published = (string?)a["publishedOn"];
            return new Seed(file, new IngestArticleRequest(
                Text: File.ReadAllText(Path.Combine(folder, file)), Url: (string?)a["url"], Outlet: (string?)a["outlet"], Title: (string?)a["title"],
                PublishedOn: published is null ? null : DateOnly.Parse(published)));
        }).ToList();
    }

    public static JsonNode Gold => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gold", "seeds.gold.json")))!;
}
