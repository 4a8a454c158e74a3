using Claims.Domain.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Claims.Api.Paging;

/// <summary>
/// Paged lists keep their array body (its shape is a contract) and say how to go on in a header (RFC 8288):
/// <c>Link: &lt;same path and query, with after=…&gt;; rel="next"</c>. One rule for every paged list.
/// </summary>
public static class NextLink
{
    public static void Set(HttpContext http, string after)
    {
        var query = QueryString.Create(http.Request.Query.Where(q => q.Key != "after").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("after", (string?)after)));
        http.Response.Headers[HeaderNames.Link] = $"<{http.Request.PathBase}{http.Request.Path}{query}>; rel=\"next\"";
    }

    /// <summary>The page size asked for, or <paramref name="defaultLimit"/>; out of range is a 400 naming `limit`.</summary>
    public static int Limit(int? limit, int defaultLimit, int maxLimit) =>
        limit is null ? defaultLimit
        : limit is >= 1 && limit <= maxLimit ? limit.Value
        : throw new RequestValidationException("limit", $"limit must be between 1 and {maxLimit} (got {limit}).");

    /// <summary>A blank `after` means the first page.</summary>
    public static string? After(string? after) => string.IsNullOrWhiteSpace(after) ? null : after.Trim();
}
