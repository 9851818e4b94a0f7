using CxApi.Infrastructure.Entities;
using CxApi.Tests.Integration.Integrations;
using CxApi.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration.Audit;

/// <summary>
/// Every audited action writes exactly one event, naming the key that acted and its role; the trail is read by admins
/// only, and nothing in the API changes or removes an event.
/// </summary>
public sealed class AuditTrailTests(IntegrationsFactory factory) : IClassFixture<IntegrationsFactory>
{
    private readonly HttpClient _admin = factory.CreateClient();

    private Task<string> AdminKeyIdAsync() => factory.WithDbAsync(db =>
        db.ApiKeys.Where(k => k.Hash == CxApi.Common.Auth.ApiKeySecrets.Hash(CxApiFactory.AdminKey)).Select(k => k.Id).FirstAsync());

    private Task<List<AuditEventEntity>> EventsAsync() => factory.WithDbAsync(db => db.Set<AuditEventEntity>().AsNoTracking().ToListAsync());

    /// <summary>Runs <paramref name="act"/> and returns the events it added (those not there before).</summary>
    private async Task<List<AuditEventEntity>> NewEventsAsync(Func<Task> act)
    {
        var before = (await EventsAsync()).Select(e => e.Id).ToHashSet();
        await act();
        return [.. (await EventsAsync()).Where(e => !before.Contains(e.Id))];
    }

    /// <summary>Asserts that <paramref name="act"/> wrote exactly one event: this action on this target by this key.</summary>
    private async Task<AuditEventEntity> OneEventAsync(Func<Task<string>> act, string action, string targetKind, string actorKeyId, string role)
    {
        string target = "";
        var added = await NewEventsAsync(async () => target = await act());
        var e = Assert.Single(added);
        Assert.Equal((action, targetKind, target, actorKeyId, role, "success", 1),
            (CxApi.Common.EnumText<CxApi.Common.AuditAction>.ToText(e.Action), e.TargetKind, e.TargetId, e.ActorKeyId,
                e.Role is { } r ? CxApi.Common.EnumText<CxApi.Common.ApiKeyRole>.ToText(r) : null, CxApi.Common.EnumText<CxApi.Common.AuditOutcome>.ToText(e.Outcome),
                e.Count));
        return e;
    }

    private static async Task<string> DeleteAsync(HttpClient client, string url)
    {
        var response = await client.DeleteAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"DELETE {url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return url[(url.LastIndexOf('/') + 1)..];
    }

    private static async Task<string> PatchAsync(HttpClient client, string url, object body)
    {
        var response = await client.PatchAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PATCH {url} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return url[(url.LastIndexOf('/') + 1)..];
    }

