using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace CxApi.Tests.Integration;

/// <summary>The service catalogue: a unique key, tiers, merge patches under If-Match, filters, batches, the feed and partner isolation.</summary>
public sealed class ServicesTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static string Key() => $"svc-{Guid.NewGuid():N}";

    [Fact]
    public async Task AServiceIsStoredUnderItsKeyAndASecondOneWithTheKeyIsAConflict()
    {
        var key = Key();
        var created = await _client.PostOkAsync("/v1/services", new { key, name = "Web checkout", tier = 1, team = "payments" });
        Assert.Equal(key, created.GetProperty("key").GetString());
        Assert.True(created.GetProperty("customerFacing").GetBoolean()); // the default
        Assert.Equal(1, created.GetProperty("tier").GetInt32());

        var before = await factory.CountAsync<ServiceEntity>();
        var conflict = await (await _client.PostAsJsonAsync("/v1/services", new { key, name = "Another", tier = 2 })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(created.Id(), conflict.GetProperty("existingId").GetString());
        Assert.Contains($"key '{key}'", conflict.GetProperty("detail").GetString());
        Assert.Equal(before, await factory.CountAsync<ServiceEntity>());
    }

    [Theory]
    [InlineData("""{ "name": "n", "tier": 1 }""", "key")]
    [InlineData("""{ "key": "k", "tier": 1 }""", "name")]
    [InlineData("""{ "key": "k", "name": "n" }""", "tier")]
    [InlineData("""{ "key": "k", "name": "n", "tier": 5 }""", "tier")]
    public async Task BadInputIsAProblemNamingTheFieldAndStoresNothing(string body, string field)
    {
        var before = await factory.CountAsync<ServiceEntity>();
        await (await _client.PostRawAsync("/v1/services", body)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await factory.CountAsync<ServiceEntity>());
    }

    [Fact]
    public async Task APatchUnderIfMatchChangesTheServiceButNotItsKey()
    {
        var key = Key();
        var id = (await _client.PostOkAsync("/v1/services", new { key, name = "Mobile app", tier = 2 })).Id();
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/services/{id}")
        {
            Content = new StringContent("""{ "tier": 1, "team": "mobile", "customerFacing": false }""", Encoding.UTF8, "application/merge-patch+json"),
            Headers = { IfMatch = { EntityTagHeaderValue.Parse("\"1\"") } },
        };
        var patched = await (await _client.SendAsync(request)).JsonAsync();
        Assert.Equal(1, patched.GetProperty("tier").GetInt32());
        Assert.Equal("mobile", patched.GetProperty("team").GetString());
        Assert.False(patched.GetProperty("customerFacing").GetBoolean());
        Assert.Equal(key, patched.GetProperty("key").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/v1/services/{id}")
        {
            Content = new StringContent("""{ "name": "x" }""", Encoding.UTF8, "application/merge-patch+json"),
            Headers = { IfMatch = { EntityTagHeaderValue.Parse("\"1\"") } },
        };
        await (await _client.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var unknownField = new HttpRequestMessage(HttpMethod.Patch, $"/v1/services/{id}")
        {
            Content = new StringContent("""{ "key": "renamed" }""", Encoding.UTF8, "application/merge-patch+json"),
        };
        await (await _client.SendAsync(unknownField)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ListingFiltersByKeyTeamTierAndCustomerFacing()
    {
        var team = $"team-{Guid.NewGuid():N}";
        var a = (await _client.PostOkAsync("/v1/services", new { key = Key(), name = "a", tier = 1, team })).Id();
        var b = (await _client.PostOkAsync("/v1/services", new { key = Key(), name = "b", tier = 3, team, customerFacing = false })).Id();

        Assert.Equal([b, a], (await _client.ListAllAsync($"/v1/services?team={team}")).Select(s => s.Id()));
        Assert.Equal([a], (await _client.ListAllAsync($"/v1/services?team={team}&tier=1")).Select(s => s.Id()));
        Assert.Equal([b], (await _client.ListAllAsync($"/v1/services?team={team}&customerFacing=false")).Select(s => s.Id()));
    }

    [Fact]
    public async Task ABatchReportsARepeatedKeyAsADuplicateOfTheKey()
    {
        var key = Key();
        var body = await (await _client.PostAsJsonAsync("/v1/services/batch", new
        {
            items = new object[] { new { key, name = "a", tier = 1 }, new { key, name = "again", tier = 2 } },
        })).JsonAsync();
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["created", "duplicate"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.True(results[1].GetProperty("errors").TryGetProperty("items[1].key", out _), results[1].ToString());

        var feed = await _client.GetOkAsync("/v1/changes/services?limit=1000");
        Assert.Contains(feed.GetProperty("changes").EnumerateArray(), c => c.GetProperty("record").TryGetProperty("key", out var k) && k.GetString() == key);
    }

    [Fact]
    public async Task APartnersCatalogueIsItsOwn()
    {
        var key = Key();
        var (a, _) = await factory.CreateKeyAsync("ingest", $"partner-{Guid.NewGuid():N}");
        var (b, _) = await factory.CreateKeyAsync("ingest", $"partner-{Guid.NewGuid():N}");
        var id = (await factory.CreateClient(a).PostOkAsync("/v1/services", new { key, name = "a", tier = 1 })).Id();

        await (await factory.CreateClient(b).GetAsync($"/v1/services/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        // The key is unique per client: another partner may use it for its own service.
        await factory.CreateClient(b).PostOkAsync("/v1/services", new { key, name = "b", tier = 2 });
    }
}
