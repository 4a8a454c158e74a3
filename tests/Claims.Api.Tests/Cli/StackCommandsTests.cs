using Claims.Api.Tests.Support;
using Claims.TestKit;
using Npgsql;

namespace Claims.Api.Tests.Cli;

/// <summary>
/// The stack's admin verbs through `claims`, against a real database given in CLAIMS_DB: Marten's projections, Weasel's
/// schema assert and apply, Wolverine's generated code. Each runs the executable, as a user would.
/// </summary>
public sealed class StackCommandsTests : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private ClaimsExecutable _claims = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _claims = new ClaimsExecutable(_database.ConnectionString);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Projections_lists_the_three_read_models_rebuilds_one_and_shows_their_progress()
    {
        Assert.Equal(0, (await _claims.RunAsync("ingest", Repository.Seeds)).Code);

        var (code, output, error) = await _claims.RunAsync("projections", "list");
        Assert.True(code == 0, error);
        foreach (var name in ReadModels)
            Assert.Matches($@"│ {name}\s+│\s+\d+ │.*│ Async\s+│", output);

        // All rebuilt to the head of the log; then the ledger, emptied by hand, comes back from the events alone.
        (code, output, error) = await _claims.RunAsync("projections", "rebuild");
        Assert.True(code == 0, output + error);
        var schema = await ScalarAsync<string>("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'claims_ledger_v%'");
        var rows = await RowsAsync(schema);
        Assert.True(rows > 0);
        await TruncateAsync(schema);
        Assert.Equal(0, await RowsAsync(schema));
        (code, output, error) = await _claims.RunAsync("projections", "rebuild", "--projection", "ledger");
        Assert.True(code == 0, output + error);
        Assert.Equal(rows, await RowsAsync(schema));

        // Status (the default action): every read model at the head, none behind.
        var head = await ScalarAsync<long>("SELECT max(seq_id) FROM claims.mt_events");
        (code, output, error) = await _claims.RunAsync("projections");
        Assert.True(code == 0, error);
        foreach (var name in ReadModels)
            Assert.Matches($@"│ {name}\s+│\s+\d+ │ claims_{name}_v\d+\s+│\s+{head} │\s+0 │", output);
        Assert.Contains($"Log head {head}", output);
    }

    private static readonly string[] ReadModels = ["ledger", "contradictions", "strikes"];

    [Fact]
    public async Task Db_assert_passes_on_the_database_serve_made_and_db_apply_repairs_a_missing_table()
    {
        await _claims.ServeUntilListeningAsync();
        var (code, output, error) = await _claims.RunAsync("db-assert");
        Assert.True(code == 0, output + error);

        await ExecuteAsync("DROP TABLE claims.mt_doc_deadletterevent");
        (code, output, _) = await _claims.RunAsync("db-assert");
        Assert.Equal(1, code);
        Assert.Contains("mt_doc_deadletterevent", output);

        Assert.Equal(0, (await _claims.RunAsync("db-apply")).Code);
        Assert.Equal(0, (await _claims.RunAsync("db-assert")).Code);
    }

    [Fact]
    public async Task Codegen_preview_shows_the_handlers_Wolverine_generates_for_the_commands()
    {
        var (code, output, error) = await _claims.RunAsync("codegen", "preview");
        Assert.True(code == 0, error);
        foreach (var command in (string[])["IngestArticle", "ReExtractArticle", "CorrectRecord", "RecordVerdict"])
            Assert.Contains($"class {command}Handler", output);
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<string>> TablesAsync(string schema)
    {
        await using var command = _database.DataSource.CreateCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'");
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }

    private async Task<long> RowsAsync(string schema)
    {
        long rows = 0;
        foreach (var table in await TablesAsync(schema)) rows += await ScalarAsync<long>($"SELECT count(*) FROM {table}");
        return rows;
    }

    private async Task TruncateAsync(string schema) => await ExecuteAsync($"TRUNCATE {string.Join(", ", await TablesAsync(schema))}");
}
