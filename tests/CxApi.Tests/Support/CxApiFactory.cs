using CxApi.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CxApi.Tests.Support;

/// <summary>
/// The real application over a real database of its own (one per fixture: a SQLite file, or a
/// PostgreSQL database when CX_TEST_POSTGRES is set), migrated at start exactly as in production.
/// </summary>
public class CxApiFactory : WebApplicationFactory<Program>
{
    /// <summary>The admin key every client of this factory sends unless told otherwise.</summary>
    public const string AdminKey = "cx_test_admin_key_for_integration_tests_0001";

    public string DatabasePath { get; init; } = NewDatabasePath();

    /// <summary>Extra settings (e.g. tight rate limits) for one fixture.</summary>
    public Dictionary<string, string?> Settings { get; init; } = [];

    /// <summary>
    /// The application's clock, when a test drives time itself (<see cref="FakeTimeProvider.Advance"/>) instead of
    /// waiting: every due time, timeout, poll and timer of the server runs on it. The system clock when null.
    /// </summary>
    public FakeTimeProvider? Clock { get; init; }

    /// <summary>Keep the file when the factory is disposed (for restart tests).</summary>
    public bool KeepDatabase { get; init; }

    /// <summary>
    /// A clock for <see cref="Clock"/>, started at the real time to the whole second (records are validated against it).
    /// The tests that use it were run with it started 5 s, 1 min, 30 min and 2 h before a UTC midnight (2026-12-04), and
    /// none failed because of the hour. A new test that counts by UTC day takes <see cref="FakeClockAtYesterdayNoon"/>.
    /// </summary>
    public static FakeTimeProvider FakeClock() => new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    /// <summary>
    /// A clock for <see cref="Clock"/> that stands at yesterday's noon (UTC): records up to twelve hours either side of it
    /// fall on one UTC day whatever the time the test runs (one started near midnight with <see cref="FakeClock"/> does not).
    /// </summary>
    public static FakeTimeProvider FakeClockAtYesterdayNoon() => new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(-12), TimeSpan.Zero));

    public static string NewDatabasePath() =>
        Path.Combine(Path.GetTempPath(), "cxapi-tests", $"{Guid.NewGuid():N}", "cx.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.IsPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Cx", TestDatabase.ConnectionString(DatabasePath));
        builder.UseSetting("Auth:BootstrapAdminKey", AdminKey);
        // Tests drive one key hard; the rate-limit tests set their own limits.
        builder.UseSetting("RateLimit:PermitsPerSecond", "100000");
        builder.UseSetting("RateLimit:Burst", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (Clock is not null) builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    /// <summary>A client that sends <paramref name="apiKey"/> (or no key at all).</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        if (apiKey is not null) client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Creates a key through the API (as admin) and returns its secret and id.</summary>
    public async Task<(string Key, string Id)> CreateKeyAsync(string role, string? partner = null)
    {
        var created = await CreateClient().PostOkAsync("/v1/api-keys", new { name = $"{role} {partner}".Trim(), role, partner });
        return (created.GetProperty("key").GetString()!, created.GetProperty("id").GetString()!);
    }

    /// <summary>Reads the database directly, to prove what was (or was not) stored.</summary>
    public async Task<TResult> WithDbAsync<TResult>(Func<CxDbContext, Task<TResult>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CxDbContext>());
    }

    public Task<int> CountAsync<T>() where T : class => WithDbAsync(db => db.Set<T>().CountAsync());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !KeepDatabase) DeleteDatabase(DatabasePath);
    }

    public static void DeleteDatabase(string path)
    {
        TestDatabase.Drop(path);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var directory = Path.GetDirectoryName(path)!;
        // A connection another test's pool clearing closes at this moment can still write the log's files while the
        // directory is emptied ("Directory not empty", seen once in CI): the next try finds them gone or closed.
        for (var attempt = 1; Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                Thread.Sleep(100);
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }
    }
}
