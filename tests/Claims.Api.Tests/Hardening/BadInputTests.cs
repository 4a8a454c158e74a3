using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Hardening;

/// <summary>
/// The bad inputs of issue 18's table, sent as a careless or hostile client would: each gets problem+json naming the
/// parameter or field at fault (never a 500), and a refused write writes nothing.
/// </summary>
[Collection(SeededCollection.Name)]
public sealed class BadInputTests(SeededApi api)
{
    // JSON escapes, so the bytes on the wire are what a client sends: "\u0000" is a NUL, "\ud800" a lone surrogate.
    private const string Nul = "a\\u0000b";
    private const string LoneSurrogate = "a\\ud800b";

    public static TheoryData<string, string, string> UnstorableArticleFields => new()
    {
        { """{ "text": "Lavrov a dit bonjour.", "title": "T%" }""", "title", Nul },
        { """{ "text": "Lavrov a dit bonjour.", "outlet": "O%" }""", "outlet", Nul },
        { """{ "text": "Lavrov a dit bonjour.", "url": "https://example.org/%" }""", "url", Nul },
        { """{ "text": "Lavrov a dit bonjour. %" }""", "text", Nul },
        { """{ "html": "<p>Lavrov a dit bonjour. %</p>" }""", "html", Nul },
        { """{ "text": "Lavrov a dit bonjour.", "title": "T%" }""", "title", LoneSurrogate },
        { """{ "text": "Lavrov a dit bonjour. %" }""", "text", LoneSurrogate },
    };

    [Theory]
    [MemberData(nameof(UnstorableArticleFields))]
    public async Task An_article_field_PostgreSQL_cannot_store_gets_400_naming_it(string template, string field, string bad)
    {
        using var client = api.Client(SeededApi.IngestKey);
        await AssertRefusedAsync(client, "/articles", template.Replace("%", bad), field);
    }

    public static TheoryData<string, string, string> UnstorableReviewFields => new()
    {
        { "verdict", """{ "verdict": "confirmed", "note": "%" }""", "note" },
        { "correction", """{ "kind": "speaker", "speaker": "Sergueï %" }""", "speaker" },
        { "correction", """{ "kind": "text", "text": "%" }""", "text" },
        { "correction", """{ "kind": "not-a-claim", "note": "%" }""", "note" },
    };

    [Theory]
    [MemberData(nameof(UnstorableReviewFields))]
    public async Task A_review_field_with_NUL_or_a_lone_surrogate_gets_400_naming_it(string route, string template, string field)
    {
        var contradictions = (await api.Client().GetJsonAsync("/contradictions?limit=1")).AsArray();
        var contradiction = contradictions[0]!;
        var record = contradiction["sides"]![0]!["records"]![0]!;
        var path = route == "verdict"
            ? $"/contradictions/{contradiction.Str("id")}/verdicts"
            : $"/articles/{record.Str("articleId")}/records/{record.Str("recordId")}/corrections";
        using var client = api.Client(SeededApi.ReviewKey);
        foreach (var bad in new[] { Nul, LoneSurrogate })
            await AssertRefusedAsync(client, path, template.Replace("%", bad), field);
    }

