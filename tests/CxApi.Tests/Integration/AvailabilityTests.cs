using CxApi.Tests.Support;
using System.Net;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>GET /v1/metrics/availability over real incidents and records, on either provider.</summary>
public sealed class AvailabilityTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly DateTimeOffset Day = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero); // a Tuesday
    private static readonly string Period = $"from={Api.Time(Day)}&to={Api.Time(Day.AddDays(1))}";

    /// <summary>A new service in the catalogue: availability measures only services it knows.</summary>
    private async Task<string> ServiceAsync(string prefix = "svc")
    {
        var key = $"{prefix}-{Guid.NewGuid():N}";
        await _client.PostOkAsync("/v1/services", new { key, name = key, tier = 1 });
        return key;
    }

    private Task IncidentAsync(string service, string impact, string severity, double startHour, double? hours, double? acknowledgedAfterMinutes = null,
        DateTimeOffset? day = null)
    {
        var started = (day ?? Day).AddHours(startHour);
        return _client.PostIncidentAsync(service, started, hours is { } h ? started.AddHours(h) : null, impact, severity,
            acknowledged: acknowledgedAfterMinutes is { } a ? started.AddMinutes(a) : null);
    }

    [Fact]
    public async Task AvailabilityCountsOutagesPartialsAtTheirWeightAndLeavesMaintenanceOut()
    {
        var service = await ServiceAsync();
        await IncidentAsync(service, "outage", "sev1", 10, 1, acknowledgedAfterMinutes: 6);
        await IncidentAsync(service, "partial", "sev2", 14, 2, acknowledgedAfterMinutes: 10);
        await IncidentAsync(service, "maintenance", "sev4", 2, 1);
        await IncidentAsync(service, "degraded", "sev3", 20, 0.5);

        var body = await _client.GetOkAsync($"/v1/metrics/availability?service={service}&{Period}");

        // 100 × (1 − (3600 + 0.3 × 7200) / (86 400 − 3600)) = 100 × (1 − 5760 / 82 800) = 93.043478…
        Assert.Equal(100 * (1 - 5760.0 / 82_800), body.GetProperty("availabilityPct").GetDouble(), 9);
        Assert.Equal(3600, body.GetProperty("outageSeconds").GetDouble());
        Assert.Equal(7200, body.GetProperty("partialSeconds").GetDouble());
        Assert.Equal(3600, body.GetProperty("maintenanceSeconds").GetDouble());
        Assert.Equal(60 + 120 + 30, body.GetProperty("impactMinutes").GetDouble());
        // No activity recorded: every second weighs the same.
        Assert.False(body.GetProperty("activityWeighted").GetBoolean());
        Assert.Equal(body.GetProperty("availabilityPct").GetDouble(), body.GetProperty("experienceWeightedAvailabilityPct").GetDouble(), 9);
        // Maintenance is not an incident to handle: 3 incidents, one per severity 1–3.
        var incidents = body.GetProperty("incidents");
        Assert.Equal([3L, 1L, 1L, 1L, 0L], new[] { "total", "sev1", "sev2", "sev3", "sev4" }.Select(s => incidents.GetProperty(s).GetInt64()));
        Assert.Equal(480, body.GetProperty("mtta").GetProperty("meanSeconds").GetDouble()); // (360 + 600) / 2
        Assert.Equal(3600, body.GetProperty("mttr").GetProperty("medianSeconds").GetDouble()); // 1800, 3600, 7200
        Assert.Equal(3, body.GetProperty("mttr").GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task CustomersActiveOnlyDuringTheOutageHourMakeTheWeightedAvailabilityZero()
    {
        var service = await ServiceAsync();
        await IncidentAsync(service, "outage", "sev1", 12, 1);
        // Activity in the 28 days before: only Tuesdays 12:00–13:00 UTC (two weeks earlier), the outage's hour of the week.
        var survey = await _client.CreateSurveyAsync("csat");
        for (var i = 0; i < 3; i++)
            await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 4, service, respondedAt = Api.Time(Day.AddDays(-14).AddHours(12).AddMinutes(10 * i)) });

        var body = await _client.GetOkAsync($"/v1/metrics/availability?service={service}&{Period}");

        Assert.Equal(100 * (1 - 3600.0 / 86_400), body.GetProperty("availabilityPct").GetDouble(), 9);
        Assert.True(body.GetProperty("activityWeighted").GetBoolean());
        Assert.Equal(0, body.GetProperty("experienceWeightedAvailabilityPct").GetDouble(), 9);
    }

    [Fact]
    public async Task WithoutAServiceFilterEveryServicesActivityWeighsTheSeconds()
    {
        // A day of its own (a Tuesday), so that no other test's records fall in the 28 days before it.
        var day = new DateTimeOffset(2024, 3, 12, 0, 0, 0, TimeSpan.Zero);
        var (down, other) = (await ServiceAsync("svc-down"), await ServiceAsync("svc-other"));
        await IncidentAsync(down, "outage", "sev1", 12, 1, day: day);
        // Activity on a service without incidents: 3 responses on Tuesdays 12:00–13:00 (the outage's hour of the week),
        // and one interaction on the failing service on a Tuesday 15:00–16:00 UTC.
        var survey = await _client.CreateSurveyAsync("csat");
        for (var i = 0; i < 3; i++)
            await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 4, service = other, respondedAt = Api.Time(day.AddDays(-7).AddHours(12).AddMinutes(i)) });
        await _client.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", service = down, openedAt = Api.Time(day.AddDays(-7).AddHours(15)), status = "open" });

        var body = await _client.GetOkAsync($"/v1/metrics/availability?from={Api.Time(day)}&to={Api.Time(day.AddDays(1))}");

        Assert.True(body.GetProperty("activityWeighted").GetBoolean());
        // The outage hour weighs 3 of the day's 3 + 1: 100 × (1 − 3/4) = 25 %.
        Assert.Equal(25, body.GetProperty("experienceWeightedAvailabilityPct").GetDouble(), 9);
        Assert.Equal(100 * (1 - 3600.0 / 86_400), body.GetProperty("availabilityPct").GetDouble(), 9);
    }

    [Fact]
    public async Task GroupByServiceGivesEachServiceItsOwnFigures()
    {
        var (a, b) = (await ServiceAsync("svc-a"), await ServiceAsync("svc-b"));
        await IncidentAsync(a, "outage", "sev1", 1, 3);
        await IncidentAsync(b, "partial", "sev2", 1, 24);

        var body = await _client.GetOkAsync($"/v1/metrics/availability?service={a}&service={b}&groupBy=service&{Period}");

        var groups = body.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString()!);
        Assert.Equal(87.5, groups[a].GetProperty("availabilityPct").GetDouble(), 9);             // 3 h of 24 h down
        Assert.Equal(100 * (1 - 0.3 * 23 / 24), groups[b].GetProperty("availabilityPct").GetDouble(), 9); // 23 h of it in the day, at 0.3
        // Together, each second once at its worst impact: 3 h outage, the other 20 h partial.
        Assert.Equal(100 * (1 - (3 + 0.3 * 20) / 24), body.GetProperty("availabilityPct").GetDouble(), 9);
    }

    [Theory]
    [InlineData("partialWeight=1.5", "partialWeight")]
    [InlineData("groupBy=severity", "groupBy")]
    [InlineData("team=t1", "team")]
    public async Task BadParametersAreProblems(string query, string field) =>
        await (await _client.GetAsync($"/v1/metrics/availability?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task AnEmptyPeriodIsFullyAvailable()
    {
        var body = await _client.GetOkAsync($"/v1/metrics/availability?service={await ServiceAsync()}&{Period}");
        Assert.Equal(100, body.GetProperty("availabilityPct").GetDouble());
        Assert.Equal(0, body.GetProperty("incidents").GetProperty("total").GetInt64());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("mttr").GetProperty("medianSeconds").ValueKind);
    }

    [Fact]
    public async Task AServiceThatIsNotInTheCatalogueIsA400()
    {
        var known = await ServiceAsync();
        await (await _client.GetAsync($"/v1/metrics/availability?service={known}&service=svc-typo-{Guid.NewGuid():N}&{Period}"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "service[1]");
    }
}
