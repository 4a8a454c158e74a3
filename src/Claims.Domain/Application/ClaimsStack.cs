using Claims.Domain.Articles;
using Claims.Domain.Contradictions;
using Claims.Domain.Events;
using Claims.Domain.Projections;
using Claims.Domain.Projections.Running;
using Claims.Extraction;
using Claims.Extraction.Knowledge;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace Claims.Domain.Application;

/// <summary>
/// The one bootstrap of Claims, used by `claims serve`, the other CLI commands, the tests and the benchmarks: Marten
/// (events, the article and contradiction streams, the read-model projections and their daemon) and Wolverine (the
/// commands, handled over the deciders) on one PostgreSQL database. Every Marten and Wolverine setting is here.
/// </summary>
public static class ClaimsStack
{
    /// <summary>The read models' names, without building them (building the contradictions' loads the knowledge base).</summary>
    public static readonly IReadOnlyList<string> ProjectionNames =
        [LedgerProjection.ProjectionName, ContradictionsProjection.ProjectionName, StrikesProjection.ProjectionName];

    /// <summary>The read models, in a fresh instance each; the contradictions' finder reads the word lists of
    /// <paramref name="knowledge"/> (the extractor's; null: the embedded data).</summary>
    public static IReadOnlyList<ITableProjection> CreateProjections(KnowledgeBase? knowledge = null) =>
        [new LedgerProjection(), new ContradictionsProjection(knowledge ?? KnowledgeBase.Embedded), new StrikesProjection()];

    public static IHostApplicationBuilder AddClaims(this IHostApplicationBuilder builder, string connectionString, ClaimsRuntimeOptions? options = null)
    {
        options ??= new ClaimsRuntimeOptions();
        connectionString = WithoutJit(connectionString);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(options.Clock);
        services.AddSingleton(_ => options.Extractor ?? SharedExtractor.Value);
        // One pool for Marten and for the read-model queries (plain SQL over the projections' tables).
        // Built by the container, so that stopping the host disposes it with its pooled connections.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = "claims" }.Build());

        // Read now, so a malformed public address stops the process before it serves.
        var publisher = options.Publisher ?? ClaimReviewPublisher.From(Setting(builder, ClaimReviewPublisher.OrganizationSetting), Setting(builder, ClaimReviewPublisher.BaseUrlSetting));

        var projections = new List<TableProjection>();
        services.AddSingleton<IReadOnlyList<TableProjection>>(projections);
        services.AddSingleton(sp => new ReadModels(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IReadOnlyList<TableProjection>>()));
        // Registered before Marten's daemon, so that a database of the old store is imported and the read models' schemas
        // exist before the daemon (or any query) uses them.
        services.AddHostedService(sp => new BeforeTheDaemon(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<NpgsqlDataSource>(), projections,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("Claims")));

        services.AddMarten(marten =>
            {
                marten.DatabaseSchemaName = options.Schema;
                marten.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // The events' JSON is a contract (the feed serves it): camelCase, nulls left out, as the event catalogue shows.
                marten.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
                    json => json.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);

                marten.Events.StreamIdentity = StreamIdentity.AsString;
                ClaimsEventTypes.Map(marten);
                if (options.Upcasters.Count > 0) marten.Events.Upcast([.. options.Upcasters]);
                marten.Events.MetadataConfig.CorrelationIdEnabled = true;
                marten.Events.MetadataConfig.CausationIdEnabled = true;
                marten.Events.MetadataConfig.UserNameEnabled = true;
                marten.Events.MetadataConfig.HeadersEnabled = true;

                // Never skip an event committed late: the daemon moves its high-water mark past a gap only when PostgreSQL
                // shows the transaction behind it has ended (this is the default; stated so nobody turns it off). No
                // SkipStaleGapsDespiteLiveTransactionsAfter and no AdvanceHighWaterMarkToLatestAsync anywhere.
                marten.Projections.UseTransactionEvidenceForGapSkipping = true;
                // Appends NOTIFY the daemon at commit, so it reads new events at once instead of at its next poll: what the
                // API's read-your-writes wait and the feed's delay follow (the feed measured p99 1 058 → 167 ms with it).
                marten.Events.UseListenNotifyForEventAppends = true;

                // Commands load the streams through these folds (the deciders' Evolve), never stored.
                marten.Schema.For<ArticleState>().Identity(a => a.ArticleId!);
                marten.Projections.Add(new ArticleStateProjection(), ProjectionLifecycle.Live);
                marten.Projections.Add(new ContradictionReviewProjection(), ProjectionLifecycle.Live);

                foreach (var projection in options.Projections ?? CreateProjections(options.Extractor?.Knowledge)) projections.Add(TableProjection.Register(marten, projection));
                // A poisoned event is recorded in Marten's dead letters (mt_doc_deadletterevent) and passed over; never dropped unseen.
                marten.Projections.Errors.SkipApplyErrors = true;
                marten.Projections.RebuildErrors.SkipApplyErrors = true;
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = options.Schema + "_wolverine")
            .AddAsyncDaemon(options.Daemon);

        builder.UseWolverine(wolverine =>
        {
            // The handlers live here, whichever program hosts them (server, CLI, tests, benchmarks). Named outright: left
            // implicit, Wolverine adopts the first host's calling assembly for the whole process and warns that it differs
            // from this one (GH-3521) whenever the host is built from another assembly, as in the benchmarks.
            wolverine.ApplicationAssembly = typeof(ClaimsStack).Assembly;
            wolverine.Policies.AutoApplyTransactions();
            // Two writers on one stream: the loser decides again on what the winner wrote (an identical ingest then decides
            // nothing). Two creations of one new stream collide on its id instead.
            wolverine.OnException<ConcurrencyException>().Or<Marten.Exceptions.ExistingStreamIdCollisionException>().RetryTimes(5);
            if (options.Daemon != DaemonMode.HotCold) wolverine.Durability.Mode = DurabilityMode.Solo;
        });
        services.AddSingleton(sp => new Contradictions.Reopening.ReopeningRelay(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<ReadModels>(),
            sp.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>(), options.Clock,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<Contradictions.Reopening.ReopeningRelay>>()));
        services.AddHostedService(sp => sp.GetRequiredService<Contradictions.Reopening.ReopeningRelay>());
        services.AddSingleton(sp => new ProjectionProgress(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<NpgsqlDataSource>(), projections,
            () => sp.GetService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>()?.DaemonForMainDatabase().Tracker));
        services.AddSingleton(sp => new ClaimsApplication(sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>(),
            sp.GetRequiredService<ProjectionProgress>(), sp.GetRequiredService<ArticleExtractor>(), options.Clock, sp.GetRequiredService<ReadModels>(), publisher));
        services.AddSingleton<IClaimsApplication>(sp => sp.GetRequiredService<ClaimsApplication>());
        return builder;
    }

