using Claims.EventStore.Schema;
using Claims.TestKit;

namespace Claims.EventStore.Tests.Schema;

public sealed class MigrationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Migrations_run_concurrently_and_twice_without_harm()
    {
        var schema = "m_" + Guid.NewGuid().ToString("N")[..10];
        var applied = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Migrator.MigrateAsync(database.DataSource, schema))));
        Assert.Equal(Migrator.All.Count, applied.Sum()); // exactly one process applied each migration
        Assert.Equal(0, await Migrator.MigrateAsync(database.DataSource, schema));

        await using var command = database.DataSource.CreateCommand($"select count(*) from {schema}.schema_migrations");
        Assert.Equal((long)Migrator.All.Count, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_schema_name_is_configurable_and_stores_do_not_see_each_other()
    {
        await using var first = await Support.TestStore.CreateAsync(database);
        await using var second = await Support.TestStore.CreateAsync(database);
        await first.AppendAsync("s", "test", Claims.EventStore.Appending.ExpectedVersion.NoStream, Support.TestStore.Events(new Support.Counted(1)));
        Assert.Null(await second.GetStreamAsync("s"));
        Assert.NotNull(await first.GetStreamAsync("s"));
    }
}
