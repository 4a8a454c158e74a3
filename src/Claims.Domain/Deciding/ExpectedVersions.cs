using Claims.Domain.Application;
using JasperFx.Events;

namespace Claims.Domain.Deciding;

/// <summary>The optimistic check a reviewer asks for with If-Match: the stream is still at the version they saw.</summary>
public static class ExpectedVersions
{
    /// <summary>Throws <see cref="StaleVersionException"/> when <paramref name="expected"/> is given and the stream loaded for
    /// writing is at another version. A write racing in after this check still meets Marten's own version check at commit.</summary>
    public static void Check<T>(IEventStream<T> stream, long? expected, string what) where T : notnull
    {
        var actual = stream.CurrentVersion ?? 0;
        if (expected is { } v && v != actual) throw new StaleVersionException(what, v, actual);
    }
}
