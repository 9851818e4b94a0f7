using CxApi.Tests.Support;
using System.Net;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>GET /v1/services/scorecard over hand-made services, incidents, deployments and records, on either provider.</summary>
public sealed class ScorecardTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly DateTimeOffset Day = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Period = $"from={Api.Time(Day)}&to={Api.Time(Day.AddDays(1))}";

    private async Task CsatAsync(string survey, string service, DateTimeOffset from, params int[] scores) =>
        await _client.PostBatchAsync("/v1/responses/batch",
            scores.Select((score, i) => (object)new { surveyId = survey, score, service, respondedAt = Api.Time(from.AddMinutes(5 * i)) }));

    private static string[] Order(JsonElement body) => [.. body.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("service").GetString()!)];

    [Fact]
    public async Task EachServiceGetsItsFiguresAndTheRowsSortAsAsked()
    {
        var (a, b, c) = ("a-checkout", "b-search", "c-mobile");
        foreach (var (key, tier) in new[] { (a, 1), (b, 2), (c, 3) })
            await _client.PostOkAsync("/v1/services", new { key, name = key, tier, team = "web" });
        var survey = await _client.CreateSurveyAsync("csat");

        // a: a one-hour outage at 10:00, caused (within 24 h) by the 09:00 deployment.
        await _client.PostOkAsync("/v1/deployments", new { service = a, finishedAt = Api.Time(Day.AddHours(9)) });
        await _client.PostIncidentAsync(a, Day.AddHours(10), Day.AddHours(11), title: "checkout down");
        await CsatAsync(survey, a, Day.AddDays(-9), 5, 5, 5, 5, 5, 5, 5, 5, 5, 5); // the 14 days before the incident: 100 %
        await CsatAsync(survey, a, Day.AddHours(10), 5, 1, 1, 1);                 // during it: 25 %
        await CsatAsync(survey, a, Day.AddHours(14), 4, 4, 4, 4, 4, 4);           // later that day
        await _client.PostBatchAsync("/v1/interactions/batch", Enumerable.Range(0, 12).Select(i => (object)new
        {
            channel = "chat",
            type = "support",
            status = "open",
            service = a,
            openedAt = Api.Time(Day.AddHours(i)),
        }));
        // b: no incident, CSAT 40 %; c: nothing at all.
        await CsatAsync(survey, b, Day.AddHours(8), 5, 5, 2, 2, 2);

        var body = await _client.GetOkAsync($"/v1/services/scorecard?{Period}&sort=csat");

        Assert.Equal([b, a, c], Order(body)); // 40 %, 70 %, then c without CSAT
        var rowA = body.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("service").GetString() == a);
        Assert.Equal(100 * (1 - 3600.0 / 86_400), rowA.GetProperty("availabilityPct").GetDouble(), 9);
        Assert.Equal(1, rowA.GetProperty("incidents").GetProperty("sev1").GetInt64());
        Assert.Equal(3600, rowA.GetProperty("mttr").GetProperty("medianSeconds").GetDouble());
        Assert.Equal(70, rowA.GetProperty("csat").GetProperty("value").GetDouble(), 9); // 7 of 10 in the day
        Assert.Equal(10, rowA.GetProperty("csat").GetProperty("n").GetInt64());
        Assert.Equal(12, rowA.GetProperty("contactsPerDay").GetDouble(), 9);
        Assert.Equal(100, rowA.GetProperty("changeFailureRate").GetProperty("value").GetDouble(), 9);
        Assert.Equal(60, rowA.GetProperty("incidentImpactMinutes").GetDouble(), 9);
        Assert.Equal(25 - 100, rowA.GetProperty("meanCsatDeltaDuringIncidents").GetDouble(), 9);
        Assert.Equal(1, rowA.GetProperty("incidentsWithCsatDelta").GetInt64());
        var rowC = body.GetProperty("rows")[2];
        Assert.Equal(100, rowC.GetProperty("availabilityPct").GetDouble());
        Assert.Equal(JsonValueKind.Null, rowC.GetProperty("changeFailureRate").GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, rowC.GetProperty("meanCsatDeltaDuringIncidents").ValueKind);

        Assert.Equal([a, b, c], Order(await _client.GetOkAsync($"/v1/services/scorecard?{Period}&sort=-csat")));
        Assert.Equal([b, c, a], Order(await _client.GetOkAsync($"/v1/services/scorecard?{Period}&sort=-availabilityPct"))); // ties by key
        Assert.Equal([c, b, a], Order(await _client.GetOkAsync($"/v1/services/scorecard?{Period}&sort=-tier")));
        Assert.Equal([a, b, c], Order(await _client.GetOkAsync($"/v1/services/scorecard?{Period}")));

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/v1/services/scorecard?{Period}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await _client.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Length); // header + 3 services
    }

    [Fact]
    public async Task AnUnknownSortIsA400()
    {
        await (await _client.GetAsync($"/v1/services/scorecard?sort=happiness")).AssertProblemAsync(HttpStatusCode.BadRequest, "sort");
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClient((await factory.CreateKeyAsync("ingest")).Key)
            .GetAsync("/v1/services/scorecard")).StatusCode);
    }
}