    // The host's configuration when it reads the environment (the web host), else the environment itself (the CLI's and the
    // tests' runtimes are built without default configuration sources).
    private static string? Setting(IHostApplicationBuilder builder, string name) => builder.Configuration[name] ?? Environment.GetEnvironmentVariable(name);

    private static readonly Lazy<ArticleExtractor> SharedExtractor = new(() => new ArticleExtractor());

    /// <summary>
    /// The connection string with PostgreSQL's JIT compilation off for every session, unless it sets jit itself. The read
    /// models' batch statements touch a few rows, but on tables whose statistics lag behind their churn the planner's cost
    /// estimates pass jit_above_cost, and compiling the plan then takes 20–30 ms for a statement that runs in under one
    /// (measured on the review queue's refresh: 47 ms with JIT, 1 ms without). Nothing Claims runs is a long analytic query
    /// that JIT would pay off for.
    /// </summary>
    internal static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit=", StringComparison.OrdinalIgnoreCase) == true) return connectionString;
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
    }

    private sealed class BeforeTheDaemon(IDocumentStore store, NpgsqlDataSource dataSource, IReadOnlyList<TableProjection> projections,
        Microsoft.Extensions.Logging.ILogger logger) : IHostedService
    {
        // Any fixed number.
        private const long StartLock = 0x436C61696D73_0002;

        public async Task StartAsync(CancellationToken ct)
        {
            // Processes starting together on a new database take turns: Marten creates its tables lazily, and two creating
            // them at once collide (seen with two servers started side by side). So every table Marten is configured with
            // is made here, once, before anything is read or written; the database then matches the configuration
            // (`claims db-assert` passes).
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using (var take = new NpgsqlCommand($"select pg_advisory_lock({StartLock})", connection)) await take.ExecuteNonQueryAsync(ct);
            try
            {
                await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
                await PrepareAsync(ct);
            }
            finally
            {
                await using var release = new NpgsqlCommand($"select pg_advisory_unlock({StartLock})", connection);
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }

        private async Task PrepareAsync(CancellationToken ct)
        {
            var imported = await Importing.LegacyStoreImport.ImportAsync(store, dataSource, ct);
            if (imported > 0)
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger,
                    "Imported {Count} events of the store Claims used before Marten into Marten's log; the old tables are kept as legacy_*.", imported);
            if (await TableSchemas.EnsureAsync(dataSource, projections, ct))
                await EventLogStatistics.RefreshAsync(dataSource, store.Options.Events.DatabaseSchemaName, ct);
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
