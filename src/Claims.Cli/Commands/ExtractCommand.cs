using System.CommandLine;
using Claims.Extraction;
using Claims.Extraction.Batch;
using Claims.Extraction.Json;

namespace Claims.Cli.Commands;

/// <summary>`claims extract &lt;file|folder&gt;... --json`: runs the extractor (no database) and prints one JSON document shaped
/// like seeds.gold.json. Bad files get a message naming them on stderr; the others are still printed; the exit code is 1 if any file failed.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("file|folder") { Arity = ArgumentArity.OneOrMore, Description = "Article files (text or HTML), or folders of them." }.RefusingOptions();
        var json = new Option<bool>("--json") { Description = "Print the records as one JSON document (the shape of seeds.gold.json) instead of counts." };
        var command = new Command("extract", "Extract statements, strikes and disputes from article files (no database).") { paths, json };
        command.SetAction(result => RunAsync(result.GetRequiredValue(paths), result.GetValue(json)));
        return command;
    }

    private static async Task<int> RunAsync(IReadOnlyList<string> paths, bool json)
    {
        var result = await new ExtractionBatch(new ArticleExtractor()).RunAsync(paths);
        foreach (var notice in result.Notices) await Console.Error.WriteLineAsync($"claims extract: {notice}");
        foreach (var error in result.Errors) await Console.Error.WriteLineAsync($"claims extract: {error.Message}");

        if (json)
        {
            var document = ExtractionJson.ToDocument(result.Articles, result.Contradictions);
            await Console.Out.WriteLineAsync(ExtractionJson.Serialize(document));
        }
        else
        {
            foreach (var a in result.Articles)
                await Console.Out.WriteLineAsync($"{a.File}: {a.Statements.Count} statements, {a.Strikes.Count} strikes, {a.Disputes.Count} disputes, {a.CommentCount} comments set apart");
            await Console.Out.WriteLineAsync($"{result.Contradictions.Count} contradictions across {result.Articles.Count} articles (use --json for the records)");
        }
        return result.Errors.Count > 0 ? 1 : 0;
    }
}
