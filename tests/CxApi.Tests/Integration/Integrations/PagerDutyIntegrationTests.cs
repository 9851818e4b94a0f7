using CxApi.Common;
using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using static CxApi.Tests.Integration.Integrations.IntegrationsFactory;

namespace CxApi.Tests.Integration.Integrations;

/// <summary>
/// PagerDuty V3 webhooks, posted without an API key and signed as PagerDuty signs them: the published sample stores one
/// incident; a bad signature, a replay, a late or repeated older event and an unmapped event change nothing.
/// </summary>
public sealed class PagerDutyIntegrationTests(IntegrationsFactory factory) : IClassFixture<IntegrationsFactory>
{
    private readonly HttpClient _vendor = factory.CreateClient(apiKey: null);
    private readonly HttpClient _admin = factory.CreateClient();

    private static readonly DateTimeOffset T0 = new(2026, 11, 19, 18, 2, 0, TimeSpan.Zero);

    private static string NewId() => $"P{Guid.NewGuid():N}"[..14].ToUpperInvariant();

    private Task<HttpResponseMessage> PostAsync(string body) => _vendor.PostPagerDutyAsync(body, VendorSamples.PagerDutySignature(PagerDutySecret, body));

    private async Task<JsonElement> ReceiptAsync(string body, string outcome)
    {
        var response = await PostAsync(body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {json}");
        var receipt = JsonDocument.Parse(json).RootElement.Clone();
        Assert.Equal(outcome, receipt.GetProperty("outcome").GetString());
        return receipt;
    }

    private Task<List<IncidentEntity>> IncidentsAsync(string pagerDutyId) =>
        factory.WithDbAsync(db => db.Incidents.AsNoTracking().Where(i => i.ExternalId == pagerDutyId).ToListAsync());

    private static string Event(string type, string incidentId, DateTimeOffset at, string? priority = "P1", string? eventId = null, string? serviceId = null) =>
        VendorSamples.PagerDuty(type, eventId ?? Guid.NewGuid().ToString(), incidentId, at, priority, serviceId, createdAt: "2026-11-19T18:02:00Z");

    [Fact]
    public async Task ThePublishedSampleStoresExactlyOneIncidentFromItsData()
    {
        var body = VendorSamples.Read("pagerduty-incident.priority_updated.json");
        var receipt = await ReceiptAsync(body, "created");
        Assert.Equal("incident", receipt.GetProperty("resource").GetString());

        var stored = Assert.Single(await IncidentsAsync("PGR0VU2"));
        Assert.Equal("partner:pagerduty", stored.ClientId);
        var incident = await _admin.GetOkAsync($"/v1/incidents/{receipt.GetProperty("id").GetString()}");
        Assert.Equal("A little bump in the road", incident.GetProperty("title").GetString());
        Assert.Equal(["api-service"], incident.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("sev1", incident.GetProperty("severity").GetString()); // priority P1
        Assert.Equal("outage", incident.GetProperty("impact").GetString());
        Assert.Equal("2020-04-09T15:16:27Z", incident.GetProperty("startedAt").GetString()); // the incident's created_at
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("acknowledgedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, incident.GetProperty("resolvedAt").ValueKind);
        Assert.Equal("PGR0VU2", incident.GetProperty("externalId").GetString());
        Assert.Equal("pagerduty", incident.GetProperty("source").GetString());
        Assert.Equal("https://acme.pagerduty.com/incidents/PGR0VU2", incident.GetProperty("url").GetString());

        // The same delivery again (PagerDuty retries): 200, nothing new, the incident untouched.
        var replay = await ReceiptAsync(body, "duplicate");
        Assert.Equal(receipt.GetProperty("id").GetString(), replay.GetProperty("id").GetString());
        var after = Assert.Single(await IncidentsAsync("PGR0VU2"));
        Assert.Equal(stored.Version, after.Version);
        Assert.Equal(stored.ChangeSeq, after.ChangeSeq);
    }

    [Fact]
    public async Task TriggeredAcknowledgedResolvedMoveOneIncidentThroughItsStates()
    {
        var id = NewId();
        var created = await ReceiptAsync(Event("incident.triggered", id, T0), "created");
        await ReceiptAsync(Event("incident.acknowledged", id, T0.AddMinutes(4)), "updated");
        await ReceiptAsync(Event("incident.priority_updated", id, T0.AddMinutes(6), priority: "P3"), "updated");
        await ReceiptAsync(Event("incident.resolved", id, T0.AddMinutes(50), priority: "P3"), "updated");

        var incident = await _admin.GetOkAsync($"/v1/incidents/{created.GetProperty("id").GetString()}");
        Assert.Equal("2026-11-19T18:02:00Z", incident.GetProperty("startedAt").GetString());
        Assert.Equal("2026-11-19T18:06:00Z", incident.GetProperty("acknowledgedAt").GetString());
        Assert.Equal("2026-11-19T18:52:00Z", incident.GetProperty("resolvedAt").GetString());
        Assert.Equal("sev3", incident.GetProperty("severity").GetString());
        Assert.Equal("degraded", incident.GetProperty("impact").GetString());
        Assert.Single(await IncidentsAsync(id));
    }

    [Fact]
    public async Task LateAndReplayedOlderEventsNeverUndoALaterState()
    {
        var id = NewId();
        // Resolved arrives first, then the acknowledgement that preceded it, then the trigger.
        await ReceiptAsync(Event("incident.resolved", id, T0.AddMinutes(50)), "created");
        await ReceiptAsync(Event("incident.acknowledged", id, T0.AddMinutes(4)), "updated");
        var trigger = Event("incident.triggered", id, T0);
        await ReceiptAsync(trigger, "unchanged");
        // A replay of the trigger, and a second trigger event (another id) after the resolution, do not reopen it.
        await ReceiptAsync(trigger, "duplicate");
        await ReceiptAsync(Event("incident.triggered", id, T0.AddMinutes(1)), "unchanged");
        // An older acknowledgement than the first keeps the first; a later one does not move it.
        await ReceiptAsync(Event("incident.acknowledged", id, T0.AddMinutes(9)), "unchanged");
        // A priority change older than the newest event seen does not overwrite the newer severity.
        await ReceiptAsync(Event("incident.priority_updated", id, T0.AddMinutes(60), priority: "P2"), "updated");
        await ReceiptAsync(Event("incident.priority_updated", id, T0.AddMinutes(30), priority: "P4"), "unchanged");

        var incident = Assert.Single(await IncidentsAsync(id));
        Assert.Equal(UnixMicros.From(T0.AddMinutes(4)), incident.AcknowledgedAtMicros);
        Assert.Equal(UnixMicros.From(T0.AddMinutes(50)), incident.ResolvedAtMicros);
        Assert.Equal(IncidentSeverity.Sev2, incident.Severity);
        Assert.Equal(IncidentImpact.Partial, incident.Impact);
    }

    [Fact]
    public async Task EventsAboutOneNewIncidentArrivingTogetherMakeOneIncidentWithEveryTime()
    {
        var id = NewId();
        var bodies = new[]
        {
            Event("incident.triggered", id, T0), Event("incident.acknowledged", id, T0.AddMinutes(3)),
            Event("incident.resolved", id, T0.AddMinutes(20)), Event("incident.priority_updated", id, T0.AddMinutes(2), priority: "P2"),
        };
        var responses = await Task.WhenAll(bodies.Select(PostAsync));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var incident = Assert.Single(await IncidentsAsync(id));
        Assert.Equal(UnixMicros.From(T0.AddMinutes(3)), incident.AcknowledgedAtMicros);
        Assert.Equal(UnixMicros.From(T0.AddMinutes(20)), incident.ResolvedAtMicros);
    }

    [Fact]
    public async Task AServiceMappedInTheSettingsNamesItsCatalogueKey()
    {
        var id = NewId();
        await ReceiptAsync(Event("incident.triggered", id, T0, serviceId: MappedPagerDutyService), "created");
        Assert.Equal(["checkout-web"], Assert.Single(await IncidentsAsync(id)).Services);
    }

    [Fact]
    public async Task ASignatureOfAnotherSecretOrNoneIs401AndStoresNothing()
    {
        var id = NewId();
        var body = Event("incident.triggered", id, T0);
        var deliveries = await factory.DeliveriesAsync("pagerduty");
        await (await _vendor.PostPagerDutyAsync(body, VendorSamples.PagerDutySignature("another-secret", body)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await _vendor.PostPagerDutyAsync(body, null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        // Signed, but over other bytes than those sent.
        await (await _vendor.PostPagerDutyAsync(body + " ", VendorSamples.PagerDutySignature(PagerDutySecret, body)))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await IncidentsAsync(id));
        Assert.Equal(deliveries, await factory.DeliveriesAsync("pagerduty"));
    }

    [Fact]
    public async Task DuringASecretRotationAnyOfTheSignaturesPasses()
    {
        var id = NewId();
        var body = Event("incident.triggered", id, T0);
        var header = $"{VendorSamples.PagerDutySignature("the-old-secret", body)},{VendorSamples.PagerDutySignature(PagerDutySecret, body)}";
        Assert.Equal(HttpStatusCode.OK, (await _vendor.PostPagerDutyAsync(body, header)).StatusCode);
        Assert.Single(await IncidentsAsync(id));
    }

    [Fact]
    public async Task EventsCxApiDoesNotMapAreAnsweredIgnoredAndStoreNothing()
    {
        var deliveries = await factory.DeliveriesAsync("pagerduty");
        var incidents = await factory.CountAsync<IncidentEntity>();
        var id = NewId();
        await ReceiptAsync(Event("incident.annotated", id, T0), "ignored");
        // PagerDuty's published service.updated sample: another resource entirely.
        await ReceiptAsync("""
            { "event": { "id": "01BRB6ZP4M6T8ZG4X6BP63ZB9O", "event_type": "service.updated", "resource_type": "service",
              "occurred_at": "2021-03-02T13:35:11.682Z", "agent": null, "client": null,
              "data": { "html_url": "https://acme.pagerduty.com/services/PF9KMXH", "id": "PF9KMXH", "self": "https://api.pagerduty.com/services/PF9KMXH",
                "summary": "testing service updates", "alert_creation": "create_alerts_and_incidents",
                "teams": [ { "html_url": "https://acme.pagerduty.com/teams/PFCVPS0", "id": "PFCVPS0", "self": "https://api.pagerduty.com/teams/PFCVPS0",
                  "summary": "Engineering", "type": "team_reference" } ], "type": "service" } } }
            """, "ignored");
        Assert.Equal(deliveries, await factory.DeliveriesAsync("pagerduty"));
        Assert.Equal(incidents, await factory.CountAsync<IncidentEntity>());
    }

    [Fact]
    public async Task AMappedEventWithoutTheIncidentsIdIs400AndTakesNoDelivery()
    {
        var body = Event("incident.triggered", NewId(), T0).Replace("\"id\":\"PF9KMXH\"", "\"id\":null", StringComparison.Ordinal);
        var deliveries = await factory.DeliveriesAsync("pagerduty");
        await (await PostAsync(body)).AssertProblemAsync(HttpStatusCode.BadRequest, "event.data.service.id");
        Assert.Equal(deliveries, await factory.DeliveriesAsync("pagerduty"));
    }
}
