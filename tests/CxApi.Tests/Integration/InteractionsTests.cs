using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace CxApi.Tests.Integration;

public sealed class InteractionsTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly DateTimeOffset Opened = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private Task<HttpResponseMessage> CreateAsync(object? overrides = null) => _client.PostAsJsonAsync("/v1/interactions", overrides ?? new
    {
        externalId = $"T-{Guid.NewGuid():N}",
        customerId = "c-1042",
        channel = "chat",
        type = "support",
        openedAt = "2026-11-20T09:00:00Z",
        firstResponseAt = "2026-11-20T09:04:10Z",
        resolvedAt = (string?)null,
        status = "open",
        contactCount = 1,
        escalated = false,
        product = "mobile-app",
        region = "emea",
        team = "tier1",
        tags = Array.Empty<string>(),
    });

    private Task<HttpResponseMessage> PatchAsync(string id, string json, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/interactions/{id}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null) request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task CreatingAnInteractionReturnsItsTimingsAndETag()
    {
        var response = await CreateAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(250, body.GetProperty("firstResponseSeconds").GetDouble());
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var get = await _client.GetAsync($"/v1/interactions/{body.Id()}");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        Assert.Equal("tier1", (await get.JsonAsync()).GetProperty("team").GetString());
    }

    [Fact]
    public async Task PatchWithTheCurrentETagResolvesAndReturnsANewETag()
    {
        var created = await (await CreateAsync()).JsonAsync();

        var response = await PatchAsync(created.Id(),
            """{ "status": "resolved", "resolvedAt": "2026-11-20T10:00:00Z", "contactCount": 2, "escalated": true, "tags": ["refund"] }""", "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var body = await response.JsonAsync();
        Assert.Equal("resolved", body.GetProperty("status").GetString());
        Assert.Equal(3600, body.GetProperty("resolutionSeconds").GetDouble());
        Assert.Equal(2, body.GetProperty("contactCount").GetInt32());
        Assert.True(body.GetProperty("escalated").GetBoolean());
        Assert.Equal("tier1", body.GetProperty("team").GetString()); // absent field kept
    }

    [Fact]
    public async Task PatchWithAStaleETagIs412AndChangesNothing()
    {
        var created = await (await CreateAsync()).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(created.Id(), """{ "team": "tier2" }""", "\"1\"")).StatusCode);

        var stale = await PatchAsync(created.Id(), """{ "team": "tier3" }""", "\"1\"");

        var problem = await stale.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"2\"", problem.GetProperty("currentETag").GetString());
        var current = await _client.GetOkAsync($"/v1/interactions/{created.Id()}");
        Assert.Equal("tier2", current.GetProperty("team").GetString());
    }

    [Fact]
    public async Task PatchReopensAResolvedInteractionWithMergePatchNull()
    {
        var created = await (await CreateAsync(new
        {
            channel = "email",
            type = "support",
            openedAt = "2026-11-20T09:00:00Z",
            resolvedAt = "2026-11-20T12:00:00Z",
            status = "resolved",
        })).JsonAsync();

        var response = await PatchAsync(created.Id(), """{ "status": "open", "resolvedAt": null, "contactCount": 2 }""", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("open", body.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("resolvedAt").ValueKind);
    }

    [Fact]
    public async Task PatchThatBreaksTheStatusRulesIsRejectedAndStoresNothing()
    {
        var created = await (await CreateAsync()).JsonAsync();

        await (await PatchAsync(created.Id(), """{ "status": "resolved" }""", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "resolvedAt");
        await (await PatchAsync(created.Id(), """{ "firstResponseAt": "2026-11-20T08:00:00Z" }""", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "firstResponseAt");
        await (await PatchAsync(created.Id(), """{ "status": null }""", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await PatchAsync(created.Id(), """{ "openedAt": "2026-11-20T08:00:00Z" }""", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "openedAt");

        var get = await _client.GetAsync($"/v1/interactions/{created.Id()}");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        Assert.Equal("open", (await get.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task PatchingAnUnknownInteractionIs404()
    {
        await (await PatchAsync("missing", """{ "team": "x" }""", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListingInteractionsFiltersByEveryDimension()
    {
        var t0 = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero);
        var customer = $"c-{Guid.NewGuid():N}";
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var created = await (await CreateAsync(new
            {
                customerId = customer,
                channel = i % 2 == 0 ? "phone" : "in_store",
                type = i < 2 ? "support" : "sales",
                openedAt = Api.Time(t0.AddHours(i)),
                status = i == 3 ? "abandoned" : "open",
                team = $"team-{i % 2}",
                product = "web",
                region = "amer",
            })).JsonAsync();
            ids.Add(created.Id());
        }

        Assert.Equal(4, (await _client.ListAllAsync($"/v1/interactions?customerId={customer}", limit: 3)).Count);
        Assert.Equal([ids[2], ids[0]], (await _client.ListAllAsync($"/v1/interactions?customerId={customer}&channel=phone")).Select(i => i.Id()));
        Assert.Equal([ids[3]], (await _client.ListAllAsync($"/v1/interactions?customerId={customer}&status=abandoned")).Select(i => i.Id()));
        Assert.Equal([ids[3], ids[1]], (await _client.ListAllAsync($"/v1/interactions?customerId={customer}&team=team-1&product=web&region=amer")).Select(i => i.Id()));
        Assert.Equal([ids[1], ids[0]], (await _client.ListAllAsync($"/v1/interactions?customerId={customer}&type=support")).Select(i => i.Id()));
        Assert.Equal([ids[2], ids[1]], (await _client.ListAllAsync($"/v1/interactions?customerId={customer}&from={Api.Time(t0.AddHours(1))}&to={Api.Time(t0.AddHours(3))}")).Select(i => i.Id()));
        Assert.Equal("in_store", (await _client.GetOkAsync($"/v1/interactions/{ids[1]}")).GetProperty("channel").GetString());
    }

    [Fact]
    public async Task DeletingAnInteractionThatAResponseRatesIsAConflict()
    {
        var interaction = await (await CreateAsync()).JsonAsync();
        var survey = await _client.CreateSurveyAsync("csat");
        var response = await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 2, interactionId = interaction.Id(), respondedAt = Api.Time(Api.Now) });

        await (await _client.DeleteAsync($"/v1/interactions/{interaction.Id()}")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/v1/responses/{response.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/v1/interactions/{interaction.Id()}")).StatusCode);
        await (await _client.GetAsync($"/v1/interactions/{interaction.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
