using CxApi.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CxApi.Tests.Support;

/// <summary>
/// Which database the integration tests run on: SQLite files by default; PostgreSQL when
/// <c>CX_TEST_POSTGRES</c> holds a server's connection string (each fixture then gets its own database).
/// </summary>
public static class TestDatabase
{
    public const string Variable = "CX_TEST_POSTGRES";

    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool IsPostgres => PostgresServer is not null;

    public static string ConnectionString(string databasePath) => PostgresServer is { } server
        ? new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName(databasePath) }.ToString()
        : $"Data Source={databasePath}";

    /// <summary>A PostgreSQL database name derived from the fixture's (unique) SQLite path.</summary>
    public static string DatabaseName(string databasePath) => "cx_test_" + Path.GetFileName(Path.GetDirectoryName(databasePath))!;

    /// <summary>A context on a fixture's database outside any application: to lay down an older schema, or read rows as stored.</summary>
    public static CxDbContext OpenContext(string databasePath)
    {
        if (IsPostgres)
            return new PostgresCxDbContext(new DbContextOptionsBuilder<PostgresCxDbContext>().UseNpgsql(ConnectionString(databasePath)).Options);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        return new SqliteCxDbContext(new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite(ConnectionString(databasePath)).Options);
    }

    public static void Drop(string databasePath)
    {
        if (PostgresServer is not { } server) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{DatabaseName(databasePath)}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
