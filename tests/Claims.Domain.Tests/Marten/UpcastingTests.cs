using Claims.Domain.Events;
using Claims.Domain.Projections;
using Claims.TestKit;
using JasperFx.Events;
using Marten;
using Marten.Services.Json.Transformations;
using JasperFx;
using Weasel.Core;

namespace Claims.Domain.Tests.Marten;

/// <summary>An event of an older version, already in mt_events, loads as the current one through its upcaster: in the
/// stream, and in the read models the daemon builds from it.</summary>
public sealed class UpcastingTests
{
    /// <summary>A statement as an older Claims would have written it: the speaker flattened, the words under another name.</summary>
    private sealed record StatementMadeV0(string ArticleId, string RecordId, string SpeakerId, string SpeakerName, string Words, int Start, int End);

    private const string OldName = "StatementMade.v0";

    private sealed class FromV0 : EventUpcaster<StatementMadeV0, StatementMade>
    {
        public override string EventTypeName => OldName;

        protected override StatementMade Upcast(StatementMadeV0 old) =>
            new(old.ArticleId, old.RecordId, new ActorData(old.SpeakerId, old.SpeakerName), [], old.Words, "direct", old.Start, old.End, null, "v0");
    }

    [Fact]
    public async Task An_old_version_in_the_log_loads_through_its_upcaster_and_reaches_the_read_models()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var runtime = await Claims.Domain.Application.ClaimsRuntime.StartAsync(database.ConnectionString,
            new Claims.Domain.Application.ClaimsRuntimeOptions { Daemon = JasperFx.Events.Daemon.DaemonMode.Solo, Upcasters = [new FromV0()] });
        var article = "article-upcast" + Guid.NewGuid().ToString("N")[..8];

        // The older writer: its own Marten store on the same tables, which knows only its own shape of the statement.
        await using (var older = DocumentStore.For(o =>
        {
            o.Connection(database.ConnectionString);
            o.DatabaseSchemaName = runtime.Store.Options.DatabaseSchemaName;
            o.AutoCreateSchemaObjects = AutoCreate.None;
            o.UseSystemTextJsonForSerialization(casing: Casing.CamelCase);
            o.Events.StreamIdentity = StreamIdentity.AsString;
            ClaimsEventTypes.Map(o);
            o.Events.MapEventType<StatementMadeV0>(OldName);
            o.Events.MetadataConfig.CorrelationIdEnabled = true;
            o.Events.MetadataConfig.CausationIdEnabled = true;
            o.Events.MetadataConfig.UserNameEnabled = true;
            o.Events.MetadataConfig.HeadersEnabled = true;
        }))
        await using (var session = older.LightweightSession())
        {
            session.Events.StartStream(article, MartenRuns.NewArticle(article),
                new StatementMadeV0(article, "s1", "kremlin", "Le Kremlin", "Nous frappons l'EI.", 0, 18));
            await session.SaveChangesAsync();
        }

        await using (var session = runtime.Store.QuerySession())
        {
            var loaded = (await session.Events.FetchStreamAsync(article)).Select(e => e.Data).OfType<StatementMade>().Single();
            Assert.Equal(new StatementMade(article, "s1", new ActorData("kremlin", "Le Kremlin"), [], "Nous frappons l'EI.", "direct", 0, 18, null, "v0"), loaded);
        }
        await runtime.Application.WaitForProjectionsAsync(MartenRuns.Patience);
        await using var command = runtime.DataSource.CreateCommand(
            $"select actor_id, role from {runtime.ProjectionSchema(LedgerProjection.ProjectionName)}.roles where article_id = $1");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = article });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the upcast statement is in the ledger");
        Assert.Equal(("kremlin", LedgerProjection.Roles.Statement), (reader.GetString(0), reader.GetString(1)));
    }
}
