using System.Text.Json;
using Claims.Feed.Problems;
using Microsoft.AspNetCore.Http;

namespace Claims.Feed.Schemas;

/// <summary><c>GET /events/schemas</c> (index) and <c>GET /events/schemas/{type}.json</c> (one schema; <c>envelope.json</c> for the envelope).</summary>
internal static class SchemaEndpoints
{
    private const string SchemaContentType = "application/schema+json";

    public static async Task IndexAsync(HttpContext context, EventSchemas schemas)
    {
        var basePath = $"{context.Request.PathBase}/events/schemas/";
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("envelope", basePath + EventSchemas.EnvelopeName + ".json");
        writer.WriteStartArray("events");
        foreach (var (type, version) in schemas.Types)
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteNumber("schemaVersion", version);
            writer.WriteString("schema", basePath + Uri.EscapeDataString(type) + ".json");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    public static async Task OneAsync(HttpContext context, EventSchemas schemas, string file)
    {
        var name = file.EndsWith(".json", StringComparison.Ordinal) ? file[..^".json".Length] : file;
        var json = name == EventSchemas.EnvelopeName ? schemas.Envelope : schemas.For(name);
        if (json is null)
        {
            await new FeedProblem("type", $"no event type is named '{name}'; GET /events/schemas lists them.", StatusCodes.Status404NotFound)
                .ToResult().ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = SchemaContentType;
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
