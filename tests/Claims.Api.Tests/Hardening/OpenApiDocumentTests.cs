using System.Text.Json.Nodes;
using Claims.Api.Tests.Support;

namespace Claims.Api.Tests.Hardening;

/// <summary>
/// /openapi/v1.json keeps what client generators, gateways and Redocly's recommended rules need. .ci/run lints the same
/// document with Redocly CLI: this test writes it to CLAIMS_OPENAPI_OUT when that is set.
/// </summary>
[Collection(SeededCollection.Name)]
public sealed class OpenApiDocumentTests(SeededApi api)
{
    public const string OutputVariable = "CLAIMS_OPENAPI_OUT";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    [Fact]
    public async Task Every_operation_has_an_id_a_4xx_answer_and_says_whether_it_needs_a_key()
    {
        var document = await FetchAsync();
        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);
        var ids = new HashSet<string>();
        foreach (var (name, operation) in operations)
        {
            var id = (string?)operation["operationId"];
            Assert.False(string.IsNullOrEmpty(id), $"{name}: no operationId");
            Assert.True(ids.Add(id!), $"{name}: operationId {id} is used twice");
            Assert.False(string.IsNullOrEmpty((string?)operation["summary"]), $"{name}: no summary");
            var statuses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            Assert.True(statuses.Any(s => s.StartsWith('4')), $"{name}: no 4xx response ({string.Join(", ", statuses)})");
            Assert.True(operation["security"] is JsonArray, $"{name}: security not described");
        }
    }

    [Fact]
    public async Task Writes_need_the_api_key_scheme_and_say_which_role()
    {
        var document = await FetchAsync();
        var scheme = document["components"]!["securitySchemes"]!["ApiKey"]!;
        Assert.Equal("apiKey", scheme.Str("type"));
        Assert.Equal("header", scheme.Str("in"));
        Assert.Equal("X-Api-Key", scheme.Str("name"));

        var writes = new Dictionary<string, string>
        {
            ["post /articles"] = "ingest",
            ["post /contradictions/{id}/verdicts"] = "review",
            ["post /articles/{articleId}/records/{recordId}/corrections"] = "review",
            ["post /contradictions/{id}/assignment"] = "review",
            ["delete /contradictions/{id}/assignment"] = "review",
            ["post /contradictions/{id}/duplicate-of"] = "review",
            ["delete /contradictions/{id}/duplicate-of"] = "review",
            ["get /review/me"] = "review",
        };
        foreach (var (name, operation) in Operations(document))
        {
            var security = operation["security"]!.AsArray();
            if (writes.TryGetValue(name, out var role))
            {
                Assert.Contains(security, s => s!["ApiKey"] is not null);
                Assert.Contains($"`{role}` role", operation.Str("description"));
                foreach (var status in new[] { "401", "403" })
                    Assert.NotNull(operation["responses"]![status]?["content"]?["application/problem+json"]);
            }
            else
            {
                Assert.True(security.Count == 0, $"{name} is a read: it needs no key");
            }
        }
        Assert.NotNull(document["paths"]!["/articles"]!["post"]!["responses"]!["413"]);
        Assert.NotNull(document["paths"]!["/articles"]!["post"]!["responses"]!["503"]!["headers"]!["Retry-After"]);
    }

    [Fact]
    public async Task The_feed_the_claim_review_and_the_server_are_described()
    {
        var document = await FetchAsync();
        var paths = document["paths"]!;
        Assert.NotNull(paths["/events"]?["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"]);
        Assert.NotNull(paths["/events/live"]?["get"]?["responses"]?["200"]?["content"]?["text/event-stream"]);
        var claimReview = paths["/records/{articleId}/{recordId}/claimreview"]!["get"]!["responses"]!["200"]!["content"]!["application/ld+json"]!["schema"]!;
        Assert.NotNull(claimReview["properties"]?["claimReviewed"]);
        Assert.All(document["servers"]!.AsArray(), s => Assert.False(s.Str("url").EndsWith('/'), s.Str("url")));
    }

    private async Task<JsonNode> FetchAsync()
    {
        using var client = api.Client();
        using var response = await client.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        if (Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, text);
        }
        return JsonNode.Parse(text)!;
    }

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where Methods.Contains(operation.Key)
        select ($"{operation.Key} {path.Key}", operation.Value!);
}
