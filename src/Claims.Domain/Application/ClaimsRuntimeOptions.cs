using Claims.EventStore.Daemon;
using Claims.Extraction;

namespace Claims.Domain.Application;

public sealed class ClaimsRuntimeOptions
{
    /// <summary>The PostgreSQL schema of the event log; read models live in "&lt;schema&gt;_&lt;projection&gt;".</summary>
    public string Schema { get; init; } = "claims";

    public DaemonOptions? Daemon { get; init; }

    /// <summary>How long the daemon waits for a notification before polling the log anyway.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The extractor (costly to build; one per process is enough).</summary>
    public ArticleExtractor? Extractor { get; init; }

    /// <summary>The clock that stamps ingestions, corrections and verdicts.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>False to start without a daemon (read models then do not move; tests of the store only).</summary>
    public bool RunDaemon { get; init; } = true;
}
