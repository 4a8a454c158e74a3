using System.Globalization;
using Claims.Domain.Events;
using Claims.Feed.Log;
using Claims.Feed.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Claims.Feed.Paging;

/// <summary>
/// What a feed request asks for, validated: where to start (0, or the position of an event of the log), how many, which
/// types, which stream. Anything wrong throws a <see cref="FeedProblem"/> naming the parameter.
/// </summary>
internal sealed record FeedQuery(long After, int Limit, IReadOnlyCollection<string>? Types, string? Stream)
{
    public const string LastEventIdHeader = "Last-Event-ID";

    /// <param name="cursorHeader">For the live stream: Last-Event-ID, which wins over ?after= (a reconnecting EventSource keeps its first URL).</param>
    public static async Task<FeedQuery> ParseAsync(HttpRequest request, EventLog log, FeedOptions options,
        bool cursorHeader, CancellationToken ct)
    {
        var (cursorField, cursorText) = ("after", Single(request.Query, "after"));
        if (cursorHeader && Single(request.Headers, LastEventIdHeader) is { } lastEventId)
            (cursorField, cursorText) = (LastEventIdHeader, lastEventId);

        var after = 0L;
        if (cursorText is not null && (!long.TryParse(cursorText, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 0))
            throw new FeedProblem(cursorField, $"'{cursorText}' is not a position: give the position of the last event you received (a non-negative integer), or 0 to start from the beginning.");

        var limit = options.DefaultLimit;
        if (Single(request.Query, "limit") is { } limitText &&
            (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > options.MaxLimit))
            throw new FeedProblem("limit", $"'{limitText}' is not a page size: give an integer from 1 to {options.MaxLimit}.");

        var types = ParseTypes(request.Query["type"]);

        string? stream = null;
        if (request.Query.ContainsKey("stream"))
        {
            stream = Single(request.Query, "stream");
            if (string.IsNullOrWhiteSpace(stream)) throw new FeedProblem("stream", "is empty: give a stream id (an article's stream), or leave the parameter out.");
        }

        if (after != 0 && !await log.ContainsAsync(after, ct))
            throw new FeedProblem(cursorField, $"no event has position {after}: give a position this feed sent you, or 0 to start from the beginning.");
        return new FeedQuery(after, limit, types, stream);
    }

    private static readonly HashSet<string> KnownTypes = ClaimsEventTypes.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Repeat the parameter or separate names with commas; every name must be a known event type.</summary>
    private static IReadOnlyCollection<string>? ParseTypes(StringValues values)
    {
        if (values.Count == 0) return null;
        var names = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) throw new FeedProblem("type", "is empty: give one or more event type names, or leave the parameter out.");
        var unknown = names.Where(n => !KnownTypes.Contains(n)).ToList();
        if (unknown.Count > 0)
            throw new FeedProblem("type", $"unknown event type {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known types: {string.Join(", ", KnownTypes.Order(StringComparer.Ordinal))}.");
        return names;
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? Single(values, name) : null;

    private static string? Single(IHeaderDictionary headers, string name) =>
        headers.TryGetValue(name, out var values) ? Single(values, name) : null;

    private static string? Single(StringValues values, string name) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => throw new FeedProblem(name, "is given more than once: give it once."),
    };
}
