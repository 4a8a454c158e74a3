using System.Net;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Ingestion;

public sealed class IngestTests(SeededApi api) : IClassFixture<SeededApi>
{
    [Fact]
    public void Each_seed_was_created_with_records()
    {
        Assert.Equal(5, api.Seeds.Count);
        Assert.All(api.Seeds, s => Assert.Equal(HttpStatusCode.Created, s.Status));
        Assert.All(api.Seeds, s => Assert.True(s.Records > 0, $"{s.File}: no records"));
        Assert.Equal(5, api.Seeds.Select(s => s.ArticleId).Distinct().Count());
    }

    [Fact]
    public async Task Ingesting_the_seeds_again_answers_200_with_the_same_articles_and_writes_nothing()
    {
        IReadOnlyList<SeedIngest> again = [];
        await Writes.AssertNothingWrittenAsync(api, async () => again = await SeededApi.IngestSeedsAsync(api.Client(SeededApi.IngestKey)));
        Assert.All(again, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Equal(api.Seeds.Select(s => (s.ArticleId, s.Records)), again.Select(s => (s.ArticleId, s.Records)));
        using var client = api.Client();
        Assert.Equal(5, (await client.GetJsonAsync("/articles")).AsArray().Count);
    }

    [Fact]
    public async Task Two_clients_ingesting_the_same_new_article_at_once_get_one_201_and_one_200_for_one_article()
    {
        var text = "Le porte-parole du ministère, Igor Konachenkov, a déclaré mardi : « Nos avions ont frappé quatre positions de l'Etat islamique près de Palmyre. » "
                   + $"Dépêche de test {Guid.NewGuid():N}.";
        var body = new JsonObject { ["text"] = text, ["outlet"] = "Test", ["publishedOn"] = "2015-10-09" }.ToJsonString();
        using var first = api.Client(SeededApi.IngestKey);
        using var second = api.Client(SeededApi.ReviewKey);
        using var start = new SemaphoreSlim(0);

        async Task<(HttpStatusCode, JsonNode?)> Post(HttpClient client)
        {
            await start.WaitAsync();
            var (status, response, message) = await client.PostJsonAsync("/articles", body);
            message.Dispose();
            return (status, response);
        }

        var posts = new[] { Task.Run(() => Post(first)), Task.Run(() => Post(second)) };
        start.Release(2);
        var results = await Task.WhenAll(posts);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], results.Select(r => r.Item1).Order());
        Assert.Equal(results[0].Item2.Str("articleId"), results[1].Item2.Str("articleId"));
        var articleId = results[0].Item2.Str("articleId");
        using var reader = api.Client();
        var listed = (await reader.GetJsonAsync("/articles")).AsArray().Count(a => a.Str("articleId") == articleId);
        Assert.Equal(1, listed);
        await using (var session = api.Runtime.Store.QuerySession())
            Assert.Equal(1, (await session.Events.FetchStreamAsync(articleId)).Count(e => e.Data is Claims.Domain.Events.ArticleIngested));
        var article = await reader.GetJsonAsync($"/articles/{articleId}");
        Assert.Equal("2015-10-09", article.Str("publishedOn"));
        Assert.Equal(text, article.Str("text"));
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "missing text", """{ "outlet": "Le Monde" }""", "text" },
        { "text and html", """{ "text": "Un texte.", "html": "<p>Un texte.</p>" }""", "text" },
        { "text is a number", """{ "text": 42 }""", "text" },
        { "text is an object", """{ "text": { "fr": "Bonjour" } }""", "text" },
        { "date not yyyy-MM-dd", """{ "text": "Lavrov a dit bonjour.", "publishedOn": "8 octobre 2015" }""", "publishedOn" },
        { "date is a number", """{ "text": "Lavrov a dit bonjour.", "publishedOn": 20151008 }""", "publishedOn" },
        { "unknown field", """{ "text": "Lavrov a dit bonjour.", "ingestedBy": "mallory" }""", "ingestedBy" },
        { "malformed JSON", """{ "text": "Lavrov a dit bonjour." """, "body" },
        { "an array", """[ "Lavrov a dit bonjour." ]""", "body" },
        { "null", "null", "body" },
        { "empty body", "", "body" },
        { "bad url", """{ "text": "Lavrov a dit bonjour.", "url": "javascript:alert(1)" }""", "url" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_invalid_body_gets_400_naming_the_field_and_writes_nothing(string why, string body, string field)
    {
        using var client = api.Client(SeededApi.IngestKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await client.PostJsonAsync("/articles", body);
            Http.AssertProblem(response, problem, HttpStatusCode.BadRequest);
            Assert.True(field == (string?)problem!["field"], $"{why}: {problem.ToJsonString()}");
            Assert.NotNull(problem["errors"]?[field]);
        });
    }

    [Fact]
    public async Task A_10_MB_text_gets_413_naming_text_and_writes_nothing()
    {
        var body = new JsonObject { ["text"] = new string('a', 10 * 1024 * 1024) }.ToJsonString();
        using var client = api.Client(SeededApi.IngestKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await client.PostJsonAsync("/articles", body);
            Http.AssertProblem(response, problem, HttpStatusCode.RequestEntityTooLarge);
            Assert.Equal("text", (string?)problem!["field"]);
        });
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        using var client = api.Client(SeededApi.IngestKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            using var response = await client.PostAsync("/articles", new StringContent("Lavrov a dit bonjour.", System.Text.Encoding.UTF8, "text/plain"));
            Http.AssertProblem(response, await Http.ReadAsync(response), HttpStatusCode.UnsupportedMediaType);
        });
    }

    [Fact]
    public async Task An_unknown_article_is_a_404_problem()
    {
        using var client = api.Client();
        using var response = await client.GetAsync("/articles/no-such-article");
        Http.AssertProblem(response, await Http.ReadAsync(response), HttpStatusCode.NotFound);
    }
}
