using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Claims.Api.Tests.Support;

/// <summary>Raw JSON over HTTP: the tests read the wire shapes of issue 4, not our own C# types.</summary>
public static class Http
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostJsonAsync(this HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(path, content);
        return (response.StatusCode, await ReadAsync(response), response);
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostJsonAsync(this HttpClient client, string path, JsonNode body) =>
        client.PostJsonAsync(path, body.ToJsonString());

    /// <summary>A POST with an If-Match header, sent as given (malformed ones too); none when <paramref name="ifMatch"/> is null.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostJsonAsync(this HttpClient client, string path, JsonNode body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response), response);
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await ReadAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body?.ToJsonString()}");
        return body!;
    }

    public static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>Asserts a problem+json response with the status, and returns it.</summary>
    public static JsonNode AssertProblem(HttpResponseMessage response, JsonNode? body, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(body);
        Assert.Equal((int)status, (int)body["status"]!);
        return body;
    }

    public static string Str(this JsonNode? node, string property) => (string)node![property]!;
}
