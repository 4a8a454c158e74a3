using System.Text.Json.Nodes;
using Claims.Api.Auth;
using Claims.Api.ClaimReviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Claims.Api.OpenApi;

/// <summary>
/// What /openapi/v1.json says beyond what endpoint metadata gives, for client generators and gateways (and Redocly's
/// recommended rules, which .ci/run applies): the X-Api-Key scheme and, per operation, whether it needs a key and which
/// role (read from the endpoint's authorization policy, so it cannot drift from what is enforced); Retry-After on 503s;
/// the ClaimReview JSON-LD shape; the event feed's streaming routes, which are mapped as plain request delegates and so
/// have no metadata of their own; tag descriptions; a server url without the trailing slash.
/// </summary>
public static class ClaimsOpenApi
{
    public const string SecuritySchemeName = "ApiKey";
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";

    public static IServiceCollection AddClaimsOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddOperationTransformer((operation, context, _) =>
        {
            Describe(operation, context);
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer((document, context, _) =>
        {
            Describe(document, context.ApplicationServices);
            return Task.CompletedTask;
        });
    });

    private static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var role = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null);
        // Reads need no key: an empty requirement says so explicitly (no security), which is not the same as "not described".
        operation.Security = role is null
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [] }];
        if (role is not null)
            operation.Description = Join(operation.Description, $"Needs an API key (`{ApiKeyAuthenticationHandler.HeaderName}`) with the `{role}` role.");

        // The 503 of a full ingest queue or a spent budget (RequestLimits); /health's own 503 (database down) says no such thing.
        if (operation.Responses?.TryGetValue("503", out var busy) == true && busy is OpenApiResponse response &&
            response.Content?.ContainsKey("application/problem+json") == true)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }

        if (metadata.OfType<IEndpointNameMetadata>().Any(n => n.EndpointName == ClaimReviewOperation) &&
            operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse found)
        {
            found.Content ??= new Dictionary<string, OpenApiMediaType>();
            found.Content[ClaimReviewEndpoints.JsonLd] = new OpenApiMediaType { Schema = ClaimReviewSchema() };
        }
    }

    /// <summary>The operationId of GET /records/{articleId}/{recordId}/claimreview, whose JSON-LD body is built as a JsonObject.</summary>
    public const string ClaimReviewOperation = "GetClaimReview";

    private static void Describe(OpenApiDocument document, IServiceProvider services)
    {
        foreach (var server in document.Servers ?? [])
            if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');

        document.Info.Description = "Claims: statements, strike reports and disputes extracted from news articles, the contradictions between them, " +
                                    "and fact-checkers' verdicts. Reads need no key; writes need an API key in the X-Api-Key header. Errors are " +
                                    "application/problem+json naming the field at fault (`field`, `errors`).";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = $"An API key of CLAIMS_API_KEYS. Roles: `{WriteRoles.Ingest}` (POST /articles), `{WriteRoles.Review}` (verdicts, corrections). " +
                          "With no keys configured, writes are accepted from loopback only.",
        };

        var names = services.GetService<EndpointDataSource>()?.Endpoints
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToHashSet() ?? [];
        if (names.Contains("ReadEventPage") || names.Contains("FollowEventsLive")) DescribeFeed(document, names);

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "");
    }

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Articles"] = "Ingest articles and read them with their extracted records; correct a record.",
        ["Actors"] = "Actors (people, states, groups) and their ledgers.",
        ["Contradictions"] = "Contradictions between records, and fact-checkers' verdicts on them.",
        ["Strikes"] = "Strike reports grouped into incidents.",
        ["Records"] = "One record as schema.org ClaimReview.",
        ["Health"] = "Database and projections.",
        ["Event feed"] = "The event log for downstream services: pages, Server-Sent Events, JSON Schemas (src/Claims.Feed/FEED.md).",
    };

    /// <summary>/events, /events/head and /events/live, as FEED.md defines them; /events/schemas gets the summary its delegate lacks.</summary>
    private static void DescribeFeed(OpenApiDocument document, HashSet<string> names)
    {
        document.Paths ??= new OpenApiPaths();
        document.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas["CloudEvent"] = CloudEventSchema();
        document.Components.Schemas["EventPage"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "events", "next" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["events"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference("CloudEvent", document) },
                ["next"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "The cursor to pass as `after` for the next page." },
            },
        };
        EnsureProblemSchemas(document);

        List<IOpenApiParameter> Filters(bool live) =>
        [
            Query("after", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
                live ? "Start after this position (the Last-Event-ID header wins)." : "The `next` of the previous page; 0 or absent: from the beginning."),
            .. live ? Array.Empty<IOpenApiParameter>() :
            [
                Query("limit", new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "1000" }, "Page size (default 100)."),
            ],
            Query("type", new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                "Event type names (repeat the parameter or separate with commas); see /events/schemas."),
            Query("stream", new OpenApiSchema { Type = JsonSchemaType.String }, "Only the events of this stream (an article's stream id)."),
        ];

        if (names.Contains("ReadEventPage"))
            document.Paths["/events"] = Get("ReadEventPage", "A page of events after a cursor, in delivery order, with the cursor of the next page.",
                Filters(live: false), "application/json", new OpenApiSchemaReference("EventPage", document), document);

        if (names.Contains("GetEventFeedHead"))
            document.Paths["/events/head"] = Get("GetEventFeedHead",
                "The feed's current end: the position of the last event it serves now (0 on an empty log), a cursor to follow only what comes next.",
                [], "application/json", new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "position" },
                    Properties = new Dictionary<string, IOpenApiSchema> { ["position"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" } },
                }, document);

        if (names.Contains("FollowEventsLive"))
        {
            var parameters = Filters(live: true);
            parameters.Add(new OpenApiParameter
            {
                Name = "Last-Event-ID", In = ParameterLocation.Header, Required = false,
                Description = "The SSE id (position) of the last event received: resume exactly after it.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            document.Paths["/events/live"] = Get("FollowEventsLive",
                "The same events as Server-Sent Events (id: position, event: type, data: the CloudEvents envelope), then live; heartbeats keep the connection open.",
                parameters, "text/event-stream", new OpenApiSchema { Type = JsonSchemaType.String, Description = "An SSE stream." }, document);
        }

        if (names.Contains("ListEventSchemas"))
            document.Paths["/events/schemas"] = Get("ListEventSchemas", "The index of JSON Schemas: the envelope and each event type's data.",
                [], "application/json", new OpenApiSchema { Type = JsonSchemaType.Object }, document);

        if (document.Paths.TryGetValue("/events/schemas/{file}", out var one) && one.Operations is { } operations)
            foreach (var operation in operations.Values)
            {
                operation.Summary ??= "The JSON Schema (2020-12) of one event type's data (<type>.json) or of the envelope (envelope.json).";
                operation.Security = [];
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("404", Problem("No such schema.", ProblemSchema, document));
            }
    }

    private static OpenApiPathItem Get(string operationId, string summary, List<IOpenApiParameter> parameters, string contentType, IOpenApiSchema schema,
        OpenApiDocument document) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = operationId,
                Summary = summary,
                Tags = new HashSet<OpenApiTagReference> { new("Event feed", document) },
                Parameters = parameters,
                Security = [],
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse
                    {
                        Description = "OK",
                        Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = schema } },
                    },
                    ["400"] = Problem("A parameter is wrong (`field` names it): not a position, a limit out of range, an unknown type, an empty stream.",
                        ValidationProblemSchema, document),
                },
            },
        },
    };

    private static OpenApiParameter Query(string name, IOpenApiSchema schema, string description) =>
        new() { Name = name, In = ParameterLocation.Query, Required = false, Schema = schema, Description = description };

    private static OpenApiResponse Problem(string description, string schema, OpenApiDocument document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) } },
    };

    /// <summary>The feed's responses point at the problem schemas; the API's own endpoints normally register them already.</summary>
    private static void EnsureProblemSchemas(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        IOpenApiSchema Str() => new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null };
        schemas.TryAdd(ProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Str(), ["title"] = Str(), ["detail"] = Str(), ["instance"] = Str(),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            },
        });
        schemas.TryAdd(ValidationProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Str(), ["title"] = Str(), ["detail"] = Str(), ["instance"] = Str(),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        });
    }

    private static OpenApiSchema CloudEventSchema()
    {
        IOpenApiSchema Str(string description) => new OpenApiSchema { Type = JsonSchemaType.String, Description = description };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A CloudEvents 1.0 structured JSON envelope; its JSON Schema is at /events/schemas/envelope.json.",
            Required = new HashSet<string> { "specversion", "id", "source", "type", "position", "streamversion", "data" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["specversion"] = Str("\"1.0\"."),
                ["id"] = Str("The event id: de-duplicate by it."),
                ["source"] = Str("urn:claims unless configured."),
                ["type"] = Str("The stable event type name."),
                ["time"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                ["subject"] = Str("The stream id (an article's)."),
                ["datacontenttype"] = Str("application/json."),
                ["position"] = Str("The event's position in the log, as a string of digits."),
                ["streamversion"] = Str("The event's version in its stream, as a string of digits."),
                ["data"] = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "The event, at its type's current schema version." },
            },
        };
    }

    /// <summary>schema.org ClaimReview as GET …/claimreview builds it (ClaimReview.Build): the verdict fields only once a fact-checker gave one.</summary>
    private static OpenApiSchema ClaimReviewSchema()
    {
        OpenApiSchema Str(string? description = null) => new() { Type = JsonSchemaType.String, Description = description };
        OpenApiSchema Typed(string type, Dictionary<string, IOpenApiSchema> properties)
        {
            properties["@type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = type };
            return new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { "@type" }, Properties = properties };
        }
        var review = Typed("ClaimReview", new()
        {
            ["@context"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = "https://schema.org" },
            ["claimReviewed"] = Str("The record's words."),
            ["itemReviewed"] = Typed("Claim", new()
            {
                ["author"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["@type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("Person"), JsonValue.Create("Organization")] },
                        ["name"] = Str(), ["identifier"] = Str("The actor id."),
                    },
                },
                ["appearance"] = Typed("CreativeWork", new()
                {
                    ["url"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "The article's url, else its page on the review site." },
                    ["headline"] = Str(),
                    ["publisher"] = Typed("Organization", new() { ["name"] = Str("The outlet.") }),
                    ["datePublished"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                }),
                ["datePublished"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
            }),
            ["author"] = Typed("Organization", new()
            {
                ["name"] = Str("The fact-checking organisation (CLAIMS_ORGANIZATION_NAME)."),
                ["url"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "Its public address (CLAIMS_PUBLIC_BASE_URL)." },
            }),
            ["url"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "The review: the contradiction's view on the review page." },
            ["datePublished"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", Description = "When the latest verdict was given." },
            ["reviewRating"] = Typed("Rating", new()
            {
                ["alternateName"] = Str("The finding about this claim, in words: \"Contradicted by …\" (the sources named), \"Contested: …\" or \"Not contradicted: …\"."),
                ["ratingExplanation"] = Str("The reviewer's note."),
            }),
            ["reviewBody"] = Str("What the contradiction is about, the finding and the reviewer's note, as sentences."),
        });
        review.Required = new HashSet<string> { "@context", "@type", "claimReviewed", "itemReviewed", "author" };
        return review;
    }

    private static string Join(string? first, string second) => string.IsNullOrEmpty(first) ? second : $"{first} {second}";
}
