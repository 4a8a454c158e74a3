namespace Claims.LocalPostgres;

/// <summary>No PostgreSQL could be found or started; the message says what to install or set.</summary>
public sealed class PostgresNotFoundException : Exception
{
    public const string Advice =
        "No PostgreSQL server found. Install one (Debian/Ubuntu: `apt-get install postgresql`; " +
        "the programs initdb, pg_ctl and postgres must be on PATH or under /usr/lib/postgresql/<version>/bin), " +
        "or point Claims at a running server: set CLAIMS_DB (the CLI) or CLAIMS_TEST_DB (the tests) to a connection string " +
        "such as \"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\".";

    public PostgresNotFoundException() : base(Advice) { }

    public PostgresNotFoundException(string detail) : base($"{Advice} ({detail})") { }

    public PostgresNotFoundException(string detail, Exception inner) : base($"{Advice} ({detail})", inner) { }
}