    public static TheoryData<string, string> BadParameters => new()
    {
        // NUL in a query value, which reached PostgreSQL before (22021).
        { "/contradictions?actor=a%00b", "actor" },
        { "/contradictions?status=open%00", "status" },
        { "/events?stream=a%00b", "stream" },
        { "/events/live?stream=a%00b", "stream" },
        { "/actors?search=Lav%00rov", "search" },
        { "/articles?after=article-%00", "after" },
        { "/actors/russie/ledger?after=%00", "after" },
        { "/contradictions?after=c-%00", "after" },
        { "/strikes?after=%00", "after" },
        { "/health?x%00=1", "query" },
        // Values that do not bind, or are out of range.
        { "/contradictions?limit=abc", "limit" },
        { "/contradictions?limit=99999999999999999999", "limit" },
        { "/contradictions?recordsPerSide=many", "recordsPerSide" },
        { "/actors/russie/ledger?limit=99999999999999999999", "limit" },
        { "/actors/russie/ledger?limit=abc", "limit" },
        { "/articles?limit=abc", "limit" },
        { "/articles?limit=0", "limit" },
        { "/articles?limit=1001", "limit" },
        { "/strikes?limit=-1", "limit" },
        // Cursors that no page gave out.
        { "/contradictions?after=abc", "after" },
        { "/contradictions?after=c-ZZZZZZZZZZ", "after" },
        { "/actors/russie/ledger?after=abc", "after" },
        { "/articles?after=article-0000000000000000", "after" },
        { "/strikes?after=abc", "after" },
        { "/strikes?after=bm90LWEtZGF0ZQppLTEyMw", "after" },   // base64url of "not-a-date\ni-123"
        { "/events?after=abc", "after" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public async Task A_bad_query_value_gets_400_naming_the_parameter(string path, string parameter)
    {
        using var client = api.Client();
        using var response = await client.GetAsync(path);
        var problem = Http.AssertProblem(response, await Http.ReadAsync(response), HttpStatusCode.BadRequest);
        Assert.True(parameter == (string?)problem["field"], $"{path}: {problem.ToJsonString()}");
        Assert.NotNull(problem["errors"]?[parameter]);
    }

    [Fact]
    public async Task A_NUL_in_the_path_is_refused_not_a_500()
    {
        // Kestrel refuses %00 in a path before any middleware runs (a bare 400); what matters is that it never reaches PostgreSQL.
        using var client = api.Client();
        foreach (var path in new[] { "/articles/a%00b", "/contradictions/c-%00", "/actors/a%00b/ledger" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    public static TheoryData<string, byte[], string, string> UnreadableBodies => new()
    {
        { "truncated JSON", Encoding.UTF8.GetBytes("""{"text": """), "body", "not valid JSON" },
        { "a missing quote", Encoding.UTF8.GetBytes("""{"text": "Lavrov}"""), "body", "not valid JSON" },
        { "invalid UTF-8 in a string", [.. Encoding.UTF8.GetBytes("""{"text": "Lavrov """), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")], "text", "UTF-8" },
        { "UTF-8 of a surrogate", [.. Encoding.UTF8.GetBytes("""{"text": "Lavrov """), 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\"}")], "text", "UTF-8" },
        { "an escaped lone surrogate", Encoding.UTF8.GetBytes("""{"text": "Lavrov \ud800 a dit"}"""), "text", "surrogate" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_body_names_the_real_problem(string why, byte[] body, string field, string named)
    {
        using var client = api.Client(SeededApi.IngestKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/articles", content);
            var problem = Http.AssertProblem(response, await Http.ReadAsync(response), HttpStatusCode.BadRequest);
            Assert.True(field == (string?)problem["field"], $"{why}: {problem.ToJsonString()}");
            var message = (string)problem["errors"]![field]![0]!;
            Assert.Contains(named, message);
            Assert.DoesNotContain("must be a string", message);
        });
    }

    [Fact]
    public async Task Text_over_5_MB_of_UTF_8_gets_413_naming_text_even_under_5_million_characters()
    {
        // Like the issue's article: fewer than 5M characters (5.2M), more than 5 MB once encoded (5.4 MB); the limit is in bytes.
        var sentence = "Sergueï Lavrov a déclaré que la Russie frappe Daech à Alep. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 85_000));
        Assert.True(text.Length < 5 * 1024 * 1024 && Encoding.UTF8.GetByteCount(text) > 5 * 1024 * 1024);
        using var client = api.Client(SeededApi.IngestKey);
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await client.PostJsonAsync("/articles", new JsonObject { ["text"] = text });
            Http.AssertProblem(response, problem, HttpStatusCode.RequestEntityTooLarge);
            Assert.Equal("text", (string?)problem!["field"]);
            Assert.Equal(5 * 1024 * 1024, (long)problem["limitBytes"]!);
        });
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/articles")]
    [InlineData("/contradictions?limit=abc")]
    [InlineData("/articles/no-such-article")]
    [InlineData("/no/such/route")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/events?limit=1")]
    [InlineData("/")]
    public async Task Every_answer_says_nosniff(string path)
    {
        using var client = api.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private async Task AssertRefusedAsync(HttpClient client, string path, string json, string field)
    {
        await Writes.AssertNothingWrittenAsync(api, async () =>
        {
            var (_, problem, response) = await client.PostJsonAsync(path, json);
            Http.AssertProblem(response, problem, HttpStatusCode.BadRequest);
            Assert.True(field == (string?)problem!["field"], $"{path} {json}: {problem.ToJsonString()}");
            Assert.NotNull(problem["errors"]?[field]);
        });
    }
}