    [Fact]
    public async Task EveryAuditedActionWritesExactlyOneEventWithItsActor()
    {
        var admin = await AdminKeyIdAsync();
        var (ingestKey, ingestId) = await factory.CreateKeyAsync("ingest", "audit-partner");
        var written = (await EventsAsync()).ToDictionary(e => e.Id, e => e.Count);
        var ingest = factory.CreateClient(ingestKey);
        var at = Api.Time(DateTimeOffset.UtcNow.AddHours(-1));

        // API keys: creation and revocation, by the admin.
        var keyId = "";
        await OneEventAsync(async () => keyId = (await factory.CreateKeyAsync("read")).Id, "created", "api_key", admin, "admin");
        await OneEventAsync(() => DeleteAsync(_admin, $"/v1/api-keys/{keyId}"), "revoked", "api_key", admin, "admin");
        var rotating = (await factory.CreateKeyAsync("read")).Id;
        await OneEventAsync(async () => { (await _admin.PostAsync($"/v1/api-keys/{rotating}/rotate", null)).EnsureSuccessStatusCode(); return rotating; },
            "rotated", "api_key", admin, "admin");

        // A customer's export and erasure, named by the keyed hash of the id, never the id itself.
        var customer = $"c-audit-{Guid.NewGuid():N}";
        var hashed = await factory.Services.GetRequiredService<CxApi.Features.Audit.CustomerIdHasher>().HashAsync(customer, CancellationToken.None);
        Assert.DoesNotContain(customer, hashed);
        await OneEventAsync(async () => { (await _admin.GetAsync($"/v1/customers/{customer}/export")).EnsureSuccessStatusCode(); return hashed; },
            "exported", "customer", admin, "admin");
        await OneEventAsync(async () => { (await _admin.DeleteAsync($"/v1/customers/{customer}")).EnsureSuccessStatusCode(); return hashed; },
            "erased", "customer", admin, "admin");

        // Services: create, batch create (an event per service), update and delete.
        var serviceId = "";
        await OneEventAsync(async () => serviceId = (await ingest.PostOkAsync("/v1/services", new { key = $"svc-{Guid.NewGuid():N}", name = "Audited", tier = 2 })).Id(),
            "created", "service", ingestId, "ingest");
        var batch = await NewEventsAsync(() => ingest.PostBatchAsync("/v1/services/batch",
            [new { key = $"svc-{Guid.NewGuid():N}", name = "One", tier = 1 }, new { key = $"svc-{Guid.NewGuid():N}", name = "Two", tier = 1 }, new { name = "no key" }]));
        Assert.Equal(2, batch.Count);
        Assert.All(batch, e => Assert.Equal((CxApi.Common.AuditAction.Created, "service", ingestId), (e.Action, e.TargetKind, e.ActorKeyId)));
        await OneEventAsync(() => PatchAsync(ingest, $"/v1/services/{serviceId}", new { name = "Renamed" }), "updated", "service", ingestId, "ingest");
        await OneEventAsync(() => DeleteAsync(ingest, $"/v1/services/{serviceId}"), "deleted", "service", ingestId, "ingest");

        // Every record kind's delete.
        var survey = await _admin.CreateSurveyAsync();
        var response = (await ingest.PostOkAsync("/v1/responses", new { surveyId = survey, score = 9, respondedAt = at })).Id();
        await OneEventAsync(() => DeleteAsync(ingest, $"/v1/responses/{response}"), "deleted", "response", ingestId, "ingest");
        var interaction = (await ingest.PostOkAsync("/v1/interactions",
            new { channel = "chat", type = "support", openedAt = at, status = "open" })).Id();
        await OneEventAsync(() => DeleteAsync(_admin, $"/v1/interactions/{interaction}"), "deleted", "interaction", admin, "admin");
        var review = (await ingest.PostOkAsync("/v1/reviews", new { source = "trustpilot", rating = 4, publishedAt = at })).Id();
        await OneEventAsync(() => DeleteAsync(ingest, $"/v1/reviews/{review}"), "deleted", "review", ingestId, "ingest");
        var deployment = await ingest.DeployAsync("checkout-web", DateTimeOffset.UtcNow.AddMinutes(-30));
        await OneEventAsync(() => DeleteAsync(ingest, $"/v1/deployments/{deployment}"), "deleted", "deployment", ingestId, "ingest");
        var incident = (await ingest.PostOkAsync("/v1/incidents",
            new { title = "Checkout down", services = new[] { "checkout-web" }, severity = "sev2", impact = "partial", startedAt = at })).Id();
        await OneEventAsync(() => DeleteAsync(ingest, $"/v1/incidents/{incident}"), "deleted", "incident", ingestId, "ingest");
        await OneEventAsync(() => DeleteAsync(_admin, $"/v1/surveys/{survey}"), "deleted", "survey", admin, "admin");

        // Webhooks: create and delete.
        var webhook = "";
        await OneEventAsync(async () => webhook = (await _admin.PostOkAsync("/v1/webhooks",
            new { url = "https://hooks.example.com/cx", events = new[] { "alert.triggered" } })).Id(), "created", "webhook", admin, "admin");
        await OneEventAsync(() => DeleteAsync(_admin, $"/v1/webhooks/{webhook}"), "deleted", "webhook", admin, "admin");

        // Alert rules: create, update and delete.
        var rule = "";
        await OneEventAsync(async () => rule = (await _admin.PostOkAsync("/v1/alert-rules",
            new { name = "CSAT low", metric = "csat", window = "P7D", condition = new { below = 80 } })).Id(), "created", "alert_rule", admin, "admin");
        await OneEventAsync(() => PatchAsync(_admin, $"/v1/alert-rules/{rule}", new { name = "CSAT very low" }), "updated", "alert_rule", admin, "admin");
        await OneEventAsync(() => DeleteAsync(_admin, $"/v1/alert-rules/{rule}"), "deleted", "alert_rule", admin, "admin");

        // All those deletes left every earlier event as it was.
        var now = (await EventsAsync()).ToDictionary(e => e.Id, e => e.Count);
        Assert.All(written.Where(w => w.Value == 1), w => Assert.Equal(1, now[w.Key]));
        Assert.All(written, w => Assert.True(now.ContainsKey(w.Key)));
    }

