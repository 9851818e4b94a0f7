using CxApi.Tests.Support;
using System.Net;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// The CX impact of incidents, deployments and instants over real records, on either provider: known records before,
/// during and after give exactly the hand-counted window figures, deltas and p-values (references from R 4.2.2).
/// </summary>
public sealed class ImpactTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 10, 0, 0, TimeSpan.Zero);
    private const int Precision = 9;

    private async Task ContactsAsync(string service, DateTimeOffset from, DateTimeOffset to, int count) =>
        await _client.PostBatchAsync("/v1/interactions/batch", Enumerable.Range(0, count).Select(i => (object)new
        {
            channel = "chat",
            type = "support",
            status = "open",
            service,
            openedAt = Api.Time(from + (to - from) / count * i),
        }));

    private async Task NpsAsync(string survey, string service, string customerId, int score, DateTimeOffset at) =>
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score, service, customerId, respondedAt = Api.Time(at) });

    private static void AssertFigure(JsonElement window, string figure, double? value, long n)
    {
        var f = window.GetProperty(figure);
        if (value is null) Assert.Equal(JsonValueKind.Null, f.GetProperty("value").ValueKind);
        else Assert.Equal(value.Value, f.GetProperty("value").GetDouble(), Precision);
        Assert.Equal(n, f.GetProperty("n").GetInt64());
    }

    [Fact]
    public async Task AnIncidentsWindowsGiveTheHandCountedFiguresDeltasAndSignificance()
    {
        var service = await _client.CreateServiceAsync();
        var other = await _client.CreateServiceAsync();
        var nps = await _client.CreateSurveyAsync("nps");
        // baseline = P1D: [Nov 9 10:00, Nov 10 10:00); during: [10:00, 12:00); after = PT12H: [12:00, 24:00).
        await _client.PostCsatAsync(service, Start.AddDays(-1), Start, (5, 8), (3, 2));    // 80 %
        await _client.PostCsatAsync(service, Start, Start.AddHours(2), (4, 2), (1, 8));    // 20 %
        await _client.PostCsatAsync(service, Start.AddHours(2), Start.AddHours(14), (5, 7), (2, 3)); // 70 %
        await _client.PostCsatAsync(other, Start, Start.AddHours(2), (1, 5));              // another service: not counted
        await _client.PostCsatAsync(service, Start.AddDays(-3), Start.AddDays(-2), (1, 5)); // before the baseline: not counted
        await ContactsAsync(service, Start.AddDays(-1), Start, 24);                    // 1 per hour
        await ContactsAsync(service, Start, Start.AddHours(2), 10);                    // 5 per hour
        await ContactsAsync(service, Start.AddHours(2), Start.AddHours(14), 6);        // 0.5 per hour
        // Customers: c1 and c2 answer during it; the incident lists c2 and c3; after it c1 is a detractor, c3 gives CSAT 1, c2 promotes.
        var (c1, c2, c3) = ($"c1-{Guid.NewGuid():N}", $"c2-{Guid.NewGuid():N}", $"c3-{Guid.NewGuid():N}");
        await NpsAsync(nps, service, c1, 3, Start.AddMinutes(30));
        await NpsAsync(nps, service, c2, 9, Start.AddMinutes(40));
        await NpsAsync(nps, service, c1, 2, Start.AddHours(5));
        await NpsAsync(nps, service, c2, 10, Start.AddHours(5));
        var csatSurvey = await _client.CreateSurveyAsync("csat");
        await _client.PostOkAsync("/v1/responses", new { surveyId = csatSurvey, score = 1, customerId = c3, respondedAt = Api.Time(Start.AddHours(6)) });

        var incident = (await _client.PostOkAsync("/v1/incidents", new
        {
            title = "checkout down",
            services = new[] { service },
            severity = "sev1",
            impact = "outage",
            startedAt = Api.Time(Start),
            acknowledgedAt = Api.Time(Start.AddMinutes(15)),
            resolvedAt = Api.Time(Start.AddHours(2)),
            customerIds = new[] { c2, c3 },
        })).Id();

        var body = await _client.GetOkAsync($"/v1/incidents/{incident}/impact?baseline=P1D&after=PT12H");

        Assert.False(body.GetProperty("ongoing").GetBoolean());
        Assert.Equal(900, body.GetProperty("timeToAcknowledge").GetDouble());
        Assert.Equal(7200, body.GetProperty("timeToResolve").GetDouble());
        Assert.Equal(120, body.GetProperty("impactMinutes").GetDouble());

        JsonElement baseline = body.GetProperty("baseline"), during = body.GetProperty("during"), after = body.GetProperty("after");
        Assert.Equal(Start.AddDays(-1), baseline.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(Start.AddHours(14), after.GetProperty("to").GetDateTimeOffset());
        Assert.True(after.GetProperty("complete").GetBoolean());
        AssertFigure(baseline, "csat", 80, 10);
        AssertFigure(during, "csat", 20, 10);
        AssertFigure(after, "csat", 70, 10);
        AssertFigure(baseline, "contacts", 1, 24);
        AssertFigure(during, "contacts", 5, 10);
        AssertFigure(after, "contacts", 0.5, 6);
        AssertFigure(during, "nps", 0, 2); // c1 a detractor (3), c2 a promoter (9): 100 × (1 − 1) / 2 = 0
        Assert.Equal(JsonValueKind.Null, baseline.GetProperty("csat").GetProperty("delta").ValueKind);

        // During against baseline: CSAT −60 points, R prop.test(c(2, 8), c(10, 10), correct = FALSE) p = 0.00729035809;
        // contacts +4/h, R poisson.test(c(10, 24), c(2, 24)) p = 0.000169331266.
        var csat = during.GetProperty("csat");
        Assert.Equal(-60, csat.GetProperty("delta").GetDouble(), Precision);
        Assert.Equal(0.00729035809154, csat.GetProperty("pValue").GetDouble(), 11);
        Assert.True(csat.GetProperty("significant").GetBoolean());
        var contacts = during.GetProperty("contacts");
        Assert.Equal(4, contacts.GetProperty("delta").GetDouble(), Precision);
        Assert.Equal(0.000169331265697, contacts.GetProperty("pValue").GetDouble(), 12);
        Assert.True(contacts.GetProperty("significant").GetBoolean());
        // After against baseline: CSAT −10 points, p = 0.605576616; contacts −0.5/h, poisson.test(c(6, 24), c(12, 24)) p = 0.173609354.
        Assert.Equal(-10, after.GetProperty("csat").GetProperty("delta").GetDouble(), Precision);
        Assert.Equal(0.605576616335, after.GetProperty("csat").GetProperty("pValue").GetDouble(), 11);
        Assert.False(after.GetProperty("csat").GetProperty("significant").GetBoolean());
        Assert.Equal(0.173609353856, after.GetProperty("contacts").GetProperty("pValue").GetDouble(), 11);
        Assert.False(after.GetProperty("contacts").GetProperty("significant").GetBoolean());

        var affected = body.GetProperty("affectedCustomers");
        Assert.Equal(3, affected.GetProperty("count").GetInt64());      // c1, c2, c3
        Assert.Equal(2, affected.GetProperty("listed").GetInt64());     // c2, c3
        Assert.Equal(2, affected.GetProperty("withRecords").GetInt64()); // c1, c2
        Assert.Equal(2, affected.GetProperty("unhappyAfter").GetInt64()); // c1 (NPS 2), c3 (CSAT 1)
    }

    [Fact]
    public async Task AnOngoingIncidentRunsToNowAndHasNoAfterWindow()
    {
        var clock = CxApiFactory.FakeClock();
        await using var timed = new CxApiFactory { Clock = clock };
        var client = timed.CreateClient();
        var service = $"svc-{Guid.NewGuid():N}";
        await client.PostOkAsync("/v1/services", new { key = service, name = service, tier = 2 });
        var started = clock.GetUtcNow().AddMinutes(-90);
        var incident = (await client.PostOkAsync("/v1/incidents", new
        {
            title = "slow search",
            services = new[] { service },
            severity = "sev3",
            impact = "degraded",
            startedAt = Api.Time(started),
        })).Id();
        clock.Advance(TimeSpan.FromMinutes(30));

        var body = await client.GetOkAsync($"/v1/incidents/{incident}/impact");

        Assert.True(body.GetProperty("ongoing").GetBoolean());
        Assert.Equal(120, body.GetProperty("impactMinutes").GetDouble(), 6);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("after").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("timeToResolve").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("affectedCustomers").GetProperty("unhappyAfter").ValueKind);
        var during = body.GetProperty("during");
        Assert.False(during.GetProperty("complete").GetBoolean());
        Assert.Equal(clock.GetUtcNow(), during.GetProperty("to").GetDateTimeOffset());
        Assert.Equal(2, during.GetProperty("hours").GetDouble(), 6);
        Assert.Equal(started.AddDays(-14), body.GetProperty("baseline").GetProperty("from").GetDateTimeOffset());
    }

    [Fact]
    public async Task ADeploymentFollowedByACsatDropIsACxRegressionAndOneFollowedByNoiseIsNot()
    {
        var (bad, calm) = (await _client.CreateServiceAsync(), await _client.CreateServiceAsync());
        var at = Start.AddDays(2);
        await _client.PostCsatAsync(bad, at.AddDays(-1), at, (5, 36), (2, 4));  // 90 %
        await _client.PostCsatAsync(bad, at, at.AddDays(1), (4, 16), (1, 24)); // 40 %
        await _client.PostCsatAsync(calm, at.AddDays(-1), at, (5, 32), (2, 8));  // 80 %
        await _client.PostCsatAsync(calm, at, at.AddDays(1), (4, 30), (1, 10)); // 75 %
        string Deploy(string service) => Api.Time(at);
        var badDeployment = (await _client.PostOkAsync("/v1/deployments", new { service = bad, version = "2.0.0", finishedAt = Deploy(bad), result = "success" })).Id();
        var calmDeployment = (await _client.PostOkAsync("/v1/deployments", new { service = calm, version = "2.0.1", finishedAt = Deploy(calm), result = "success" })).Id();

        var regression = await _client.GetOkAsync($"/v1/deployments/{badDeployment}/impact?before=P1D&after=P1D");
        var noise = await _client.GetOkAsync($"/v1/deployments/{calmDeployment}/impact?before=P1D&after=P1D");

        // CSAT 90 % → 40 %: R prop.test(c(16, 36), c(40, 40), correct = FALSE) p = 2.75790578e-06. Of the five tests only CSAT and
        // contacts (0 and 0: p = 1) can run, so Holm multiplies the smaller p-value by 2.
        Assert.True(regression.GetProperty("cxRegression").GetBoolean());
        Assert.Equal(["csat"], regression.GetProperty("decidedBy").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(badDeployment, regression.GetProperty("deploymentId").GetString());
        var csatTest = regression.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("figure").GetString() == "csat");
        Assert.Equal(2.75790577705e-06, csatTest.GetProperty("pValue").GetDouble(), 15);
        Assert.Equal(2 * 2.75790577705e-06, csatTest.GetProperty("adjustedPValue").GetDouble(), 15);
        Assert.True(csatTest.GetProperty("worse").GetBoolean());
        Assert.Equal(-50, regression.GetProperty("after").GetProperty("csat").GetProperty("delta").GetDouble(), Precision);
        var npsTest = regression.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("figure").GetString() == "nps");
        Assert.Equal(JsonValueKind.Null, npsTest.GetProperty("pValue").ValueKind);

        // CSAT 80 % → 75 %: p = 0.592318293; no regression.
        Assert.False(noise.GetProperty("cxRegression").GetBoolean());
        Assert.Empty(noise.GetProperty("decidedBy").EnumerateArray());
        Assert.Equal(0.592318293096, noise.GetProperty("after").GetProperty("csat").GetProperty("pValue").GetDouble(), 11);

        // The same question for any instant, without a deployment.
        var instant = await _client.GetOkAsync($"/v1/metrics/impact?service={bad}&at={Uri.EscapeDataString(Api.Time(at))}&before=P1D&after=P1D");
        Assert.True(instant.GetProperty("cxRegression").GetBoolean());
        Assert.Equal(JsonValueKind.Null, instant.GetProperty("deploymentId").ValueKind);
        Assert.Equal(regression.GetProperty("after").GetProperty("csat").GetRawText(), instant.GetProperty("after").GetProperty("csat").GetRawText());
    }

    [Fact]
    public async Task AnImprovementIsSignificantButNoRegression()
    {
        var service = await _client.CreateServiceAsync();
        var at = Start.AddDays(3);
        await _client.PostCsatAsync(service, at.AddDays(-1), at, (4, 16), (1, 24)); // 40 %
        await _client.PostCsatAsync(service, at, at.AddDays(1), (5, 36), (2, 4));   // 90 %

        var body = await _client.GetOkAsync($"/v1/metrics/impact?service={service}&at={Uri.EscapeDataString(Api.Time(at))}&before=P1D&after=P1D");

        Assert.True(body.GetProperty("after").GetProperty("csat").GetProperty("significant").GetBoolean());
        Assert.False(body.GetProperty("cxRegression").GetBoolean());
    }

    [Fact]
    public async Task BadImpactQueriesAre400sAndUnknownIdsAre404s()
    {
        var service = await _client.CreateServiceAsync();
        var at = Uri.EscapeDataString(Api.Time(Start));
        await (await _client.GetAsync($"/v1/metrics/impact?service=no-such-service-{Guid.NewGuid():N}&at={at}"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "service[0]");
        await (await _client.GetAsync($"/v1/metrics/impact?service={service}")).AssertProblemAsync(HttpStatusCode.BadRequest, "at");
        await (await _client.GetAsync($"/v1/metrics/impact?at={at}")).AssertProblemAsync(HttpStatusCode.BadRequest, "service");
        await (await _client.GetAsync($"/v1/metrics/impact?service={service}&at={at}&before=P1M")).AssertProblemAsync(HttpStatusCode.BadRequest, "before");
        await (await _client.GetAsync($"/v1/metrics/impact?service={service}&at={at}&after=P400D")).AssertProblemAsync(HttpStatusCode.BadRequest, "after");
        await (await _client.GetAsync($"/v1/incidents/no-such-incident/impact")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/v1/deployments/no-such-deployment/impact")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync($"/v1/incidents/x/impact?baseline=yesterday")).AssertProblemAsync(HttpStatusCode.BadRequest, "baseline");
    }

    [Fact]
    public async Task AnIngestKeyCannotReadImpact()
    {
        var (key, _) = await factory.CreateKeyAsync("ingest", $"partner-{Guid.NewGuid():N}");
        var partner = factory.CreateClient(key);
        var service = $"svc-{Guid.NewGuid():N}";
        var incident = (await partner.PostOkAsync("/v1/incidents", new
        {
            title = "partner incident",
            services = new[] { service },
            severity = "sev2",
            impact = "partial",
            startedAt = Api.Time(Start),
        })).Id();

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/v1/incidents/{incident}/impact")).StatusCode);
    }
}
