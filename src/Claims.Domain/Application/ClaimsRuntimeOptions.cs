using Claims.Extraction;
using JasperFx.Events.Daemon;

namespace Claims.Domain.Application;

public sealed class ClaimsRuntimeOptions
{
    /// <summary>The PostgreSQL schema of Marten's tables (events, streams, progress); read models live in
    /// "&lt;schema&gt;_&lt;projection&gt;_v&lt;version&gt;", Wolverine's messages in "&lt;schema&gt;_wolverine".</summary>
    public string Schema { get; init; } = "claims";

    /// <summary>How this process runs Marten's async daemon. HotCold (the server): of several processes on one database,
    /// one runs the projections and another takes over when it dies. Solo: this process alone (tests, one-off commands).
    /// Disabled: read models do not move here.</summary>
    public DaemonMode Daemon { get; init; } = DaemonMode.HotCold;

    /// <summary>The read models to run; null: <see cref="ClaimsStack.CreateProjections"/>. (Tests run other versions of them.)</summary>
    public IReadOnlyList<Projections.Running.ITableProjection>? Projections { get; init; }

    /// <summary>The extractor (costly to build; one per process is enough).</summary>
    public ArticleExtractor? Extractor { get; init; }

    /// <summary>The organisation and public address the ClaimReviews name; null: <see cref="ClaimReviewPublisher.OrganizationSetting"/> and
    /// <see cref="ClaimReviewPublisher.BaseUrlSetting"/> from configuration or the environment.</summary>
    public ClaimReviewPublisher? Publisher { get; init; }

    /// <summary>How events of older versions load as the current ones (<see cref="Events.ClaimsEventTypes.Upcasters"/>; a test of
    /// a version still to come, or a program replaying recordings of its own older events, adds its own).</summary>
    public IReadOnlyList<Marten.Services.Json.Transformations.IEventUpcaster> Upcasters { get; init; } = Events.ClaimsEventTypes.Upcasters;

    /// <summary>The clock that stamps ingestions, corrections and verdicts.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
