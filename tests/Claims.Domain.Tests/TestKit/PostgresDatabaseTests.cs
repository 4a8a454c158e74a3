using Claims.TestKit;
using Npgsql;

namespace Claims.Domain.Tests.TestKit;

public sealed class PostgresDatabaseTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task A_fresh_database_is_reachable_and_is_the_one_named()
    {
        await using var command = database.DataSource.CreateCommand("SELECT current_database()");
        Assert.Equal(database.Name, await command.ExecuteScalarAsync());

        await using var viaConnectionString = new NpgsqlConnection(database.ConnectionString);
        await viaConnectionString.OpenAsync();
        Assert.Equal(database.Name, viaConnectionString.Database);
    }

    [Fact]
    public async Task A_fresh_database_holds_no_tables()
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Two_databases_are_distinct_and_do_not_share_tables()
    {
        await using var first = await PostgresDatabase.CreateAsync();
        await using var second = await PostgresDatabase.CreateAsync();
        Assert.NotEqual(first.Name, second.Name);

        await using (var create = first.DataSource.CreateCommand("CREATE TABLE only_in_first (id int)"))
            await create.ExecuteNonQueryAsync();

        await using var lookup = second.DataSource.CreateCommand("SELECT to_regclass('only_in_first') IS NULL");
        Assert.Equal(true, await lookup.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Disposing_drops_the_database_even_with_a_connection_left_open()
    {
        var scratch = await PostgresDatabase.CreateAsync();
        var leftOpen = new NpgsqlConnection(scratch.ConnectionString);
        await leftOpen.OpenAsync();

        await scratch.DisposeAsync();

        var server = await TestPostgres.Server;
        await using var admin = new NpgsqlConnection(server.ConnectionString);
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", scratch.Name);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
        await leftOpen.DisposeAsync();
    }

    [Fact]
    public void Using_a_database_before_it_is_created_says_how_to_create_it()
    {
        var notCreated = new PostgresDatabase();
        var error = Assert.Throws<InvalidOperationException>(() => notCreated.ConnectionString);
        Assert.Contains("CreateAsync", error.Message);
    }
}
