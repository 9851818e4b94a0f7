using CxApi.Tests.Support;
using System.Text.Json;

namespace CxApi.Tests.Integration.Alerts;

/// <summary>Alert rules on the availability figures, evaluated on a fake clock over real incidents, on either provider.</summary>
public sealed class AvailabilityAlertTests
{
    private static async Task<List<JsonElement>> EvaluateAsync(HttpClient client) =>
        [.. (await AlertsAndWebhooksTests.EvaluateAsync(client)).GetProperty("events").EnumerateArray()];

    private static Task<JsonElement> IncidentAsync(HttpClient client, string service, string impact, DateTimeOffset started, DateTimeOffset resolved) =>
        client.PostOkAsync("/v1/incidents", new
        {
            title = $"{impact} of {service}",
            services = new[] { service },
            severity = "sev2",
            impact,
            startedAt = Api.Time(started),
            resolvedAt = Api.Time(resolved),
        });

    [Fact]
    public async Task AvailabilityRulesFireOnTheIncidentsOfTheirServiceAndResolveOnceTheWindowHasPassedThem()
    {
        var clock = CxApiFactory.FakeClock();
        var t0 = clock.GetUtcNow();
        using var factory = AlertsAndWebhooksTests.Factory(clock: clock, deliver: false);
        var client = factory.CreateClient();
        var (service, other) = ($"svc-{Guid.NewGuid():N}", $"svc-{Guid.NewGuid():N}");
        var plain = await client.PostOkAsync("/v1/alert-rules", new
        {
            name = "Checkout below 99 % over the last hour",
            metric = "availability",
            filters = new { service = new[] { service } },
            window = "PT1H",
            condition = new { below = 99 },
        });
        var weighted = await client.PostOkAsync("/v1/alert-rules", new
        {
            name = "Checkout as customers see it drops by 30 points",
            metric = "availability",
            field = "experienceWeightedAvailabilityPct",
            filters = new { service = new[] { service } },
            window = "PT1H",
            condition = new { dropBy = 30 },
        });
        Assert.Equal("availabilityPct", plain.GetProperty("field").GetString());

        // In the last hour: an 18-minute outage, 10 minutes partial (at 0.3) and 5 minutes of maintenance on the
        // service; another service's outage does not count.
        await IncidentAsync(client, service, "outage", t0.AddMinutes(-30), t0.AddMinutes(-12));
        await IncidentAsync(client, service, "partial", t0.AddMinutes(-50), t0.AddMinutes(-40));
        await IncidentAsync(client, service, "maintenance", t0.AddMinutes(-10), t0.AddMinutes(-5));
        await IncidentAsync(client, other, "outage", t0.AddMinutes(-59), t0.AddMinutes(-1));

        var fired = await EvaluateAsync(client);

        // 100 × (1 − (1080 + 0.3 × 600) / (3600 − 300)); no activity recorded, so the weighted figure is the same.
        var expected = 100 * (1 - 1260.0 / 3300);
        Assert.Equal(new[] { plain.Id(), weighted.Id() }.Order(StringComparer.Ordinal),
            fired.Select(e => e.GetProperty("ruleId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(fired, e =>
        {
            Assert.Equal("alert.triggered", e.GetProperty("type").GetString());
            Assert.Equal(expected, e.GetProperty("value").GetDouble(), 9);
            Assert.Equal(3300, e.GetProperty("n").GetInt64());
        });
        // The hour before had no incident: the drop is 100 − 61.8 ≥ 30 points.
        var drop = fired.Single(e => e.GetProperty("ruleId").GetString() == weighted.Id());
        Assert.Equal(100, drop.GetProperty("previousValue").GetDouble());
        Assert.Equal(3600, drop.GetProperty("previousN").GetInt64());
        Assert.Empty(await EvaluateAsync(client));

        // Two hours on, both windows are clear of the incidents (the background pass may resolve them first).
        clock.Advance(TimeSpan.FromHours(2));
        await EvaluateAsync(client);
        foreach (var rule in new[] { plain, weighted })
        {
            var alerts = await AlertsAndWebhooksTests.EventuallyAsync(client, $"/v1/alerts?ruleId={rule.Id()}",
                page => page.GetProperty("items").GetArrayLength() == 2);
            var latest = alerts.GetProperty("items")[0];
            Assert.Equal("alert.resolved", latest.GetProperty("type").GetString());
            Assert.Equal(100, latest.GetProperty("value").GetDouble());
        }
    }
}
