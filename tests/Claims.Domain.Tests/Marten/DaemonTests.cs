using Claims.Domain.Events;
using Claims.Domain.Projections;
using Claims.Domain.Projections.Running;
using Claims.Domain.Tests.Support;
using Claims.TestKit;
using JasperFx.Events;
using JasperFx.Events.Daemon;

namespace Claims.Domain.Tests.Marten;

/// <summary>The read models on Marten's daemon: poisoned events, several processes, versions, rebuilds under writes.
/// Each test has a database of its own (they start and stop daemons on it).</summary>
public sealed class DaemonTests
{
    [Fact]
    public async Task A_poisoned_event_goes_to_Martens_dead_letters_and_every_other_event_is_applied()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
        var article = "article-poison" + Guid.NewGuid().ToString("N")[..8];
        // A strike with no perpetrator: the extractor never writes one, an older writer or a hand-made event could, and every
        // read model fails on it.
        var poisoned = new StrikeReported(article, "k1", null!, null, [], [], null, null, new Dictionary<string, int>(), "frappes", 0, 7, "event", null, null, "test");
        await using (var session = runtime.Store.LightweightSession())
        {
            session.Events.StartStream(article, MartenRuns.NewArticle(article), poisoned);
            await session.SaveChangesAsync();
        }
        var after = await MartenRuns.IngestSeedsAsync(runtime, 0);

        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        long poisonedSequence;
        await using (var session = runtime.Store.QuerySession())
            poisonedSequence = (await session.Events.FetchStreamAsync(article)).Single(e => e.Data is StrikeReported).Sequence;
        await using (var session = runtime.Store.QuerySession())
        {
            var letters = await global::Marten.QueryableExtensions.ToListAsync(session.Query<DeadLetterEvent>().Where(d => d.EventSequence == poisonedSequence));
            Assert.Equal(["contradictions", "ledger", "strikes"], letters.Select(l => l.ProjectionName).Order());
        }
        foreach (var projection in runtime.Projections.Select(p => p.Projection.Name))
        {
            var articles = await MartenRuns.ArticlesAsync(runtime, projection);
            Assert.Equal(1, articles.GetValueOrDefault(article)); // the article event before it was applied
            Assert.Equal(1, articles.GetValueOrDefault(after[0])); // and the events after it
        }
    }

    [Fact]
    public async Task A_write_the_database_refuses_after_the_batch_began_sending_is_undone_and_only_its_event_dead_lettered()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString, projections: [new RefusingProjection()]);
        string[] articles = ["kept-1", "refused-1", "kept-2", "kept-3"];
        await using (var session = runtime.Store.LightweightSession())
        {
            foreach (var id in articles) session.Events.StartStream(id, MartenRuns.NewArticle(id));
            await session.SaveChangesAsync();  // one commit: the daemon meets all four in one batch
        }

        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        await using (var session = runtime.Store.QuerySession())
        {
            var refused = (await session.Events.FetchStreamAsync("refused-1")).Single().Sequence;
            var letters = await global::Marten.QueryableExtensions.ToListAsync(session.Query<DeadLetterEvent>());
            Assert.Equal(refused, Assert.Single(letters).EventSequence);
        }
        Assert.Equal(["kept-1", "kept-2", "kept-3"],
            await TableDump.TextRowsAsync(runtime.DataSource, $"select article_id from {runtime.ProjectionSchema(RefusingProjection.ProjectionName)}.seen order by 1"));
    }

    /// <summary>A read model whose table refuses one article: the refusal comes from the server, at the end of the batch, after
    /// a query has sent the savepoint and the writes queued before it, so the slice must be rolled back on the server.</summary>
    private sealed class RefusingProjection : ITableProjection
    {
        public const string ProjectionName = "refusing";
        public string Name => ProjectionName;
        public int Version => 1;
        public IReadOnlyCollection<Type> EventTypes => [typeof(ArticleIngested)];
        public IReadOnlyList<string> Tables => ["seen"];

        public Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct) =>
            context.ExecuteAsync($"create table {context.Schema}.seen (article_id text primary key check (article_id not like 'refused-%'))", ct);

        public async Task ApplyAsync(IReadOnlyList<IEvent> events, ProjectionContext context, CancellationToken ct)
        {
            await context.QueryAsync($"select count(*) from {context.Schema}.seen", r => r.GetInt64(0), ct);
            context.Enqueue(($"insert into {context.Schema}.seen select unnest($1::text[])", [events.Select(e => ((ArticleIngested)e.Data).ArticleId).ToArray()]));
        }
    }

    [Fact]
    public async Task Of_two_servers_one_runs_the_projections_and_the_other_takes_over_when_it_stops()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var first = await MartenRuns.StartAsync(database.ConnectionString, DaemonMode.HotCold);
        await using var second = await MartenRuns.StartAsync(database.ConnectionString, DaemonMode.HotCold);
        try
        {
            var before = await MartenRuns.IngestSeedsAsync(first, 0, 1);
            await second.Application.WaitForProjectionsAsync(MartenRuns.Patience);
            var articles = await MartenRuns.ArticlesAsync(second, LedgerProjection.ProjectionName);
            Assert.All(before, id => Assert.Equal(1, articles.GetValueOrDefault(id)));
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The first server is gone: the second takes the projections over and applies what arrives through it.
        var later = await MartenRuns.IngestSeedsAsync(second, 2, 3, 4);
        await second.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        var all = await MartenRuns.ArticlesAsync(second, LedgerProjection.ProjectionName);
        Assert.Equal(5, all.Count);
        Assert.All(later, id => Assert.Equal(1, all.GetValueOrDefault(id)));
        // One owner at a time: nothing was applied twice (equal to a rebuild from the log).
        await MartenRuns.AssertEqualToARebuildAsync(second);
    }

    [Fact]
    public async Task A_process_applying_the_read_models_again_after_another_did_meanwhile_sees_what_the_other_applied()
    {
        // The strikes and contradictions read models keep a strike index in memory (StrikeIndex). The first process builds
        // one, a second applies more articles while the first's daemon is stopped, then the first applies again: its index
        // must take in the second's strikes (the tables' generation tells it that it is behind), or the first's groups miss them.
        await using var processes = await TwoProcesses.StartAsync();
        var (first, second) = (processes.First, processes.Second);

        // Seed 3's strikes group with those of seeds 0-2, which only the second process indexed.
        await ApplyAsync(first, () => MartenRuns.IngestSeedsAsync(first, 4));
        await ApplyAsync(second, () => MartenRuns.IngestSeedsAsync(second, 0, 1, 2));
        await ApplyAsync(first, () => MartenRuns.IngestSeedsAsync(first, 3));
        await MartenRuns.AssertEqualToARebuildAsync(second);
    }

    [Fact]
    public async Task A_process_holding_articles_records_takes_them_anew_after_another_process_changed_them()
    {
        // The contradictions read model also holds the records of the articles it recently wrote (StandingRecordCache), for
        // the articles behind a strike cluster a batch changes. The first process holds seed 0; a second rules its statements
        // out; then seed 1 joins its clusters in the first, whose clusters and campaigns must be made of the records that
        // stand now, not of the statements it held.
        await using var processes = await TwoProcesses.StartAsync();
        var (first, second) = (processes.First, processes.Second);

        var held = await ApplyAsync(first, () => MartenRuns.IngestSeedsAsync(first, 0));
        var ruledOut = 0;
        await ApplyAsync(second, async () =>
        {
            foreach (var article in held)
                foreach (var statement in (await second.Application.GetArticleAsync(article))!.Records.Where(r => r.Type == "statement"))
                {
                    await second.Application.CorrectRecordAsync(article, statement.RecordId, new Application.CorrectRecordRequest("not-a-claim"), "checker");
                    ruledOut++;
                }
            return held;
        });
        Assert.True(ruledOut > 0);
        await ApplyAsync(first, () => MartenRuns.IngestSeedsAsync(first, 1));
        await MartenRuns.AssertEqualToARebuildAsync(second);
    }

    /// <summary>Two processes on a new database of their own, neither applying the read models until <see cref="ApplyAsync"/>
    /// starts its daemon.</summary>
    private sealed class TwoProcesses(PostgresDatabase database, Application.ClaimsRuntime first, Application.ClaimsRuntime second) : IAsyncDisposable
    {
        public Application.ClaimsRuntime First => first;
        public Application.ClaimsRuntime Second => second;

        public static async Task<TwoProcesses> StartAsync()
        {
            var database = await PostgresDatabase.CreateAsync();
            Application.ClaimsRuntime? first = null;
            try
            {
                first = await MartenRuns.StartAsync(database.ConnectionString, DaemonMode.Disabled);
                return new TwoProcesses(database, first, await MartenRuns.StartAsync(database.ConnectionString, DaemonMode.Disabled));
            }
            catch
            {
                // A runtime that fails to start must not leave the other and the database behind.
                if (first is not null) await first.DisposeAsync();
                await database.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
            await database.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="work"/> with <paramref name="runtime"/>'s daemon applying the read models, until they include it.</summary>
    private static async Task<T> ApplyAsync<T>(Application.ClaimsRuntime runtime, Func<Task<T>> work)
    {
        using var daemon = await runtime.Store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        var result = await work();
        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        await daemon.StopAllAsync();
        return result;
    }

    [Fact]
    public async Task A_version_bump_builds_a_new_schema_from_the_start_of_the_log_and_leaves_the_old_one_as_it_was()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        string oldSchema;
        Dictionary<string, long> oldArticles;
        await using (var v1 = await MartenRuns.StartAsync(database.ConnectionString))
        {
            await MartenRuns.IngestSeedsAsync(v1, 0, 1, 2, 3, 4);
            await v1.Application.WaitForProjectionsAsync(MartenRuns.Patience);
            oldSchema = v1.ProjectionSchema(LedgerProjection.ProjectionName);
            oldArticles = await MartenRuns.ArticlesAsync(v1, LedgerProjection.ProjectionName);
        }

        var bumped = ClaimsStackProjections(ledgerVersion: new LedgerProjection().Version + 1);
        await using var v2 = await MartenRuns.StartAsync(database.ConnectionString, projections: bumped);
        var newSchema = v2.ProjectionSchema(LedgerProjection.ProjectionName);
        Assert.NotEqual(oldSchema, newSchema);
        await v2.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        Assert.Equal(oldArticles, await MartenRuns.ArticlesAsync(v2, LedgerProjection.ProjectionName));
        // The old version's tables are untouched, for processes still on it.
        Assert.Equal(oldArticles.Count, (await TableDump.OfSchemaAsync(v2.DataSource, oldSchema))["articles"].Count);
    }

    [Fact]
    public async Task A_rebuild_while_articles_arrive_ends_equal_to_a_rebuild_from_the_log()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
        await MartenRuns.IngestSeedsAsync(runtime, 0, 1);
        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);

        var writes = MartenRuns.IngestSeedsAsync(runtime, 2, 3, 4);
        await runtime.RebuildAsync(ContradictionsProjection.ProjectionName);
        await writes;

        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        Assert.Equal(5, (await MartenRuns.ArticlesAsync(runtime, ContradictionsProjection.ProjectionName)).Count);
        await MartenRuns.AssertEqualToARebuildAsync(runtime);
    }

    [Fact]
    public async Task Writes_that_wait_for_this_processs_daemon_hear_it_from_the_daemon_not_from_polling_the_progress_table()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
        await MartenRuns.IngestSeedsAsync(runtime, 0);
        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience); // the daemon's shards are running
        var before = runtime.Progress.PlaceReads;

        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            await MartenRuns.IngestSeedsAsync(runtime, seed);
            await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience); // as POST /articles does
        }

        Assert.Equal(5, (await MartenRuns.ArticlesAsync(runtime, LedgerProjection.ProjectionName)).Count);
        // The progress table is the safety net for a daemon in another process, read only by a wait that lasts past its
        // first pause (a read at once for each wait made at least four).
        Assert.True(runtime.Progress.PlaceReads - before < 4, $"{runtime.Progress.PlaceReads - before} reads of the progress table for four writes");
    }

    [Fact]
    public async Task A_rebuild_first_gives_the_planner_the_logs_current_size()
    {
        // Without statistics the daemon's page query sorts the whole rest of the log for every page (EventLogStatistics).
        await using var database = await PostgresDatabase.CreateAsync();
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
        await MartenRuns.IngestSeedsAsync(runtime, 0, 1, 2);
        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);

        await runtime.RebuildAsync();

        var schema = runtime.Store.Options.Events.DatabaseSchemaName;
        await using var read = runtime.DataSource.CreateCommand(
            $"select (select reltuples::bigint from pg_class where oid = '{schema}.mt_events'::regclass), (select count(*) from {schema}.mt_events)");
        await using var reader = await read.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.True(reader.GetInt64(1) > 0);
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(0));
    }

    [Fact]
    public async Task Each_projection_names_every_table_it_creates_so_that_a_rebuild_empties_them_all()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
        foreach (var p in runtime.Projections)
        {
            var created = await TableDump.TablesAsync(runtime.DataSource, p.Schema);
            Assert.Equal(created.Order(StringComparer.Ordinal), p.Projection.Tables.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void The_read_models_names_known_without_building_them_are_those_of_the_read_models()
    {
        Assert.Equal(Application.ClaimsStack.CreateProjections().Select(p => p.Name), Application.ClaimsStack.ProjectionNames);
    }

    [Fact]
    public async Task A_batch_with_an_event_that_cannot_be_serialised_writes_nothing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
        var article = "article-unwritable" + Guid.NewGuid().ToString("N")[..8];
        var before = await Streams.CountAsync(runtime);
        await using (var session = runtime.Store.LightweightSession())
        {
            session.Events.StartStream(article, MartenRuns.NewArticle(article), new NotSerialisable(double.NaN));
            await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        }
        Assert.Equal(before, await Streams.CountAsync(runtime));
        Assert.Empty(await Streams.ReadAsync(runtime, article));
    }

    [Fact]
    public async Task A_batch_cut_off_in_the_middle_leaves_nothing_half_applied_and_is_applied_again_whole()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var gate = new Gate();
        var gated = Application.ClaimsStack.CreateProjections().Select(p => p.Name == StrikesProjection.ProjectionName ? new Gated(p, gate) : p).ToList();
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString, projections: gated);
        await MartenRuns.IngestSeedsAsync(runtime, 0, 1, 2);
        await gate.Entered.Task.WaitAsync(MartenRuns.Patience); // the strikes batch has written part of its rows, and waits

        // What a process dying mid-batch does to its transaction: the connection goes, PostgreSQL rolls it back. Only the held
        // batch's backend: killing every transaction idle at that moment also killed connections that had just gone back to
        // the pool, and the next command on one of them (this test's own wait) failed.
        await using (var kill = database.DataSource.CreateCommand("select pg_terminate_backend($1)"))
        {
            kill.Parameters.Add(new Npgsql.NpgsqlParameter { Value = gate.Backend });
            Assert.True((bool)(await kill.ExecuteScalarAsync())!);
        }
        gate.Release.SetResult();

        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        Assert.Equal(3, (await MartenRuns.ArticlesAsync(runtime, StrikesProjection.ProjectionName)).Count);
        await MartenRuns.AssertEqualToARebuildAsync(runtime);
    }

    [Fact]
    public async Task Two_writers_on_one_stream_the_second_gets_a_typed_conflict_and_writes_nothing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var runtime = await MartenRuns.StartAsync(database.ConnectionString);
        var article = "article-race" + Guid.NewGuid().ToString("N")[..8];
        await using (var create = runtime.Store.LightweightSession())
        {
            create.Events.StartStream(article, MartenRuns.NewArticle(article));
            await create.SaveChangesAsync();
        }
        await using var one = runtime.Store.LightweightSession();
        await using var two = runtime.Store.LightweightSession();
        var first = await one.Events.FetchForWriting<Articles.ArticleState>(article);
        var second = await two.Events.FetchForWriting<Articles.ArticleState>(article);
        first.AppendOne(new RecordRetracted(article, "s1", "revised", "test"));
        second.AppendOne(new RecordRetracted(article, "s2", "revised", "test"));
        await one.SaveChangesAsync();
        await Assert.ThrowsAnyAsync<JasperFx.ConcurrencyException>(() => two.SaveChangesAsync());
        Assert.Equal(["s1"], (await Streams.ReadAsync(runtime, article)).OfType<RecordRetracted>().Select(r => r.RecordId));
    }

    /// <summary>Holds the first batch of a projection after its SQL ran (its transaction still open) until released.</summary>
    private sealed class Gate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _used;

        /// <summary>The PostgreSQL backend of the batch held.</summary>
        public int Backend { get; private set; }

        public async Task HoldFirstAsync(Func<Task<int>> backend, CancellationToken ct)
        {
            if (Interlocked.Exchange(ref _used, 1) == 1) return;
            Backend = await backend();
            Entered.SetResult();
            await Release.Task.WaitAsync(ct);
        }
    }

    private sealed class Gated(ITableProjection inner, Gate gate) : ITableProjection
    {
        public string Name => inner.Name;
        public int Version => inner.Version;
        public IReadOnlyCollection<Type> EventTypes => inner.EventTypes;
        public IReadOnlyList<string> Tables => inner.Tables;
        public Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct) => inner.CreateSchemaAsync(context, ct);

        public async Task ApplyAsync(IReadOnlyList<IEvent> events, ProjectionContext context, CancellationToken ct)
        {
            await inner.ApplyAsync(events, context, ct);
            await gate.HoldFirstAsync(async () => (await context.QueryAsync("select pg_backend_pid()", r => r.GetInt32(0), ct)).Single(), ct);
        }
    }

    /// <summary>System.Text.Json refuses NaN (no named floating-point literals by default).</summary>
    private sealed record NotSerialisable(double Value);

    private static IReadOnlyList<ITableProjection> ClaimsStackProjections(int ledgerVersion) =>
        Application.ClaimsStack.CreateProjections().Select(p => p.Name == LedgerProjection.ProjectionName ? new Versioned(p, ledgerVersion) : p).ToList();

    /// <summary>The same projection under another version (what a release that changes its rules does).</summary>
    private sealed class Versioned(ITableProjection inner, int version) : ITableProjection
    {
        public string Name => inner.Name;
        public int Version => version;
        public IReadOnlyCollection<Type> EventTypes => inner.EventTypes;
        public IReadOnlyList<string> Tables => inner.Tables;
        public Task CreateSchemaAsync(ProjectionContext context, CancellationToken ct) => inner.CreateSchemaAsync(context, ct);
        public Task ApplyAsync(IReadOnlyList<IEvent> events, ProjectionContext context, CancellationToken ct) => inner.ApplyAsync(events, context, ct);
    }

    [Fact]
    public async Task Sessions_run_without_JIT_unless_the_connection_string_asks_for_it()
    {
        // JIT compiling a read-model statement whose row estimate is stale took 20-30 ms for a statement that runs in one.
        await using var database = await PostgresDatabase.CreateAsync();
        await using (var runtime = await MartenRuns.StartAsync(database.ConnectionString, DaemonMode.Disabled))
        {
            Assert.Equal("off", await JitAsync(runtime.DataSource.CreateCommand("show jit")));
            await using var session = runtime.Store.QuerySession();
            var viaMarten = await session.AdvancedSql.QueryAsync<string>("select current_setting('jit')", CancellationToken.None);
            Assert.Equal("off", Assert.Single(viaMarten));
        }
        var asked = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Options = "-c jit=on" }.ConnectionString;
        await using (var runtime = await MartenRuns.StartAsync(asked, DaemonMode.Disabled))
            Assert.Equal("on", await JitAsync(runtime.DataSource.CreateCommand("show jit")));

        static async Task<string> JitAsync(Npgsql.NpgsqlCommand command)
        {
            await using (command) return (string)(await command.ExecuteScalarAsync())!;
        }
    }
}
