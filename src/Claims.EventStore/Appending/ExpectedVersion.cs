namespace Claims.EventStore.Appending;

/// <summary>What the writer believes about the stream before appending: the optimistic concurrency check.</summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(long value) => Value = value;

    /// <summary>The wire value of append_events: &gt; 0 exact version, 0 no stream, -1 any, -2 stream exists.</summary>
    internal long Value { get; }

    public static readonly ExpectedVersion NoStream = new(0);
    public static readonly ExpectedVersion Any = new(-1);
    public static readonly ExpectedVersion StreamExists = new(-2);

    /// <summary>The stream must be at exactly this version; 0 means it must not exist yet.</summary>
    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "A stream version is 0 or more.");

    public override string ToString() => Value switch
    {
        0 => "NoStream",
        -1 => "Any",
        -2 => "StreamExists",
        var v => v.ToString(),
    };
}
