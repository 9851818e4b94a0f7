using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using CxApi.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace CxApi.Tests.Integration;

/// <summary>
/// On SQLite each batch holds its connection from staging to commit, so the connection hands its page cache back once a
/// staged write ends (<see cref="SqliteRecordRowWriter.Release"/>): concurrent batches must not each keep their pages.
/// </summary>
public sealed class SqliteStagingTests
{
    [SqliteFact]
    public async Task AfterAStagedWriteTheConnectionHandsItsPageCacheBack()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var survey = await client.CreateSurveyAsync();
        var at = Api.Time(DateTimeOffset.UtcNow.AddHours(-1));
        for (var batch = 0; batch < 3; batch++)
            await client.PostBatchAsync("/v1/responses/batch", Enumerable.Range(0, 500).Select(i => (object)new { surveyId = survey, score = i % 11, respondedAt = at, comment = new string('c', 300) }));

        var (filled, released, kept) = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var handle = ((SqliteConnection)db.Database.GetDbConnection()).Handle!;
            var writer = new SqliteRecordRowWriter();
            var responses = Enumerable.Range(0, 150).Select(i => new ResponseEntity { Id = $"r{i}", SurveyId = survey }).ToList<RecordEntity>();
            _ = await db.Responses.SumAsync(r => r.Comment!.Length); // reads every page of the table into the cache
            var filled = CacheUsed(handle);
            writer.Release(db, RecordTable.From(db, responses.Take(99)));
            var kept = CacheUsed(handle);
            writer.Release(db, RecordTable.From(db, responses));
            return (filled, CacheUsed(handle), kept);
        });

        Assert.True(filled > 400_000, $"the table's pages should fill the cache: {filled} bytes");
        Assert.Equal(filled, kept); // rows written straight into their table (a group commit's) keep the cache warm
        Assert.True(released < filled / 2, $"{released} of {filled} bytes of page cache kept after a staged write");
    }

    private static int CacheUsed(sqlite3 handle)
    {
        Assert.Equal(raw.SQLITE_OK, raw.sqlite3_db_status(handle, raw.SQLITE_DBSTATUS_CACHE_USED, out var current, out _, 0));
        return current;
    }
}