    [Fact]
    public async Task ActionsThatChangeNothingWriteNoEvent()
    {
        var none = await NewEventsAsync(async () =>
        {
            Assert.Equal(HttpStatusCode.NotFound, (await _admin.DeleteAsync($"/v1/responses/{Guid.NewGuid()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await _admin.DeleteAsync($"/v1/alert-rules/{Guid.NewGuid()}")).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await _admin.PostAsJsonAsync("/v1/webhooks", new { url = "not a url" })).StatusCode);
            var key = await _admin.CreateServiceAsync();
            var duplicate = await _admin.PostAsJsonAsync("/v1/services", new { key, name = key, tier = 1 });
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        });
        Assert.Single(none); // the one service created, not its refused duplicate
    }

    [Fact]
    public async Task AnIntegrationDeliveryThatCreatesARecordIsAuditedWithItsToolAndDeliveryId()
    {
        var eventId = $"Q{Guid.NewGuid():N}";
        var body = VendorSamples.PagerDuty("incident.triggered", eventId, $"PINC{Guid.NewGuid():N}"[..14], DateTimeOffset.UtcNow.AddMinutes(-5));
        string created = "";
        var added = await NewEventsAsync(async () =>
        {
            var response = await factory.CreateClient(apiKey: null).PostPagerDutyAsync(body, VendorSamples.PagerDutySignature(IntegrationsFactory.PagerDutySecret, body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            created = (await response.JsonAsync()).Id();
        });
        var e = Assert.Single(added);
        Assert.Equal((CxApi.Common.AuditAction.Created, "incident", created, "pagerduty", eventId, (string?)null, (CxApi.Common.ApiKeyRole?)null),
            (e.Action, e.TargetKind, e.TargetId, e.Integration, e.DeliveryId, e.ActorKeyId, e.Role));

        // The replay changes nothing, and so writes nothing.
        Assert.Empty(await NewEventsAsync(async () =>
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(apiKey: null)
                .PostPagerDutyAsync(body, VendorSamples.PagerDutySignature(IntegrationsFactory.PagerDutySecret, body))).StatusCode)));
    }

    [Fact]
    public async Task RejectedSignaturesAreCountedPerToolInOneRow()
    {
        var body = VendorSamples.PagerDuty("incident.triggered", $"Q{Guid.NewGuid():N}", "PREJECTED", DateTimeOffset.UtcNow);
        var vendor = factory.CreateClient(apiKey: null);
        await factory.WithDbAsync(db => db.Set<AuditEventEntity>().Where(e => e.Action == CxApi.Common.AuditAction.SignatureRejected).ExecuteDeleteAsync());
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await vendor.PostPagerDutyAsync(body, VendorSamples.PagerDutySignature("wrong", body))).StatusCode);
        var rows = await factory.WithDbAsync(db => db.Set<AuditEventEntity>().AsNoTracking()
            .Where(e => e.Action == CxApi.Common.AuditAction.SignatureRejected).ToListAsync());
        // A minute boundary may fall between the three: the rows still count all three, one row per minute.
        Assert.Equal(3, rows.Sum(r => r.Count));
        Assert.InRange(rows.Count, 1, 2);
        Assert.All(rows, r => Assert.Equal(("integration", "pagerduty", "bad_signature", CxApi.Common.AuditOutcome.Failure),
            (r.TargetKind, r.TargetId, r.Reason, r.Outcome)));
    }

    [Fact]
    public async Task OnlyAdminKeysReadTheTrail()
    {
        foreach (var role in new[] { "read", "ingest" })
            await (await factory.CreateClient((await factory.CreateKeyAsync(role)).Key).GetAsync("/v1/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await factory.CreateClient(apiKey: null).GetAsync("/v1/audit")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(JsonValueKind.Array, (await _admin.GetOkAsync("/v1/audit")).GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task NoRouteChangesOrDeletesAnAuditEvent()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("v1/audit", StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.Equal(["GET"], r.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods));

        var (_, keyId) = await factory.CreateKeyAsync("read");
        await DeleteAsync(_admin, $"/v1/api-keys/{keyId}");
        var target = Assert.Single((await _admin.GetOkAsync($"/v1/audit?targetId={keyId}&action=revoked")).GetProperty("items").EnumerateArray());
        var id = target.Id();
        foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Post })
        {
            foreach (var url in new[] { "/v1/audit", $"/v1/audit/{id}" })
            {
                var status = (await _admin.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(new { }) })).StatusCode;
                Assert.True(status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, $"{method} {url} → {(int)status}");
            }
        }
        var after = await factory.WithDbAsync(db => db.Set<AuditEventEntity>().AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.Equal((CxApi.Common.AuditAction.Revoked, keyId, 1), (after.Action, after.TargetId, after.Count));
    }

