using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// The <c>service</c> dimension (the IT or digital service a record concerns) on responses, interactions and reviews:
/// stored and read back, a list filter, a CSV column, in the changes feed, a metric filter and groupBy value.
/// </summary>
public sealed class ServiceDimensionTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly DateTimeOffset At = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private const string Period = "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

    public static TheoryData<string> Resources() => ["responses", "interactions", "reviews"];

    private async Task<object> BodyAsync(string resource, string? service, int score = 9) => resource switch
    {
        "responses" => new { surveyId = await _client.CreateSurveyAsync(), score, respondedAt = Api.Time(At), service },
        "interactions" => new { channel = "chat", type = $"t-{Guid.NewGuid():N}", openedAt = Api.Time(At), status = "open", service },
        _ => new { source = $"s-{Guid.NewGuid():N}", rating = 5, publishedAt = Api.Time(At), service },
    };

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task AServiceIsStoredReadBackFilteredAndExported(string resource)
    {
        var service = $"checkout-web-{Guid.NewGuid():N}";
        var tagged = await _client.PostOkAsync($"/v1/{resource}", await BodyAsync(resource, service));
        await _client.PostOkAsync($"/v1/{resource}", await BodyAsync(resource, null));

        Assert.Equal(service, (await _client.GetOkAsync($"/v1/{resource}/{tagged.Id()}")).GetProperty("service").GetString());
        var listed = await _client.ListAllAsync($"/v1/{resource}?service={service}");
        Assert.Equal([tagged.Id()], listed.Select(r => r.Id()));

        var csv = new HttpRequestMessage(HttpMethod.Get, $"/v1/{resource}?service={service}");
        csv.Headers.Accept.ParseAdd("text/csv");
        var rows = Csv.Parse(await (await _client.SendAsync(csv)).Content.ReadAsStringAsync());
        Assert.Equal(service, rows[1][Array.IndexOf(rows[0], "service")]);

        var changes = await _client.GetOkAsync($"/v1/changes/{resource}?limit=1000");
        var change = changes.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("id").GetString() == tagged.Id());
        Assert.Equal(service, change.GetProperty("record").GetProperty("service").GetString());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task AServiceLongerThan200CharactersIsAProblemOnTheFieldAndStoresNothing(string resource)
    {
        var service = new string('s', 201);
        var response = await _client.PostAsJsonAsync($"/v1/{resource}", await BodyAsync(resource, service));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "service");
        Assert.Empty(await _client.ListAllAsync($"/v1/{resource}?service={service}"));
    }

    [Fact]
    public async Task MetricsFilterAndGroupByService()
    {
        var surveyId = await _client.CreateSurveyAsync();
        var (web, app) = ($"web-{Guid.NewGuid():N}", $"app-{Guid.NewGuid():N}");
        foreach (var (score, service) in new[] { (10, web), (10, web), (3, web), (0, app) })
            await _client.PostOkAsync("/v1/responses", new { surveyId, score, respondedAt = Api.Time(At), service });

        var filtered = await _client.GetOkAsync($"/v1/metrics/nps?surveyId={surveyId}&service={web}&{Period}");
        Assert.Equal(3, filtered.GetProperty("responses").GetInt64());
        Assert.Equal(33.33, filtered.GetProperty("value").GetDouble(), 2); // 2 promoters, 1 detractor of 3
        Assert.Equal(JsonValueKind.Array, filtered.GetProperty("filters").GetProperty("service").ValueKind);

        var grouped = await _client.GetOkAsync($"/v1/metrics/nps?surveyId={surveyId}&groupBy=service&{Period}");
        var groups = grouped.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!, g => g.GetProperty("value").GetDouble());
        Assert.Equal(-100, groups[app]);
        Assert.Equal(33.33, groups[web], 2);

        var interactions = await _client.GetOkAsync($"/v1/metrics/interactions?groupBy=service&{Period}");
        Assert.Equal("service", interactions.GetProperty("groupBy").GetString());
        var reviews = await _client.GetOkAsync($"/v1/metrics/reviews?service={web}&{Period}");
        Assert.Equal(0, reviews.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task UpgradingADatabaseWithRecordsGivesTheirServiceRollupsAsIfTheyHadBeenStoredWithout()
    {
        using var own = new CxApiFactory();
        var client = own.CreateClient();
        var surveyId = await client.CreateSurveyAsync();
        foreach (var score in new[] { 10, 7, 2 })
            await client.PostOkAsync("/v1/responses", new { surveyId, score, respondedAt = Api.Time(At) });
        await client.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Api.Time(At), status = "open" });
        await client.PostOkAsync("/v1/reviews", new { source = "google", rating = 4, publishedAt = Api.Time(At) });

        // Back to the migration before the service dimension (its rollup rows go), then up again: the upgrade's backfill.
        var migrations = await own.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        var previous = migrations[migrations.FindIndex(m => m.EndsWith("_ServiceDimension", StringComparison.Ordinal)) - 1];
        await own.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(previous);
            Assert.Equal(0, await db.ResponseRollups.CountAsync(r => r.Dimension == "service"));
            await migrator.MigrateAsync();
            return 0;
        });

        var check = await client.GetOkAsync("/v1/admin/rollups/verify");
        Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
        var grouped = await client.GetOkAsync($"/v1/metrics/nps?surveyId={surveyId}&groupBy=service&{Period}");
        var group = Assert.Single(grouped.GetProperty("groups").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, group.GetProperty("key").ValueKind);
        Assert.Equal(3, group.GetProperty("responses").GetInt64());
    }
}
