using CxApi.Infrastructure.Ingest;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace CxApi.Infrastructure;

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public string Provider { get; set; } = "Sqlite";
}

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddCxDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connectionString = builder.Configuration.GetConnectionString("Cx") ?? "Data Source=data/cx.db";

        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton<IRecordRowWriter, PostgresRecordRowWriter>();
            builder.Services.AddDbContextPool<CxDbContext, PostgresCxDbContext>((services, o) => o
                .UseNpgsql(PostgresDefaults(connectionString))
                .AddInterceptors(services.GetRequiredService<RecordInsertInterceptor>()));
            if (builder.Configuration.GetConnectionString(MetricsReadDatabase.ConnectionName) is { Length: > 0 } replica)
            {
                var replicaOptions = new DbContextOptionsBuilder<PostgresCxDbContext>()
                    .UseNpgsql(PostgresDefaults(replica))
                    .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
                    .Options;
                builder.Services.AddKeyedScoped<CxDbContext>(MetricsReadDatabase.ConnectionName, (_, _) => new PostgresCxDbContext(replicaOptions));
            }
            return builder;
        }
        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use 'Sqlite' or 'Postgres'.");
        if (builder.Configuration.GetConnectionString(MetricsReadDatabase.ConnectionName) is { Length: > 0 })
            throw new InvalidOperationException($"ConnectionStrings:{MetricsReadDatabase.ConnectionName} (a read replica for metrics) needs Database:Provider=Postgres.");

        connectionString = SqliteFiles.Prepare(connectionString, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<IRecordRowWriter, SqliteRecordRowWriter>();
        builder.Services.AddDbContextPool<CxDbContext, SqliteCxDbContext>((services, o) => o
            .UseSqlite(connectionString)
            .AddInterceptors(SqlitePragmas.Instance, services.GetRequiredService<RecordInsertInterceptor>()));
        return builder;
    }

    /// <summary>A server that does not answer fails a request in seconds (a 503), not after Npgsql's default 15 s.</summary>
    private static string PostgresDefaults(string connectionString)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) csb.Timeout = 5;
        return csb.ToString();
    }

    /// <summary>Applies pending migrations (the schema is never created any other way).</summary>
    public static async Task MigrateCxDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}

/// <summary>
/// Where metric queries read: a PostgreSQL streaming replica when <c>ConnectionStrings:CxMetrics</c> is set (they
/// then see the primary's data as of the replica's lag, usually well under a second), otherwise the main database.
/// </summary>
public sealed class MetricsReadDatabase(IServiceProvider services)
{
    public const string ConnectionName = "CxMetrics";

    public CxDbContext Db { get; } = services.GetKeyedService<CxDbContext>(ConnectionName) ?? services.GetRequiredService<CxDbContext>();
}

internal static class SqliteFiles
{
    /// <summary>Resolves a relative file against the content root and creates its directory.</summary>
    public static string Prepare(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            csb.DataSource = path;
        }
        // Microsoft.Data.Sqlite retries a busy database for up to the command timeout.
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase)) csb.DefaultTimeout = 30;
        return csb.ToString();
    }
}

/// <summary>
/// Per-connection settings: wait for the write lock instead of failing with "database is locked",
/// fsync the WAL at every commit (nothing acknowledged is lost), enforce foreign keys, and read the
/// file through a memory map (the OS page cache, shared by all connections) instead of read() calls.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    // SQLite's own checkpoint after every commit that leaves the WAL over 1,000 pages keeps it near 4 MB
    // under continuous writes (a background checkpointer measured here never caught up: 200 MB in 13 s).
    private const string Pragmas = "PRAGMA busy_timeout=30000; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; " +
                                   "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-32768; PRAGMA wal_autocheckpoint=1000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // Connections are pooled: the settings stay on the native handle, so each handle is set up once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Configured.TryGetValue(handle, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, handle);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCxDbContext>
{
    public SqliteCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCxDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCxDbContext>
{
    public PostgresCxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCxDbContext>().UseNpgsql("Host=localhost;Database=cx_design_time").Options);
}
