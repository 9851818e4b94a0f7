using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>Incidents as a record kind: create, times in order, ETag-guarded merge patches, filters, the changes feed and partner isolation.</summary>
public sealed class IncidentsTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string Service() => $"svc-{Guid.NewGuid():N}";

    private Task<HttpResponseMessage> PatchAsync(string id, string json, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/incidents/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task AnIncidentStoresEveryFieldAndStartsOngoing()
    {
        var (web, api) = (Service(), Service());
        var created = await _client.PostAsync("/v1/incidents", new StringContent($$"""
            { "title": "Checkout payments time out", "services": ["{{web}}", "{{api}}"], "severity": "sev2", "impact": "partial",
              "startedAt": "2026-11-19T18:02:00Z", "detectedAt": "2026-11-19T18:05:00Z", "acknowledgedAt": "2026-11-19T18:09:00Z",
              "customerIds": ["c-1042", "c-7"], "source": "pagerduty", "url": "https://example.pagerduty.com/incidents/Q1" }
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);
        var incident = await _client.GetOkAsync($"/v1/incidents/{(await created.JsonAsync()).Id()}");
        Assert.Equal([web, api], incident.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("sev2", incident.GetProperty("severity").GetString());
        Assert.Equal("partial", incident.GetProperty("impact").GetString());
        Assert.Equal("2026-11-19T18:09:00Z", incident.GetProperty("acknowledgedAt").GetString());
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("resolvedAt").ValueKind);
        Assert.Equal(["c-1042", "c-7"], incident.GetProperty("customerIds").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("""{ "services": ["a"], "severity": "sev1", "impact": "outage", "startedAt": "2026-11-19T18:00:00Z" }""", "title")]
    [InlineData("""{ "title": "t", "services": [], "severity": "sev1", "impact": "outage", "startedAt": "2026-11-19T18:00:00Z" }""", "services")]
    [InlineData("""{ "title": "t", "services": ["a", "a"], "severity": "sev1", "impact": "outage", "startedAt": "2026-11-19T18:00:00Z" }""", "services")]
    [InlineData("""{ "title": "t", "services": ["a"], "severity": "sev5", "impact": "outage", "startedAt": "2026-11-19T18:00:00Z" }""", "severity")]
    [InlineData("""{ "title": "t", "services": ["a"], "severity": "sev1", "impact": "slow", "startedAt": "2026-11-19T18:00:00Z" }""", "impact")]
    [InlineData("""{ "title": "t", "services": ["a"], "severity": "sev1", "impact": "outage" }""", "startedAt")]
    [InlineData("""{ "title": "t", "services": ["a"], "severity": "sev1", "impact": "outage", "startedAt": "2026-11-19T18:00:00Z", "detectedAt": "2026-11-19T17:59:00Z" }""", "detectedAt")]
    [InlineData("""{ "title": "t", "services": ["a"], "severity": "sev1", "impact": "outage", "startedAt": "2026-11-19T18:00:00Z", "acknowledgedAt": "2026-11-19T18:30:00Z", "resolvedAt": "2026-11-19T18:20:00Z" }""", "resolvedAt")]
    [InlineData("""{ "title": "t", "services": ["a"], "severity": "sev1", "impact": "outage", "startedAt": "2026-11-19T18:00:00Z", "url": "javascript:alert(1)" }""", "url")]
    public async Task BadInputIsAProblemNamingTheFieldAndStoresNothing(string body, string field)
    {
        var before = await factory.CountAsync<IncidentEntity>();
        await (await _client.PostRawAsync("/v1/incidents", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await factory.CountAsync<IncidentEntity>());
    }

    [Fact]
    public async Task AToolMovesAnIncidentThroughItsStatesUnderIfMatch()
    {
        var service = Service();
        var id = (await _client.PostOkAsync("/v1/incidents", new
        {
            title = "Login fails",
            services = new[] { service },
            severity = "sev1",
            impact = "outage",
            startedAt = "2026-11-19T18:00:00Z",
        })).Id();

        var mitigated = await PatchAsync(id, """{ "mitigatedAt": "2026-11-19T18:30:00Z", "impact": "degraded" }""", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, mitigated.StatusCode);
        Assert.Equal("\"2\"", mitigated.Headers.ETag?.Tag);
        var body = await mitigated.JsonAsync();
        Assert.Equal("degraded", body.GetProperty("impact").GetString());
        Assert.Equal("Login fails", body.GetProperty("title").GetString()); // left out, left as it was

        // A stale tag changes nothing and says the current one.
        var stale = await (await PatchAsync(id, """{ "resolvedAt": "2026-11-19T19:00:00Z" }""", "\"1\"")).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"2\"", stale.GetProperty("currentETag").GetString());

        // Resolving before it was mitigated breaks the order: a 400 that changes nothing.
        await (await PatchAsync(id, """{ "resolvedAt": "2026-11-19T18:10:00Z" }""", "\"2\"")).AssertProblemAsync(HttpStatusCode.BadRequest, "resolvedAt");
        Assert.Equal(JsonValueKind.Null, (await _client.GetOkAsync($"/v1/incidents/{id}")).GetProperty("resolvedAt").ValueKind);

        var resolved = await (await PatchAsync(id, """{ "resolvedAt": "2026-11-19T19:00:00Z" }""", "\"2\"")).JsonAsync();
        Assert.Equal("2026-11-19T19:00:00Z", resolved.GetProperty("resolvedAt").GetString());
        Assert.Empty(await _client.ListAllAsync($"/v1/incidents?service={service}&ongoing=true"));

        // null clears: the incident is ongoing again.
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(id, """{ "resolvedAt": null }""", null)).StatusCode);
        Assert.Equal([id], (await _client.ListAllAsync($"/v1/incidents?service={service}&ongoing=true")).Select(i => i.Id()));

        // A field that must have a value cannot be cleared.
        await (await PatchAsync(id, """{ "severity": null }""", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "severity");
    }

    [Fact]
    public async Task ListingMatchesAnyOfAnIncidentsServicesAndFiltersBySeverityImpactAndStart()
    {
        var (web, api, other) = (Service(), Service(), Service());
        var t0 = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var both = (await _client.PostOkAsync("/v1/incidents", new
        {
            title = "both",
            services = new[] { web, api },
            severity = "sev1",
            impact = "outage",
            startedAt = Api.Time(t0.AddDays(1)),
        })).Id();
        var apiOnly = (await _client.PostOkAsync("/v1/incidents", new
        {
            title = "api",
            services = new[] { api },
            severity = "sev3",
            impact = "maintenance",
            startedAt = Api.Time(t0.AddDays(2)),
            resolvedAt = Api.Time(t0.AddDays(2).AddHours(1)),
        })).Id();
        await _client.PostOkAsync("/v1/incidents", new { title = "other", services = new[] { other }, severity = "sev1", impact = "outage", startedAt = Api.Time(t0) });

        Assert.Equal([both], (await _client.ListAllAsync($"/v1/incidents?service={web}")).Select(i => i.Id()));
        Assert.Equal([apiOnly, both], (await _client.ListAllAsync($"/v1/incidents?service={api}")).Select(i => i.Id()));
        Assert.Equal([apiOnly, both], (await _client.ListAllAsync($"/v1/incidents?service={web}&service={api}")).Select(i => i.Id()));
        Assert.Equal([both], (await _client.ListAllAsync($"/v1/incidents?service={api}&severity=sev1")).Select(i => i.Id()));
        Assert.Equal([apiOnly], (await _client.ListAllAsync($"/v1/incidents?service={api}&impact=maintenance")).Select(i => i.Id()));
        Assert.Equal([both], (await _client.ListAllAsync($"/v1/incidents?service={api}&ongoing=true")).Select(i => i.Id()));
        Assert.Equal([apiOnly], (await _client.ListAllAsync($"/v1/incidents?service={api}&from={Api.Time(t0.AddDays(2))}")).Select(i => i.Id()));
        await (await _client.GetAsync("/v1/incidents?impact=slow")).AssertProblemAsync(HttpStatusCode.BadRequest, "impact[0]");
    }

    [Fact]
    public async Task ThePatchedIncidentReappearsInTheChangesFeedAtItsNewNumber()
    {
        var service = Service();
        var id = (await _client.PostOkAsync("/v1/incidents", new
        {
            title = "t",
            services = new[] { service },
            severity = "sev2",
            impact = "partial",
            startedAt = "2026-11-19T18:00:00Z",
        })).Id();
        var first = (await _client.GetOkAsync("/v1/changes/incidents?limit=1000")).GetProperty("changes").EnumerateArray()
            .Single(c => c.GetProperty("id").GetString() == id).GetProperty("seq").GetInt64();
        await PatchAsync(id, """{ "resolvedAt": "2026-11-19T18:30:00Z" }""", null);

        var changes = (await _client.GetOkAsync("/v1/changes/incidents?limit=1000")).GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("id").GetString() == id).ToList();
        var latest = Assert.Single(changes);
        Assert.True(latest.GetProperty("seq").GetInt64() > first);
        Assert.Equal("2026-11-19T18:30:00Z", latest.GetProperty("record").GetProperty("resolvedAt").GetString());
    }

    [Fact]
    public async Task AnIngestKeySeesAndChangesOnlyItsOwnPartnersIncidents()
    {
        var service = Service();
        var (a, _) = await factory.CreateKeyAsync("ingest", $"partner-{Guid.NewGuid():N}");
        var (b, _) = await factory.CreateKeyAsync("ingest", $"partner-{Guid.NewGuid():N}");
        var partnerA = factory.CreateClient(a);
        var partnerB = factory.CreateClient(b);
        var id = (await partnerA.PostOkAsync("/v1/incidents", new
        {
            title = "t",
            services = new[] { service },
            severity = "sev2",
            impact = "partial",
            startedAt = "2026-11-19T18:00:00Z",
        })).Id();

        await (await partnerB.GetAsync($"/v1/incidents/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await partnerB.PatchAsync($"/v1/incidents/{id}", new StringContent("""{ "title": "mine" }""", Encoding.UTF8, "application/merge-patch+json")))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await partnerB.ListAllAsync($"/v1/incidents?service={service}"));
        Assert.Equal([id], (await partnerA.ListAllAsync($"/v1/incidents?service={service}")).Select(i => i.Id()));
    }
}
