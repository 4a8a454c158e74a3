using Npgsql;
using Xunit;

namespace Claims.TestKit;

/// <summary>
/// A fresh, empty database of its own on the shared test server, dropped at the end.
/// In xunit: <c>IClassFixture&lt;PostgresDatabase&gt;</c> gives each test class its own database,
/// so classes run in parallel without seeing each other's data. Elsewhere: <see cref="CreateAsync"/>.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime, IAsyncDisposable
{
    private IPostgresServer? _server;
    private string? _name;
    private string? _connectionString;
    private NpgsqlDataSource? _dataSource;
    private int _dropped;

    /// <summary>For xunit, which calls InitializeAsync; use <see cref="CreateAsync"/> otherwise.</summary>
    public PostgresDatabase() { }

    public string Name => _name ?? throw NotCreated();
    public string ConnectionString => _connectionString ?? throw NotCreated();
    public NpgsqlDataSource DataSource => _dataSource ?? throw NotCreated();

    /// <summary>A new database on <paramref name="server"/> (default: <see cref="TestPostgres.Server"/>).</summary>
    public static async Task<PostgresDatabase> CreateAsync(IPostgresServer? server = null, CancellationToken cancellationToken = default)
    {
        var database = new PostgresDatabase();
        await database.CreateOnAsync(server ?? await TestPostgres.Server.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return database;
    }

    async Task IAsyncLifetime.InitializeAsync() =>
        await CreateOnAsync(await TestPostgres.Server.ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false);

    Task IAsyncLifetime.DisposeAsync() => DropAsync();

    public async ValueTask DisposeAsync() => await DropAsync().ConfigureAwait(false);

    private async Task CreateOnAsync(IPostgresServer server, CancellationToken cancellationToken)
    {
        if (_name is not null) throw new InvalidOperationException($"Database {_name} was already created.");
        var name = "claims_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", cancellationToken).ConfigureAwait(false);

        _server = server;
        _name = name;
        _connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    private async Task DropAsync()
    {
        if (_server is null || _name is null || Interlocked.Exchange(ref _dropped, 1) == 1) return;
        if (_dataSource is not null) await _dataSource.DisposeAsync().ConfigureAwait(false);
        // FORCE ends connections a test left open (its own pools), which would otherwise block the drop.
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", CancellationToken.None).ConfigureAwait(false);
        NpgsqlConnection.ClearPool(new NpgsqlConnection(_connectionString));
    }

    private static async Task ExecuteAsync(IPostgresServer server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static InvalidOperationException NotCreated() =>
        new("The test database is not created yet: use it as an xunit fixture (IClassFixture<PostgresDatabase>) or through PostgresDatabase.CreateAsync().");
}
