using CxApi.Infrastructure;
using CxApi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CxApi.Tests.Integration;

/// <summary>The SQLite write-ahead log is checkpointed and emptied once it passes its limit (<see cref="SqliteWalLimit"/>).</summary>
public sealed class SqliteWalLimitTests
{
    private static CxApiFactory Factory() => new()
    {
        Clock = CxApiFactory.FakeClock(),
        Settings = { ["Database:WalLimitMegabytes"] = "1", ["Database:WalCheckInterval"] = "00:00:05" },
    };

    /// <summary>
    /// A connection held open for the test: other tests clear every connection pool of the process when they end, and
    /// SQLite empties and deletes the log itself when the last connection to the file closes. SQLite opens lazily, so
    /// the pin reads once: only a connection that has read holds the shared lock that keeps the log.
    /// </summary>
    private static async Task<SqliteConnection> PinAsync(CxApiFactory factory)
    {
        var pin = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await pin.OpenAsync();
        await using var read = pin.CreateCommand();
        read.CommandText = "SELECT count(*) FROM sqlite_master";
        await read.ExecuteScalarAsync();
        return pin;
    }

    private static long WalBytes(CxApiFactory factory) => new FileInfo(factory.DatabasePath + "-wal") is { Exists: true } wal ? wal.Length : 0;

    /// <summary>3,000 responses through the batch endpoint: several MB of log, which SQLite's own checkpoints never shrink.</summary>
    private static async Task WriteAsync(HttpClient client, DateTimeOffset now)
    {
        var survey = await client.CreateSurveyAsync("nps");
        for (var batch = 0; batch < 3; batch++)
            await client.PostBatchAsync("/v1/responses/batch", Enumerable.Range(0, 1000).Select(i =>
                (object)new { surveyId = survey, score = i % 11, comment = new string('c', 200), respondedAt = Api.Time(now.AddMinutes(-i)) }));
    }

    [SqliteFact]
    public async Task ALogPastItsLimitIsEmptiedAtTheNextLookAndNothingIsLost()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        await using var pin = await PinAsync(factory);
        await WriteAsync(client, factory.Clock!.GetUtcNow());
        Assert.True(WalBytes(factory) > 1024 * 1024, $"the log holds {WalBytes(factory)} bytes");

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 100 && WalBytes(factory) > 0; i++) await Task.Delay(50);

        Assert.Equal(0, WalBytes(factory));
        Assert.Equal(3000, await factory.CountAsync<CxApi.Infrastructure.Entities.ResponseEntity>());
    }

    [SqliteFact]
    public async Task AReaderOnAnOlderSnapshotPostponesIt()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        await using var pin = await PinAsync(factory);
        var limit = factory.Services.GetRequiredService<SqliteWalLimit>();
        await WriteAsync(client, factory.Clock!.GetUtcNow());
        Assert.True(WalBytes(factory) > 1024 * 1024);

        // A read transaction that started before the last writes keeps their frames in the log.
        await using (var reader = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await reader.OpenAsync();
            using var transaction = reader.BeginTransaction(deferred: true);
            await using (var read = reader.CreateCommand())
            {
                read.CommandText = "SELECT count(*) FROM \"Responses\"";
                Assert.Equal(3000L, (long)(await read.ExecuteScalarAsync())!);
            }
            await WriteAsync(client, factory.Clock.GetUtcNow().AddDays(-1));

            Assert.False(await limit.CheckAsync(CancellationToken.None)); // waited, then gave up: the log stays
            Assert.True(WalBytes(factory) > 1024 * 1024);
        }

        // Once it is gone the next look empties the log. A look that meets a connection of the server's own mid-statement
        // gives up after 2 s (SqliteWalLimit.ReaderWait) like any other. Run beside 52 other tests, three looks once left
        // the log in place (2026-12-04), so the test allows five: at most 10 s.
        for (var look = 0; look < 5 && WalBytes(factory) > 0; look++) await limit.CheckAsync(CancellationToken.None);
        Assert.Equal(0, WalBytes(factory));
        Assert.Equal(6000, await factory.CountAsync<CxApi.Infrastructure.Entities.ResponseEntity>());
    }
}
