using CxApi.Tests.Support;
using System.Net;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// Periods may name any time from 1900-01-01 to 2200-01-01; beyond that they are a 400 naming the parameter. Inside, every
/// period can be bucketed (every interval, any zone) and summed, the summary's previous period of equal length included.
/// </summary>
public sealed class PeriodBoundsTests(SeededRecords seeded) : IClassFixture<SeededRecords>
{
    private const string Earliest = "1900-01-01T00:00:00Z", Latest = "2200-01-01T00:00:00Z";
    private readonly HttpClient _client = seeded.Client;

    [Theory]
    [InlineData("/v1/metrics/summary?from=1000-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("/v1/metrics/nps/trend?from=2026-01-01T00:00:00Z&to=9999-12-31T23:59:59Z&interval=quarter", "to")]
    [InlineData("/v1/metrics/nps/trend?from=9990-01-01T00:00:00Z&to=9999-12-31T00:00:00Z&interval=quarter", "from")]
    [InlineData("/v1/metrics/nps/trend?from=0001-01-01T00:00:00Z&to=0002-01-01T00:00:00Z&interval=month&tz=Europe/Berlin", "from")]
    [InlineData("/v1/metrics/csat/trend?from=0001-01-01T00:00:00Z&interval=day&tz=Pacific/Kiritimati", "from")]
    public async Task TheDatesOfTheFindingAreValidationProblems(string url, string field) =>
        await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, field);

    /// <summary>Every operation of the document that takes a period: metrics, trends, summary, drivers, customers, every list.</summary>
    [Fact]
    public async Task EveryPeriodParameterRefusesTimesBefore1900AndAfter2200NamingIt()
    {
        var doc = await _client.GetOkAsync("/swagger/v1/swagger.json");
        var outside = new Dictionary<string, string[]>
        {
            ["from"] = ["0001-01-01T00:00:00Z", "1000-01-01T00:00:00Z", "1899-12-31T23:59:59.9999999Z", "1900-01-01T00:59:00+01:00"],
            ["to"] = ["9999-12-31T23:59:59.9999999Z", "2200-01-01T00:00:00.0000001Z", "2199-12-31T23:30:00-01:00"],
        };
        var walked = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var get) || !get.TryGetProperty("parameters", out var parameters)) continue;
            var names = parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToHashSet();
            var url = System.Text.RegularExpressions.Regex.Replace(path.Name, @"\{[^}]+\}", "x");
            foreach (var (name, values) in outside.Where(o => names.Contains(o.Key)))
                foreach (var value in values)
                    await (await _client.GetAsync($"{url}?{name}={Uri.EscapeDataString(value)}")).AssertProblemAsync(HttpStatusCode.BadRequest, name);
            if (names.Contains("from")) walked.Add(path.Name);
        }
        foreach (var path in new[] { "/v1/metrics/summary", "/v1/metrics/nps/trend", "/v1/metrics/drivers", "/v1/customers/at-risk",
                     "/v1/customers/{customerId}/timeline", "/v1/responses", "/v1/alerts", "/v1/webhooks/{id}/deliveries" })
            Assert.Contains(path, walked);
    }

    public static TheoryData<string> Metrics => new() { "nps", "reviews", "interactions" };

    [Theory]
    [MemberData(nameof(Metrics))]
    public async Task AMetricOverTheWidestPeriodCountsEveryRecord(string metric)
    {
        var body = await _client.GetOkAsync($"/v1/metrics/{metric}?from={Earliest}&to={Latest}");
        Assert.Equal(SeededRecords.Each, body.GetProperty(metric == "nps" ? "responses" : "count").GetInt32());
    }

    [Fact]
    public async Task TheSummaryOfTheWidestPeriodComparesItWithThePreviousThreeCenturies()
    {
        var summary = await _client.GetOkAsync($"/v1/metrics/summary?from={Earliest}&to={Latest}");
        var (from, to) = (DateTimeOffset.Parse(Earliest, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(Latest, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(from - (to - from), summary.GetProperty("previousFrom").GetDateTimeOffset());
        var nps = summary.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "nps");
        Assert.Equal((SeededRecords.Each, 0), (nps.GetProperty("n").GetInt32(), nps.GetProperty("previousN").GetInt32()));
    }

    /// <summary>Periods at each bound, as long as each interval allows (1,000 buckets), in zones with odd offsets in 1900.</summary>
    public static TheoryData<string, string> IntervalsAndZones()
    {
        var data = new TheoryData<string, string>();
        foreach (var interval in new[] { "day", "week", "month", "quarter" })
            foreach (var zone in new[] { "UTC", "Europe/Berlin", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "Africa/Monrovia" })
                data.Add(interval, zone);
        return data;
    }

    [Theory]
    [MemberData(nameof(IntervalsAndZones))]
    public async Task TrendsAtBothBoundsBucketWithoutGapsAndSumEveryRecordTheyHold(string interval, string zone)
    {
        var (lowerEnd, upperStart) = interval switch
        {
            "day" => ("1902-01-01", "2198-01-01"),
            "week" => ("1915-01-01", "2185-01-01"),
            "month" => ("1980-01-01", "2120-01-01"),
            _ => ("2140-01-01", "1960-01-01"),
        };
        foreach (var (from, to) in new[] { (Earliest, $"{lowerEnd}T00:00:00Z"), ($"{upperStart}T00:00:00Z", Latest) })
        {
            foreach (var metric in new[] { "nps", "interactions" })
            {
                var trend = await _client.GetOkAsync($"/v1/metrics/{metric}/trend?from={from}&to={to}&interval={interval}&tz={Uri.EscapeDataString(zone)}");
                var points = trend.GetProperty("points").EnumerateArray().ToList();
                Assert.True(points[0].GetProperty("periodStart").GetDateTimeOffset() <= DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(points[^1].GetProperty("periodEnd").GetDateTimeOffset() >= DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
                for (var i = 1; i < points.Count; i++)
                    Assert.Equal(points[i - 1].GetProperty("periodEnd").GetDateTimeOffset(), points[i].GetProperty("periodStart").GetDateTimeOffset());
                var holdsNow = string.CompareOrdinal(from, "2026") < 0 && string.CompareOrdinal(to, "2027") > 0;
                var counted = points.Sum(p => p.GetProperty(metric == "nps" ? "responses" : "count").GetInt32());
                Assert.True((holdsNow ? SeededRecords.Each : 0) == counted, $"{metric} {interval} {zone} [{from}, {to}): {counted} counted");
            }
        }
    }

    [Fact]
    public async Task DriversCustomersListsAndAlertsTakeTheWidestPeriod()
    {
        var period = $"from={Earliest}&to={Latest}";
        var drivers = await _client.GetOkAsync($"/v1/metrics/drivers?metric=nps&factor=channel&{period}");
        Assert.Equal(SeededRecords.Each, drivers.GetProperty("linkedResponses").GetInt32() + drivers.GetProperty("unlinkedResponses").GetInt32());
        Assert.Contains(SeededRecords.Customer, (await _client.GetOkAsync($"/v1/customers/at-risk?{period}")).GetRawText());
        Assert.Equal(3 * SeededRecords.Each,
            (await _client.GetOkAsync($"/v1/customers/{SeededRecords.Customer}/timeline?{period}")).GetProperty("items").GetArrayLength());
        foreach (var list in new[] { "/v1/responses", "/v1/interactions", "/v1/reviews" })
            Assert.Equal(SeededRecords.Each, (await _client.GetOkAsync($"{list}?{period}")).GetProperty("items").GetArrayLength());
        foreach (var list in new[] { "/v1/surveys", "/v1/alert-rules", "/v1/alerts", "/v1/api-keys", "/v1/webhooks", $"/v1/webhooks/{seeded.WebhookId}/deliveries" })
            await _client.GetOkAsync($"{list}?{period}");
    }

    [Fact]
    public async Task TheLongestAlertWindowAndThePreviousOneBeforeItAreEvaluated()
    {
        var response = await _client.PostAsync("/v1/alert-rules/evaluate", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("evaluated").GetInt32() >= 1, body);
    }
}
