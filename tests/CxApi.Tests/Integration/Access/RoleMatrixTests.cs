using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration.Access;

/// <summary>Each role against each endpoint group: exactly the contract's Access table.</summary>
public sealed class RoleMatrixTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private static readonly string Now = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1));

    /// <summary>An operation: what it needs set up (by admin or the ingest key) and the request it makes.</summary>
    private sealed record Operation(string Group, Func<Setup, Task<HttpRequestMessage>> Request, int Success);

    private sealed class Setup(AccessFixture f)
    {
        private readonly HttpClient _admin = f.CreateClient();
        private readonly HttpClient _ingest = f.CreateClient(f.IngestKey);

        public Task<string> SurveyAsync(string kind = "csat") => _admin.CreateSurveyAsync(kind);
        public async Task<string> KeyIdAsync() => (await f.CreateKeyAsync("read")).Id;

        public async Task<string> OwnResponseAsync() =>
            (await _ingest.PostOkAsync("/v1/responses", new { surveyId = await SurveyAsync(), score = 4, respondedAt = Now })).Id();
        public async Task<string> OwnInteractionAsync() =>
            (await _ingest.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Now, status = "open" })).Id();
        public async Task<string> OwnReviewAsync() =>
            (await _ingest.PostOkAsync("/v1/reviews", new { source = "g", rating = 4, publishedAt = Now })).Id();
    }

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);
    private static HttpRequestMessage Delete(string url) => new(HttpMethod.Delete, url);
    private static HttpRequestMessage Send(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body) };

    private static readonly Dictionary<string, Operation> Operations = new()
    {
        ["list surveys"] = new("surveys.read", _ => Task.FromResult(Get("/v1/surveys")), 200),
        ["get survey"] = new("surveys.read", async s => Get($"/v1/surveys/{await s.SurveyAsync()}"), 200),
        ["create survey"] = new("surveys.write", _ => Task.FromResult(Send(HttpMethod.Post, "/v1/surveys", new { name = "n", kind = "nps" })), 201),
        ["patch survey"] = new("surveys.write", async s => Send(HttpMethod.Patch, $"/v1/surveys/{await s.SurveyAsync()}", new { name = "m" }), 200),
        ["delete survey"] = new("surveys.write", async s => Delete($"/v1/surveys/{await s.SurveyAsync()}"), 204),

        ["create response"] = new("records.write", async s => Send(HttpMethod.Post, "/v1/responses", new { surveyId = await s.SurveyAsync(), score = 5, respondedAt = Now }), 201),
        ["batch responses"] = new("records.write", async s => Send(HttpMethod.Post, "/v1/responses/batch", new { items = new[] { new { surveyId = await s.SurveyAsync(), score = 5, respondedAt = Now } } }), 200),
        ["delete response"] = new("records.write", async s => Delete($"/v1/responses/{await s.OwnResponseAsync()}"), 204),
        ["create interaction"] = new("records.write", _ => Task.FromResult(Send(HttpMethod.Post, "/v1/interactions", new { channel = "web", type = "session", openedAt = Now, status = "open" })), 201),
        ["batch interactions"] = new("records.write", _ => Task.FromResult(Send(HttpMethod.Post, "/v1/interactions/batch", new { items = new[] { new { channel = "web", type = "session", openedAt = Now, status = "open" } } })), 200),
        ["patch interaction"] = new("records.write", async s => Send(HttpMethod.Patch, $"/v1/interactions/{await s.OwnInteractionAsync()}", new { team = "t2" }), 200),
        ["delete interaction"] = new("records.write", async s => Delete($"/v1/interactions/{await s.OwnInteractionAsync()}"), 204),
        ["create review"] = new("records.write", _ => Task.FromResult(Send(HttpMethod.Post, "/v1/reviews", new { source = "g", rating = 5, publishedAt = Now })), 201),
        ["batch reviews"] = new("records.write", _ => Task.FromResult(Send(HttpMethod.Post, "/v1/reviews/batch", new { items = new[] { new { source = "g", rating = 5, publishedAt = Now } } })), 200),
        ["delete review"] = new("records.write", async s => Delete($"/v1/reviews/{await s.OwnReviewAsync()}"), 204),

        ["list responses"] = new("records.read", _ => Task.FromResult(Get("/v1/responses")), 200),
        ["get response"] = new("records.read", async s => Get($"/v1/responses/{await s.OwnResponseAsync()}"), 200),
        ["list interactions"] = new("records.read", _ => Task.FromResult(Get("/v1/interactions")), 200),
        ["get interaction"] = new("records.read", async s => Get($"/v1/interactions/{await s.OwnInteractionAsync()}"), 200),
        ["list reviews"] = new("records.read", _ => Task.FromResult(Get("/v1/reviews")), 200),
        ["get review"] = new("records.read", async s => Get($"/v1/reviews/{await s.OwnReviewAsync()}"), 200),
        ["response changes"] = new("records.read", _ => Task.FromResult(Get("/v1/changes/responses")), 200),
        ["interaction changes"] = new("records.read", _ => Task.FromResult(Get("/v1/changes/interactions")), 200),
        ["review changes"] = new("records.read", _ => Task.FromResult(Get("/v1/changes/reviews")), 200),
        ["customer timeline"] = new("records.read", _ => Task.FromResult(Get("/v1/customers/c-1042/timeline")), 200),
        ["customers at risk"] = new("records.read", _ => Task.FromResult(Get("/v1/customers/at-risk")), 200),

        ["nps"] = new("metrics", _ => Task.FromResult(Get("/v1/metrics/nps")), 200),
        ["interactions metric"] = new("metrics", _ => Task.FromResult(Get("/v1/metrics/interactions")), 200),
        ["csat trend"] = new("metrics", _ => Task.FromResult(Get("/v1/metrics/csat/trend")), 200),
        ["summary"] = new("metrics", _ => Task.FromResult(Get("/v1/metrics/summary")), 200),
        ["drivers"] = new("metrics", _ => Task.FromResult(Get("/v1/metrics/drivers?metric=nps&factor=channel")), 200),

        ["create key"] = new("keys", _ => Task.FromResult(Send(HttpMethod.Post, "/v1/api-keys", new { name = "k", role = "read" })), 201),
        ["list keys"] = new("keys", _ => Task.FromResult(Get("/v1/api-keys")), 200),
        ["get key"] = new("keys", async s => Get($"/v1/api-keys/{await s.KeyIdAsync()}"), 200),
        ["revoke key"] = new("keys", async s => Delete($"/v1/api-keys/{await s.KeyIdAsync()}"), 204),

        ["health"] = new("health", _ => Task.FromResult(Get("/health/ready")), 200),
    };

    /// <summary>Which roles may use each group (others: 403; no, unknown or revoked key: 401; health is open).</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["surveys.read"] = ["admin", "read"],
        ["surveys.write"] = ["admin"],
        ["records.write"] = ["admin", "ingest"],
        ["records.read"] = ["admin", "ingest", "read"],
        ["metrics"] = ["admin", "read"],
        ["keys"] = ["admin"],
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { "admin", "ingest", "read", "none", "unknown", "revoked" })
            foreach (var op in Operations.Keys)
                data.Add(role, op);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachRoleGetsExactlyWhatTheContractAllows(string role, string operation)
    {
        var op = Operations[operation];
        var expected = op.Group == "health" ? op.Success
            : role is "none" or "unknown" or "revoked" ? 401
            : Allowed[op.Group].Contains(role) ? op.Success
            : 403;

        var request = await op.Request(new Setup(fixture));
        var response = await fixture.CreateClient(fixture.KeyOf(role)).SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{role} → {operation}: expected {expected}, got {(int)response.StatusCode}: {body}");
        if (expected is 401 or 403) await response.AssertProblemAsync((HttpStatusCode)expected);
    }
}
