using CxApi.Common;
using CxApi.Features.Metrics.Calculators;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Entities;
using CxApi.Infrastructure.Ingest;
using CxApi.Infrastructure.Rollups;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// On PostgreSQL a batch sends its rows (binary COPY into its session's staging table) before its transaction begins, so
/// before it waits for the figure counters that every concurrent writer of the same service and day moves: writers
/// overlap while their rows travel.
/// </summary>
public sealed class PostgresStagingTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    [PostgresFact]
    public async Task ABatchStagesItsRowsWhileAnotherWriterHoldsTheCountersItMoves()
    {
        using var admin = factory.CreateClient(CxApiFactory.AdminKey);
        var survey = await admin.CreateSurveyAsync();
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CxDbContext>();
        await using var holder = await db.Database.BeginTransactionAsync();
        await FigureVersions.BumpAsync(db, [("staging-test", TimeSegments.Floor(UnixMicros.From(at), TimeSegments.Day))], CancellationToken.None);

        var batch = admin.PostAsJsonAsync("/v1/responses/batch", new
        {
            items = Enumerable.Range(0, 150).Select(i => new { surveyId = survey, score = i % 11, respondedAt = Api.Time(at), service = "staging-test" }),
        });

        // A session waits for the counter row this transaction holds, and the batch's staging table holds its rows
        // already. Only this batch stages in this test's database; its table is another session's, so it is measured
        // by its size on disk, not read.
        var staged = false;
        for (var polls = 0; polls < 100 && !staged && !batch.IsCompleted; polls++)
        {
            staged = await db.Database.SqlQueryRaw<int>(
                    """
                    SELECT count(*)::int AS "Value" FROM pg_class staging
                    WHERE staging.relname = 'cx_staged_Responses' AND staging.relpersistence = 't' AND pg_relation_size(staging.oid) > 0
                      AND EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted)
                    """).SingleAsync() > 0;
            if (!staged) await Task.Delay(100);
        }
        await holder.RollbackAsync();

        Assert.True(staged, "the batch did not stage its rows before waiting for the figure counters");
        var response = await batch;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(150, (await response.JsonAsync()).GetProperty("created").GetInt32());
    }

    [PostgresFact]
    public async Task StagingAgainOnOneSessionKeepsOnlyTheNewRows()
    {
        // Temporary tables are never vacuumed: emptied with DELETE, a session's staging table would keep every row it ever
        // staged as a dead one, and each batch would read them all again (in psql, 300 stagings of 1,000 rows on one
        // session took 28 ms each instead of 7). Pooled connections keep their session, so one table serves every batch its
        // connection stages, as the four stagings on one open connection here.
        var sizes = await factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            var writer = new PostgresRecordRowWriter();
            var sizes = new List<long>();
            for (var batch = 0; batch < 4; batch++)
            {
                var records = Enumerable.Range(0, 500).Select(i => new ResponseEntity { Id = $"stage-{batch}-{i}", SurveyId = "s", ClientId = "c" });
                await writer.StageAsync(db, RecordTable.From(db, records).Single(), CancellationToken.None);
                sizes.Add(await db.Database.SqlQueryRaw<long>(
                    """SELECT pg_relation_size('pg_temp."cx_staged_Responses"') AS "Value" """).SingleAsync());
            }
            return sizes;
        });

        Assert.True(sizes[0] > 0);
        Assert.All(sizes, size => Assert.Equal(sizes[0], size));
    }

    [PostgresFact]
    public async Task PooledConnectionsKeepTheirSession()
    {
        // Npgsql's default reset (DISCARD ALL) on each return to the pool dropped the staging table, so every batch made it
        // again: 3.1 ms of PostgreSQL's 37 ms a batch with one writer (docs/performance.md).
        var connectionString = await factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        Assert.True(new NpgsqlConnectionStringBuilder(connectionString).NoResetOnClose);
    }
}
