using CxApi.Infrastructure.Ingest;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Infrastructure;

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
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<SqliteWalLimit>(services, connectionString));
        builder.Services.AddHostedService(services => services.GetRequiredService<SqliteWalLimit>());
        builder.Services.AddDbContextPool<CxDbContext, SqliteCxDbContext>((services, o) => o
            .UseSqlite(connectionString)
            .AddInterceptors(SqlitePragmas.Instance, services.GetRequiredService<RecordInsertInterceptor>()));
        return builder;
    }

    /// <summary>
    /// Defaults a connection string may override. A server that does not answer fails a request in seconds (a 503), not
    /// after Npgsql's default 15 s. A connection returned to the pool keeps its session (No Reset On Close): the server
    /// sets no session state, so Npgsql's <c>DISCARD ALL</c> before each reuse only dropped the row writer's staging
    /// table, which the next batch then created again (see docs/performance.md).
    /// </summary>
    private static string PostgresDefaults(string connectionString)
    {
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) csb.Timeout = 5;
        if (!connectionString.Contains("Reset", StringComparison.OrdinalIgnoreCase)) csb.NoResetOnClose = true;
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
