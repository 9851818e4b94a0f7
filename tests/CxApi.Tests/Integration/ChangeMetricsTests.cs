using CxApi.Tests.Support;
using System.Net;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>GET /v1/metrics/changes over a hand-counted set of deployments and incidents, on either provider.</summary>
public sealed class ChangeMetricsTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static DateTimeOffset Nov(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);
    private const string Period = "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";

    private Task IncidentAsync(string service, DateTimeOffset started, double hours, string impact = "outage", string? causedBy = null) =>
        _client.PostIncidentAsync(service, started, started.AddHours(hours), impact, "sev2", causedBy: causedBy);

    [Fact]
    public async Task ChangeFailureRatesComeFromAHandCountedSet()
    {
        var (s, t) = (await _client.CreateServiceAsync(), await _client.CreateServiceAsync());
        await _client.DeployAsync(s, Nov(3, 10));         // d1: an outage 10 h later → failed
        await IncidentAsync(s, Nov(3, 20), 1);
        await _client.DeployAsync(s, Nov(5, 10));         // d2: the next incident starts 25 h later → not failed
        await _client.DeployAsync(s, Nov(5, 15));         // d3: … which is 20 h after d3 → failed
        await IncidentAsync(s, Nov(6, 11), 2);
        await _client.DeployAsync(s, Nov(10, 8));         // d4: only maintenance follows → not failed
        await IncidentAsync(s, Nov(10, 9), 1, "maintenance");
        var d5 = await _client.DeployAsync(s, Nov(12, 8)); // d5: named as the cause of an incident a week later → failed
        await IncidentAsync(s, Nov(19, 8), 3, causedBy: d5);
        await _client.DeployAsync(t, Nov(12, 8));         // another service's deployment: its own group
        await _client.DeployAsync(s, Nov(20, 8), "staging"); // not production: left out
        // CX: d1's week after has 40 CSAT responses, 40 % satisfied, against 90 % the week before; no other deployment has 30.
        await _client.PostCsatAsync(s, Nov(1, 0), Nov(3, 0), (5, 36), (2, 4));
        await _client.PostCsatAsync(s, Nov(3, 10), Nov(4, 10), (4, 16), (1, 24));

        var body = await _client.GetOkAsync($"/v1/metrics/changes?service={s}&service={t}&groupBy=service&{Period}");

        var own = body.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == s);
        Assert.Equal(5, own.GetProperty("deployments").GetInt64());
        Assert.Equal(4, own.GetProperty("deploymentDays").GetInt64()); // Nov 3, 5, 10, 12
        var rate = own.GetProperty("changeFailureRate");
        Assert.Equal(3, rate.GetProperty("failures").GetInt64());
        Assert.Equal(60, rate.GetProperty("value").GetDouble(), 9);
        // Wilson 95 % for 3 of 5: 23.07 %–88.24 %
        Assert.Equal(23.07, rate.GetProperty("ci95").GetProperty("low").GetDouble(), 2);
        Assert.Equal(88.24, rate.GetProperty("ci95").GetProperty("high").GetDouble(), 2);
        var cx = own.GetProperty("cxChangeFailureRate");
        Assert.Equal(1, cx.GetProperty("n").GetInt64());
        Assert.Equal(1, cx.GetProperty("failures").GetInt64());
        // The three incidents that failed a deployment took 1 h, 2 h and 3 h to resolve.
        var restore = own.GetProperty("timeToRestore");
        Assert.Equal(3, restore.GetProperty("n").GetInt64());
        Assert.Equal(7200, restore.GetProperty("medianSeconds").GetDouble());

        var other = body.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == t);
        Assert.Equal(1, other.GetProperty("deployments").GetInt64());
        Assert.Equal(0, other.GetProperty("changeFailureRate").GetProperty("failures").GetInt64());
        Assert.Equal(6, body.GetProperty("deployments").GetInt64());
        Assert.Equal(3, body.GetProperty("changeFailureRate").GetProperty("failures").GetInt64());
    }

    [Fact]
    public async Task AnUnknownServiceIsA400()
    {
        await (await _client.GetAsync($"/v1/metrics/changes?service=nope-{Guid.NewGuid():N}&{Period}"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "service[0]");
        var body = await _client.GetOkAsync($"/v1/metrics/changes?service={await _client.CreateServiceAsync()}&{Period}");
        Assert.Equal(0, body.GetProperty("deployments").GetInt64());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("changeFailureRate").GetProperty("value").ValueKind);
    }
}
