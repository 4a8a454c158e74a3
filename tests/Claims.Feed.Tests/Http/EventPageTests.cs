using System.Net;
using System.Text.Json;
using Claims.Domain.Events;
using Claims.Feed.Tests.Support;
using Claims.TestKit;

namespace Claims.Feed.Tests.Http;

public sealed class EventPageTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Pages_follow_sequence_order_with_a_cursor_and_end_with_an_empty_page()
    {
        await using var host = await FeedHost.StartAsync(database);
        for (var i = 1; i <= 7; i++)
        {
            var stream = i % 2 == 0 ? "article-b" : "article-a";
            await host.AppendAsync(stream, TestEvents.Numbered(stream, i), TestEvents.Statement(stream, "Mayor", $"quote {i}", $"s{i}"));
        }
        var expected = await host.Log.AllAsync();
        using var http = host.NewClient();

        var received = new List<JsonElement>();
        var after = 0L;
        var pages = 0;
        while (true)
        {
            using var page = await GetJsonAsync(http, $"events?after={after}&limit=3");
            var events = page.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
            var next = page.RootElement.GetProperty("next").GetInt64();
            if (events.Count == 0)
            {
                Assert.Equal(after, next); // caught up: the cursor stays put
                break;
            }
            Assert.Equal(long.Parse(events[^1].GetProperty("position").GetString()!), next);
            received.AddRange(events);
            after = next;
            Assert.True(++pages <= 10, "paging does not end");
        }

        Assert.Equal(5, pages); // 14 events by 3
        Assert.Equal(14, expected.Count);
        Assert.Equal(expected.Select(e => e.EventId.ToString()), received.Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(expected.Select(e => e.Position.ToString()), received.Select(e => e.GetProperty("position").GetString()));
    }

    [Fact]
    public async Task Each_event_is_a_CloudEvents_envelope_with_its_data_as_written()
    {
        await using var host = await FeedHost.StartAsync(database);
        await host.AppendAsync("article-42", TestEvents.Statement("article-42", "Le ministre", "« Aucune frappe »"));
        var stored = Assert.Single(await host.Log.AllAsync());
        using var http = host.NewClient();

        using var page = await GetJsonAsync(http, "events");
        var envelope = Assert.Single(page.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal("1.0", envelope.GetProperty("specversion").GetString());
        Assert.Equal(stored.EventId.ToString(), envelope.GetProperty("id").GetString());
        Assert.Equal("urn:claims", envelope.GetProperty("source").GetString());
        Assert.Equal("StatementMade", envelope.GetProperty("type").GetString());
        Assert.Equal("article-42", envelope.GetProperty("subject").GetString());
        Assert.Equal("application/json", envelope.GetProperty("datacontenttype").GetString());
        Assert.Equal(stored.Position.ToString(), envelope.GetProperty("position").GetString());
        Assert.Equal("1", envelope.GetProperty("streamversion").GetString());
        var time = envelope.GetProperty("time").GetString()!;
        Assert.EndsWith("Z", time);
        Assert.Equal(stored.Timestamp, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
        // The event catalogue's JSON: camelCase, nulls left out.
        var data = envelope.GetProperty("data");
        Assert.Equal("Le ministre", data.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("« Aucune frappe »", data.GetProperty("text").GetString());
        Assert.Equal("article-42", data.GetProperty("articleId").GetString());
        Assert.Equal(0, data.GetProperty("aliases").GetArrayLength());
        Assert.False(data.TryGetProperty("stance", out _));
    }

    [Fact]
    public async Task Type_and_stream_filters_select_events_and_the_cursor_still_works()
    {
        await using var host = await FeedHost.StartAsync(database);
        await host.AppendAsync("a", TestEvents.Numbered("a", 1), TestEvents.Statement("a", "x", "q1"));
        await host.AppendAsync("b", TestEvents.Numbered("b", 2), TestEvents.Statement("b", "y", "q2"));
        await host.AppendAsync("a", TestEvents.Statement("a", "z", "q3", "s2"));
        await host.AppendAsync("c", TestEvents.Verdict("not a statement"));
        await host.Log.WaitUntilDeliverableAsync();
        using var http = host.NewClient();

        using var statements = await GetJsonAsync(http, "events?type=StatementMade");
        Assert.Equal(["q1", "q2", "q3"], Quotes(statements));
        using var streamA = await GetJsonAsync(http, "events?stream=a&type=StatementMade");
        Assert.Equal(["q1", "q3"], Quotes(streamA));
        var firstPosition = statements.RootElement.GetProperty("events")[0].GetProperty("position").GetString();
        using var rest = await GetJsonAsync(http, $"events?type=StatementMade&after={firstPosition}");
        Assert.Equal(["q2", "q3"], Quotes(rest));
        using var both = await GetJsonAsync(http, "events?type=StatementMade,ArticleReExtracted&stream=b");
        Assert.Equal(2, both.RootElement.GetProperty("events").GetArrayLength());
        using var repeated = await GetJsonAsync(http, "events?type=StatementMade&type=ContradictionVerdictRecorded");
        Assert.Equal(4, repeated.RootElement.GetProperty("events").GetArrayLength());
    }

    [Theory]
    [InlineData("events?after=abc", "after")]
    [InlineData("events?after=-1", "after")]
    [InlineData("events?after=1.5", "after")]
    [InlineData("events?after=987654321", "after")] // no event has it
    [InlineData("events?after=1&after=2", "after")]
    [InlineData("events?limit=0", "limit")]
    [InlineData("events?limit=1001", "limit")]
    [InlineData("events?limit=ten", "limit")]
    [InlineData("events?type=NoSuchEvent", "type")]
    [InlineData("events?stream=", "stream")]
    [InlineData("events/live?after=x", "after")]
    [InlineData("events/live?after=987654321", "after")]
    public async Task A_bad_parameter_gets_400_problem_json_naming_it(string url, string field)
    {
        await using var host = await FeedHost.StartAsync(database);
        await host.AppendAsync("a", TestEvents.Numbered("a", 1));
        await host.Log.WaitUntilDeliverableAsync();
        using var http = host.NewClient();

        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task A_bad_Last_Event_ID_gets_400_naming_the_header()
    {
        await using var host = await FeedHost.StartAsync(database);
        using var http = host.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "events/live");
        request.Headers.Add("Last-Event-ID", "12345");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Last-Event-ID", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Schemas_document_the_envelope_and_every_event_type()
    {
        await using var host = await FeedHost.StartAsync(database);
        using var http = host.NewClient();

        using var index = await GetJsonAsync(http, "events/schemas");
        var listed = index.RootElement.GetProperty("events").EnumerateArray()
            .ToDictionary(e => e.GetProperty("type").GetString()!, e => e.GetProperty("schema").GetString()!);
        Assert.Equal(ClaimsEventTypes.All.Select(t => t.Name).Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));

        using var response = await http.GetAsync(listed["StatementMade"].TrimStart('/'));
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        using var statement = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var properties = statement.RootElement.GetProperty("properties");
        Assert.Equal(["aliases", "articleId", "end", "extractorVersion", "mode", "recordId", "speaker", "stance", "start", "text"],
            properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("string", properties.GetProperty("text").GetProperty("type").GetString());
        Assert.Equal("StatementMade", statement.RootElement.GetProperty("title").GetString());

        using var envelope = await GetJsonAsync(http, index.RootElement.GetProperty("envelope").GetString()!.TrimStart('/'));
        var required = envelope.RootElement.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal(["data", "datacontenttype", "id", "position", "source", "specversion", "streamversion", "subject", "time", "type"], required.Order());

        using var missing = await http.GetAsync("events/schemas/NoSuchEvent.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    private static string[] Quotes(JsonDocument page) =>
        page.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("data").GetProperty("text").GetString()!).ToArray();

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}
