using Claims.Domain.Application;
using Claims.Domain.Events;
using Claims.Domain.Projections.Running;
using Claims.Domain.Tests.Support;
using JasperFx.Events.Daemon;

namespace Claims.Domain.Tests.Marten;

/// <summary>Helpers of the tests of Claims on Marten's daemon: runtimes on one database, what the read models hold.</summary>
internal static class MartenRuns
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static Task<ClaimsRuntime> StartAsync(string connectionString, DaemonMode daemon = DaemonMode.Solo, IReadOnlyList<ITableProjection>? projections = null) =>
        ClaimsRuntime.StartAsync(connectionString, new ClaimsRuntimeOptions { Daemon = daemon, Projections = projections });

    /// <summary>An article event of a stream nobody else writes, for appends made beside the application.</summary>
    public static ArticleIngested NewArticle(string articleId) =>
        new(articleId, "text", "Test", null, "Essai", new DateOnly(2015, 10, 9), "fr", Guid.NewGuid().ToString("N"), "Le Kremlin a parlé.", "test", "tester",
            new DateTimeOffset(2015, 10, 9, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The article ids in one read model's articles table (every projection keeps one), with how often each is there.</summary>
    public static async Task<Dictionary<string, long>> ArticlesAsync(ClaimsRuntime runtime, string projection)
    {
        await using var command = runtime.DataSource.CreateCommand(
            $"select article_id, count(*) from {runtime.ProjectionSchema(projection)}.articles group by article_id");
        await using var reader = await command.ExecuteReaderAsync();
        var found = new Dictionary<string, long>();
        while (await reader.ReadAsync()) found[reader.GetString(0)] = reader.GetInt64(1);
        return found;
    }

    public static async Task<IReadOnlyList<string>> IngestSeedsAsync(ClaimsRuntime runtime, params int[] which)
    {
        var ids = new List<string>();
        foreach (var i in which) ids.Add((await runtime.Application.IngestAsync(Seeds.All[i].Request, "tester")).ArticleId);
        return ids;
    }

    /// <summary>Every read model's tables equal what a rebuild from the log makes: no batch was applied twice or lost.</summary>
    public static async Task AssertEqualToARebuildAsync(ClaimsRuntime runtime)
    {
        foreach (var projection in runtime.Projections.Select(p => p.Projection.Name))
        {
            var schema = runtime.ProjectionSchema(projection);
            var live = await TableDump.OfSchemaAsync(runtime.DataSource, schema);
            await runtime.RebuildAsync(projection);
            Assert.Equal(live, await TableDump.OfSchemaAsync(runtime.DataSource, schema));
        }
    }
}
