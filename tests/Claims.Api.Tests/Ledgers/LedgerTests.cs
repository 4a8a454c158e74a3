using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Ledgers;

/// <summary>The five seeds ingested over HTTP give ledgers quoting what each official said, word for word.</summary>
[Collection(SeededCollection.Name)]
public sealed class LedgerTests(SeededApi api)
{
    public static TheoryData<string, string> Officials => new()
    {
        { "Sergueï Lavrov", "lavrov" },
        { "Ashton Carter", "ASHTON carter" },
        { "Jens Stoltenberg", "Stoltenberg" },
        { "Igor Konachenkov", "konachenkov" },
    };

    [Theory]
    [MemberData(nameof(Officials))]
    public async Task The_ledger_holds_every_gold_statement_of_the_official_with_its_exact_words(string official, string search)
    {
        using var client = api.Client();
        var actor = await FindActorAsync(client, search, official);
        var ledger = await client.GetJsonAsync($"/actors/{Uri.EscapeDataString(actor.Str("id"))}/ledger");
        var statements = ledger["statements"]!.AsArray().Select(e => e!).ToList();

        var gold = GoldStatements(official);
        Assert.NotEmpty(gold);
        foreach (var (prefix, text) in gold)
        {
            var articleId = api.ArticleIdOf(prefix);
            // The extractor may quote a little more than the annotator did, never other words.
            Assert.True(statements.Any(s => s.Str("articleId") == articleId && s["record"].Str("text").Contains(text, StringComparison.Ordinal)),
                $"{official}'s ledger lacks, from article {prefix}: «{text}». It holds: {string.Join(" | ", statements.Select(s => s["record"].Str("text")))}");
        }
        Assert.Equal(official, (string)ledger["actor"]!["name"]!);
        Assert.True((int)ledger["actor"]!["records"]! >= gold.Count);
    }

    [Theory]
    [MemberData(nameof(Officials))]
    public async Task Every_ledger_quote_is_made_of_the_article_words_inside_its_span(string official, string search)
    {
        using var client = api.Client();
        var actor = await FindActorAsync(client, search, official);
        var ledger = await client.GetJsonAsync($"/actors/{Uri.EscapeDataString(actor.Str("id"))}/ledger");
        var articles = new Dictionary<string, string>();
        foreach (var entry in ledger["statements"]!.AsArray())
        {
            var articleId = entry.Str("articleId");
            if (!articles.TryGetValue(articleId, out var text))
                articles[articleId] = text = (await client.GetJsonAsync($"/articles/{articleId}")).Str("text");
            var record = entry!["record"]!;
            var span = record["span"]!.AsArray().Select(n => (int)n!).ToArray();
            Assert.Equal(2, span.Length);
            Assert.True(0 <= span[0] && span[0] < span[1] && span[1] <= text.Length, $"span {span[0]}..{span[1]} outside the article");
            // A quote interrupted by "a-t-il dit" is joined: its words, in order, are the article's inside the span.
            AssertWordsInOrder(record.Str("text"), text[span[0]..span[1]]);
            Assert.Equal(official, (string)record["actor"]!["name"]!);
        }
    }

    [Theory]
    [InlineData("Sergueï Lavrov")]
    [InlineData("serguei lavrov")]
    [InlineData("SERGUEÏ")]
    [InlineData("Lavrov")]
    public async Task Actor_search_ignores_accents_and_case(string search)
    {
        using var client = api.Client();
        var expected = await FindActorAsync(client, "lavrov", "Sergueï Lavrov");
        var found = (await client.GetJsonAsync($"/actors?search={Uri.EscapeDataString(search)}")).AsArray();
        Assert.Contains(found, a => a.Str("id") == expected.Str("id"));
        foreach (var a in found)
        {
            Assert.NotNull(a!["aliases"]!.AsArray());
            Assert.True((int)a["records"]! >= 0);
        }
    }

    [Fact]
    public async Task An_unknown_actor_has_no_ledger()
    {
        using var client = api.Client();
        var response = await client.GetAsync("/actors/no-such-actor/ledger");
        Http.AssertProblem(response, await Http.ReadAsync(response), System.Net.HttpStatusCode.NotFound);
    }

    private static void AssertWordsInOrder(string quote, string source)
    {
        var at = 0;
        foreach (var word in quote.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var found = source.IndexOf(word, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"«{word}» of «{quote}» is not in the article at its span (after offset {at}): «{source}»");
            at = found + word.Length;
        }
    }

    private static async Task<JsonNode> FindActorAsync(HttpClient client, string search, string name)
    {
        var found = (await client.GetJsonAsync($"/actors?search={Uri.EscapeDataString(search)}")).AsArray();
        return found.SingleOrDefault(a => a.Str("name") == name)
            ?? throw new Xunit.Sdk.XunitException($"/actors?search={search} did not find {name}: {found.ToJsonString()}");
    }

    private static List<(string Prefix, string Text)> GoldStatements(string speaker) =>
        Repository.Gold["articles"]!.AsArray()
            .SelectMany(a => a!["statements"]!.AsArray()
                .Where(s => s.Str("speaker") == speaker)
                .Select(s => (a.Str("file")[..3], s.Str("text"))))
            .ToList();
}
