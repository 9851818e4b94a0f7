using CxApi.Features.Demo;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;

namespace CxApi.Tests.Integration.Demo;

/// <summary>
/// The demo load at a small size, through the real ingest path, on either provider: the effects it plants are what the
/// impact endpoints, the scorecard and the change metrics find, its rollups and changes feed agree with its records, and a
/// second load into the filled database is refused.
/// </summary>
public sealed class DemoLoadTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    private readonly HttpClient _client = demo.CreateClient();

    private static double Value(JsonElement window, string figure) => window.GetProperty(figure).GetProperty("value").GetDouble();

    [Fact]
    public async Task TheOutageHasASignificantCsatDipAndContactSpikeDuringItAgainstItsBaseline()
    {
        var impact = await _client.GetOkAsync($"/v1/incidents/{demo.Summary.OutageIncidentId}/impact");
        var (baseline, during) = (impact.GetProperty("baseline"), impact.GetProperty("during"));

        Assert.Equal(155, impact.GetProperty("impactMinutes").GetDouble());
        Assert.True(Value(during, "csat") < Value(baseline, "csat") - 30, impact.ToString());
        Assert.True(during.GetProperty("csat").GetProperty("significant").GetBoolean(), impact.ToString());
        Assert.True(Value(during, "contacts") > 4 * Value(baseline, "contacts"), impact.ToString());
        Assert.True(during.GetProperty("contacts").GetProperty("significant").GetBoolean(), impact.ToString());
        Assert.True(impact.GetProperty("affectedCustomers").GetProperty("withRecords").GetInt32() > 10, impact.ToString());
    }

    [Fact]
    public async Task TheRegressingReleaseIsACxRegressionAndTheRollbackThatEndedItIsNot()
    {
        var release = await _client.GetOkAsync($"/v1/deployments/{demo.Summary.RegressionDeploymentId}/impact");
        Assert.True(release.GetProperty("cxRegression").GetBoolean(), release.ToString());
        Assert.True(release.GetProperty("after").GetProperty("csat").GetProperty("delta").GetDouble() < -15, release.ToString());

        var rollback = await _client.GetOkAsync($"/v1/deployments/{demo.Summary.RollbackDeploymentId}/impact");
        Assert.False(rollback.GetProperty("cxRegression").GetBoolean(), rollback.ToString());
        Assert.True(rollback.GetProperty("after").GetProperty("csat").GetProperty("delta").GetDouble() > 0, rollback.ToString());
    }

    [Fact]
    public async Task TheScorecardAndTheChangeMetricsOfTheLastFortyDaysShowTheOutageAndTheRegression()
    {
        var period = $"from={Api.Time(DateTimeOffset.UtcNow.AddDays(-40))}&to={Api.Time(DateTimeOffset.UtcNow)}";
        var rows = (await _client.GetOkAsync($"/v1/services/scorecard?{period}")).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("service").GetString()!);
        Assert.Equal(DemoCatalogue.Services.Count, rows.Count);
        Assert.True(rows[DemoCatalogue.Checkout].GetProperty("availabilityPct").GetDouble() < 99.9);

        // Over the outage's own hours the checkout's only incident is the outage (random ones stay 8 days clear of it), and
        // its CSAT dip (about −70 points) is the mean. Over 40 days the mean also holds random incidents with a handful of
        // answers each, whose deltas of ±25 to ±75 points drown it on some days.
        var outage = await _client.GetOkAsync($"/v1/incidents/{demo.Summary.OutageIncidentId}");
        var (started, resolved) = (outage.GetProperty("startedAt").GetDateTimeOffset(), outage.GetProperty("resolvedAt").GetDateTimeOffset());
        var during = (await _client.GetOkAsync($"/v1/services/scorecard?from={Api.Time(started.AddHours(-1))}&to={Api.Time(resolved.AddHours(1))}"))
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("service").GetString() == DemoCatalogue.Checkout);
        Assert.Equal(1, during.GetProperty("incidentsWithCsatDelta").GetInt32());
        Assert.True(during.GetProperty("meanCsatDeltaDuringIncidents").GetDouble() < -30, during.ToString());

        var changes = (await _client.GetOkAsync($"/v1/metrics/changes?{period}&service={DemoCatalogue.MobileApp}"));
        Assert.True(changes.GetProperty("changeFailureRate").GetProperty("failures").GetInt64() >= 1, changes.ToString());
        Assert.True(changes.GetProperty("cxChangeFailureRate").GetProperty("failures").GetInt64() >= 1, changes.ToString());
    }

    [Fact]
    public async Task EverySurveyKindHasResponsesAndTheRealOlistReviewsAreThere()
    {
        foreach (var metric in new[] { "nps", "csat", "ces", "sus", "rating" })
        {
            var body = await _client.GetOkAsync($"/v1/metrics/{metric}?from={Api.Time(DateTimeOffset.UtcNow.AddDays(-91))}");
            Assert.True(body.GetProperty("responses").GetInt64() > 50, $"{metric}: {body}");
        }
        var olist = TestData.OlistReviews();
        var reviews = await demo.WithDbAsync(db => db.Reviews.Select(r => new { r.Rating, r.Body }).ToListAsync());
        Assert.Equal(olist.Count, reviews.Count);
        Assert.Equal(olist.Sum(r => r.Score), reviews.Sum(r => r.Rating));
        Assert.Equal(olist.Count(r => r.Message.Length > 0), reviews.Count(r => r.Body is not null));
    }

    [Fact]
    public async Task TheRollupsAgreeWithTheRecordsAndTheChangesFeedHasEveryResponse()
    {
        var check = await _client.GetOkAsync("/v1/admin/rollups/verify");
        Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());

        var responses = await demo.CountAsync<ResponseEntity>();
        var fed = 0;
        string? since = null;
        JsonElement page;
        do
        {
            page = await _client.GetOkAsync("/v1/changes/responses?limit=1000" + (since is null ? "" : $"&since={Uri.EscapeDataString(since)}"));
            fed += page.GetProperty("changes").GetArrayLength();
            since = page.GetProperty("nextToken").GetString();
        } while (page.GetProperty("hasMore").GetBoolean());
        Assert.Equal(responses, fed);
    }

    [Fact]
    public void TheProgressIsOneLinePerTenPercentStepReachedWhenTheOutputIsNotATerminal()
    {
        var lines = demo.Progress.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var steps = lines.Select(l => int.Parse(l["Loading demo data: ".Length..l.IndexOf(" %", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(steps.Count >= 4, string.Join('\n', lines)); // a batch of 1,000 is a quarter of this small load
        Assert.All(steps, s => Assert.Equal(0, s % 10));
        Assert.Equal(steps.Order().Distinct(), steps);
        Assert.Equal($"Loading demo data: 100 % ({demo.Summary.Records:N0} of {demo.Summary.Records:N0})", lines[^1]);
    }

    [Fact]
    public async Task TheRollupRebuildLogsItsProgressAndTheTablesItRebuilt()
    {
        var rebuilt = (await (await _client.PostAsync("/v1/admin/rollups/rebuild", null)).JsonAsync()).GetProperty("rows");

        var steps = demo.Log.Of("Rollup rebuild: ").Where(l => l.Contains(" % (", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"Rollup rebuild: {i * 10} %"), steps.Select(l => l[..l.IndexOf(" % (", StringComparison.Ordinal)] + " %"));
        foreach (var table in rebuilt.EnumerateObject())
            Assert.Contains($"Rollup rebuild: {table.Name} rebuilt, {table.Value.GetInt32()} rows", demo.Log.Of("Rollup rebuild: "));
        Assert.Contains(demo.Log.Of("Rollup rebuild: committed "), l => l.StartsWith($"Rollup rebuild: committed {rebuilt.EnumerateObject().Sum(t => t.Value.GetInt32())} rows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFullCsvExportLogsItsProgressAndItsTotal()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/responses");
        request.Headers.Add("Accept", "text/csv");
        var lines = (await (await _client.SendAsync(request)).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        var responses = await demo.CountAsync<ResponseEntity>();
        Assert.Equal(responses, lines);

        var logged = demo.Log.Of("CSV export of /v1/responses: ");
        // After each page of 1,000 rows but the last, a line when a new 10 % step is reached.
        var expected = Enumerable.Range(1, (int)((responses - 1) / 1000)).Select(page => (Rows: page * 1000, Step: page * 1000 * 100 / responses / 10 * 10))
            .Where(p => p.Step > 0).DistinctBy(p => p.Step).Select(p => $"CSV export of /v1/responses: {p.Step} % ({p.Rows} of {responses} rows");
        Assert.Equal(expected, logged.Where(l => l.Contains(" % (", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(" rows, ", StringComparison.Ordinal)] + " rows"));
        Assert.Contains(logged, l => l.StartsWith($"CSV export of /v1/responses: done, {responses} rows in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecondLoadIntoTheFilledDatabaseIsRefusedAndChangesNothing()
    {
        var before = await demo.CountAsync<InteractionEntity>();
        var again = await DemoLoader.LoadAsync(demo.Services, new DemoSwitch(DemoFixture.Size, Seed: 2),
            (label, total) => new ConsoleProgress(label, total, TextWriter.Null, inPlace: false), CancellationToken.None);
        Assert.Null(again);
        Assert.Equal(before, await demo.CountAsync<InteractionEntity>());
    }
}
