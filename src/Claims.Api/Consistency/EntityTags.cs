using Claims.Domain.Application;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Claims.Api.Consistency;

/// <summary>
/// Optimistic concurrency in the open: a contradiction or an article answers with its stream version as a strong ETag
/// (<c>"3"</c>), and a verdict or correction may send it back in If-Match; a stream that moved since gets 412 with what
/// stands now. Without If-Match the write is not checked (each verdict is recorded, in order).
/// </summary>
public static class EntityTags
{
    public static void Set(HttpResponse response, long version) => response.Headers.ETag = $"\"{version}\"";

    /// <summary>The version If-Match names; null without the header or with <c>*</c>. A tag that is not one of ours is a 400
    /// naming the header.</summary>
    public static long? IfMatch(HttpRequest request)
    {
        var values = request.GetTypedHeaders().IfMatch;
        if (values.Count == 0 || values.Any(v => v.Equals(EntityTagHeaderValue.Any))) return null;
        if (values.Count == 1 && !values[0].IsWeak && long.TryParse(values[0].Tag.AsSpan().Trim('"'), out var version) && version >= 0)
            return version;
        throw new RequestValidationException("If-Match", $"If-Match must be the ETag this API gave, such as \"3\" (got {request.Headers.IfMatch}).");
    }
}
