namespace Claims.EventStore.Appending;

/// <summary>The stream was not at the version the writer expected: somebody else wrote first. Nothing was written.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actual)
    : Exception($"Stream '{streamId}': expected version {expected}, actual version {(actual == 0 ? "NoStream" : actual)}. Nothing was written.")
{
    public string StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;

    /// <summary>0 when the stream does not exist.</summary>
    public long ActualVersion { get; } = actual;
}

/// <summary>The batch was refused as a whole (archived stream, ids partly stored elsewhere...). Nothing was written.</summary>
public sealed class AppendRejectedException(string streamId, string reason, Exception? inner = null)
    : Exception($"Stream '{streamId}': {reason}. Nothing was written.", inner)
{
    public string StreamId { get; } = streamId;
}
