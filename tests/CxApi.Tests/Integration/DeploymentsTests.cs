using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>Deployments as a record kind: create, defaults, filters, CSV, batch, changes feed, partner isolation and bad input.</summary>
public sealed class DeploymentsTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ADeploymentStoresEveryFieldAndDefaultsToAProductionDeployThatSucceeded()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var full = await _client.PostOkAsync("/v1/deployments", new
        {
            service,
            externalId = $"gh-{Guid.NewGuid():N}",
            version = "2026.11.19-3",
            environment = "staging",
            kind = "rollback",
            startedAt = "2026-11-19T17:52:00Z",
            finishedAt = "2026-11-19T18:00:00Z",
            result = "rolled_back",
            initiative = "one-page-checkout",
            url = "https://github.com/example/shop/deployments/88121",
        });
        var read = await _client.GetOkAsync($"/v1/deployments/{full.Id()}");
        Assert.Equal(service, read.GetProperty("service").GetString());
        Assert.Equal("2026.11.19-3", read.GetProperty("version").GetString());
        Assert.Equal("staging", read.GetProperty("environment").GetString());
        Assert.Equal("rollback", read.GetProperty("kind").GetString());
        Assert.Equal("rolled_back", read.GetProperty("result").GetString());
        Assert.Equal("2026-11-19T17:52:00Z", read.GetProperty("startedAt").GetString());
        Assert.Equal("2026-11-19T18:00:00Z", read.GetProperty("finishedAt").GetString());
        Assert.Equal("one-page-checkout", read.GetProperty("initiative").GetString());

        var minimal = await _client.PostOkAsync("/v1/deployments", new { service, finishedAt = "2026-11-20T09:00:00Z" });
        Assert.Equal("production", minimal.GetProperty("environment").GetString());
        Assert.Equal("deploy", minimal.GetProperty("kind").GetString());
        Assert.Equal("success", minimal.GetProperty("result").GetString());
        Assert.Equal(JsonValueKind.Null, minimal.GetProperty("startedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, minimal.GetProperty("version").ValueKind);
    }

    [Fact]
    public async Task ListingFiltersByEveryDimensionAndTheFinishTimeNewestFirst()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var t0 = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = new List<string>();
        foreach (var (kind, result, environment, day) in new[]
                 { ("deploy", "success", "production", 1), ("deploy", "failed", "production", 2), ("config", "success", "staging", 3), ("flag", "success", "production", 4) })
            ids.Add((await _client.PostOkAsync("/v1/deployments", new { service, kind, result, environment, finishedAt = Api.Time(t0.AddDays(day)) })).Id());

        Assert.Equal([ids[3], ids[2], ids[1], ids[0]], (await _client.ListAllAsync($"/v1/deployments?service={service}")).Select(d => d.Id()));
        Assert.Equal([ids[1], ids[0]], (await _client.ListAllAsync($"/v1/deployments?service={service}&kind=deploy")).Select(d => d.Id()));
        Assert.Equal([ids[1]], (await _client.ListAllAsync($"/v1/deployments?service={service}&result=failed")).Select(d => d.Id()));
        Assert.Equal([ids[2]], (await _client.ListAllAsync($"/v1/deployments?service={service}&environment=staging")).Select(d => d.Id()));
        Assert.Equal([ids[3], ids[2]], (await _client.ListAllAsync($"/v1/deployments?service={service}&kind=flag&kind=config")).Select(d => d.Id()));
        Assert.Equal([ids[2], ids[1]],
            (await _client.ListAllAsync($"/v1/deployments?service={service}&from={Api.Time(t0.AddDays(2))}&to={Api.Time(t0.AddDays(4))}")).Select(d => d.Id()));

        var csv = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/v1/deployments?service={service}")
        {
            Headers = { { "Accept", "text/csv" } },
        });
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        Assert.StartsWith("id,externalId,service,version,environment,kind,startedAt,finishedAt,result,initiative,url,receivedAt", lines[0]);
        Assert.Equal(5, lines.Length);
    }

    [Theory]
    [InlineData("""{ "finishedAt": "2026-11-19T18:00:00Z" }""", "service")]
    [InlineData("""{ "service": "checkout-web" }""", "finishedAt")]
    [InlineData("""{ "service": "checkout-web", "finishedAt": "2026-11-19T18:00:00Z", "startedAt": "2026-11-19T18:05:00Z" }""", "startedAt")]
    [InlineData("""{ "service": "checkout-web", "finishedAt": "2026-11-19T18:00:00Z", "kind": "hotfix" }""", "kind")]
    [InlineData("""{ "service": "checkout-web", "finishedAt": "2026-11-19T18:00:00Z", "result": "partial" }""", "result")]
    [InlineData("""{ "service": "checkout-web", "finishedAt": "2026-11-19T18:00:00Z", "url": "ftp://example.com/x" }""", "url")]
    [InlineData("""{ "service": "checkout-web", "finishedAt": "2999-01-01T00:00:00Z" }""", "finishedAt")]
    public async Task BadInputIsAProblemNamingTheFieldAndStoresNothing(string body, string field)
    {
        var before = await factory.CountAsync<DeploymentEntity>();
        await (await _client.PostRawAsync("/v1/deployments", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await factory.CountAsync<DeploymentEntity>());
    }

    [Fact]
    public async Task ABatchStoresTheValidItemsAndTheChangesFeedListsThem()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var externalId = $"ext-{Guid.NewGuid():N}";
        var response = await _client.PostAsJsonAsync("/v1/deployments/batch", new
        {
            items = new object[]
            {
                new { service, externalId, finishedAt = "2026-11-19T18:00:00Z" },
                new { service, finishedAt = "2026-11-19T19:00:00Z", kind = "hotfix" },
                new { service, externalId, finishedAt = "2026-11-19T20:00:00Z" },
            },
        });
        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["created", "invalid", "duplicate"], body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        var id = body.GetProperty("results")[0].GetProperty("id").GetString();

        var feed = await _client.GetOkAsync("/v1/changes/deployments?limit=1000");
        var upserts = feed.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("op").GetString() == "upsert" && c.GetProperty("record").GetProperty("service").GetString() == service).ToList();
        Assert.Equal([id], upserts.Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task AnIngestKeySeesOnlyItsOwnPartnersDeployments()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        var (a, _) = await factory.CreateKeyAsync("ingest", $"partner-{Guid.NewGuid():N}");
        var (b, _) = await factory.CreateKeyAsync("ingest", $"partner-{Guid.NewGuid():N}");
        var partnerA = factory.CreateClient(a);
        var partnerB = factory.CreateClient(b);
        var id = (await partnerA.PostOkAsync("/v1/deployments", new { service, finishedAt = "2026-11-19T18:00:00Z" })).Id();

        await (await partnerB.GetAsync($"/v1/deployments/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await partnerB.ListAllAsync($"/v1/deployments?service={service}"));
        await (await partnerB.DeleteAsync($"/v1/deployments/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([id], (await partnerA.ListAllAsync($"/v1/deployments?service={service}")).Select(d => d.Id()));
        Assert.Equal([id], (await _client.ListAllAsync($"/v1/deployments?service={service}")).Select(d => d.Id()));
    }
}