    [Fact]
    public async Task TheListFiltersAndPagesNewestFirst()
    {
        var admin = await AdminKeyIdAsync();
        var services = new List<string>();
        for (var i = 0; i < 3; i++) services.Add((await _admin.PostOkAsync("/v1/services", new { key = $"svc-{Guid.NewGuid():N}", name = "Paged", tier = 3 })).Id());
        var listed = await _admin.ListAllAsync($"/v1/audit?targetKind=service&action=created&actorKeyId={admin}&outcome=success", limit: 1);
        var ids = listed.Select(e => e.GetProperty("targetId").GetString()!).ToList();
        Assert.Equal(services.AsEnumerable().Reverse(), ids.Where(services.Contains));
        var times = listed.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.All(listed, e => Assert.Equal("admin", e.GetProperty("role").GetString()));
        await (await _admin.GetAsync("/v1/audit?action=exploded")).AssertProblemAsync(HttpStatusCode.BadRequest, "action[0]");
    }

    [Fact]
    public async Task TheCustomerIdHashIsKeyedStableAndNotTheId()
    {
        await using var one = factory.Services.CreateAsyncScope();
        var trail = one.ServiceProvider.GetRequiredService<CxApi.Features.Audit.AuditTrail>();
        var hash = await trail.CustomerTargetAsync("c-1042", CancellationToken.None);
        Assert.Equal(hash, await factory.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<CxApi.Features.Audit.AuditTrail>()
            .CustomerTargetAsync("c-1042", CancellationToken.None));
        Assert.NotEqual(hash, await trail.CustomerTargetAsync("c-1043", CancellationToken.None));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        // Keyed: not the plain SHA-256 of the id, which anyone could compute from a guess.
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("c-1042"u8)), hash);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<AuditKeyEntity>().CountAsync()));
    }
}
