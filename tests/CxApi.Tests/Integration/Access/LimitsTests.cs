using CxApi.Tests.Support;
using System.Net;
using System.Text;

namespace CxApi.Tests.Integration.Access;

public sealed class LimitsTests
{
    private static readonly string Now = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1));

    [Fact]
    public async Task OneKeyOverItsRateLimitGets429WithRetryAfterWhileAnotherKeyIsUnaffected()
    {
        using var factory = new CxApiFactory
        {
            Settings = { ["RateLimit:PermitsPerSecond"] = "1", ["RateLimit:Burst"] = "3" },
        };
        var admin = factory.CreateClient();
        // The admin key spends its burst creating the two read keys and one more call.
        var (busyKey, _) = await factory.CreateKeyAsync("read");
        var (calmKey, _) = await factory.CreateKeyAsync("read");
        var busy = factory.CreateClient(busyKey);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await busy.GetAsync("/v1/surveys");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }

        Assert.NotNull(limited);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(3));
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("per second", problem.GetProperty("detail").GetString());
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After in seconds");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient(calmKey).GetAsync("/v1/surveys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/health/live")).StatusCode); // health is never limited
    }

    [Fact]
    public async Task OversizedBodiesAre413ProblemsAndStoreNothing()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        var big = new string('x', 300 * 1024);

        var single = await client.PostRawAsync("/v1/reviews", $$"""{ "source": "g", "rating": 4, "publishedAt": "{{Now}}", "body": "{{big}}" }""");
        await single.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        // without a Content-Length (chunked), the limit holds too
        var chunked = new HttpRequestMessage(HttpMethod.Post, "/v1/reviews")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{ "source": "g", "rating": 4, "publishedAt": "{{Now}}", "body": "{{big}}" }"""))),
        };
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        await (await client.SendAsync(chunked)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var item = $$"""{ "source": "g", "rating": 4, "publishedAt": "{{Now}}", "body": "{{new string('y', 3900)}}" }""";
        var hugeBatch = $$"""{ "items": [{{string.Join(",", Enumerable.Repeat(item, 2200))}}] }"""; // ≈ 9 MB
        await (await client.PostRawAsync("/v1/reviews/batch", hugeBatch)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        var fineBatch = $$"""{ "items": [{{string.Join(",", Enumerable.Repeat(item, 500))}}] }"""; // ≈ 2 MB: over the single limit, under the batch one
        Assert.Equal(HttpStatusCode.OK, (await client.PostRawAsync("/v1/reviews/batch", fineBatch)).StatusCode);
        Assert.Equal(500, await factory.CountAsync<CxApi.Infrastructure.Entities.ReviewEntity>());
    }

    [Fact]
    public async Task ConfiguredFrontEndOriginsGetCorsWithTheHeadersClientsNeed()
    {
        using var factory = new CxApiFactory { Settings = { ["Cors:AllowedOrigins"] = "https://app.example.com, https://admin.example.com" } };
        var client = factory.CreateClient(apiKey: null);

        var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/interactions/abc");
        preflight.Headers.Add("Origin", "https://app.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "PATCH");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key, if-match, content-type");
        var answer = await client.SendAsync(preflight);
        Assert.True(answer.IsSuccessStatusCode, $"preflight {(int)answer.StatusCode}");
        Assert.Equal("https://app.example.com", Assert.Single(answer.Headers.GetValues("Access-Control-Allow-Origin")));

        var get = new HttpRequestMessage(HttpMethod.Get, "/v1/surveys");
        get.Headers.Add("Origin", "https://admin.example.com");
        get.Headers.Add("X-Api-Key", CxApiFactory.AdminKey);
        var response = await client.SendAsync(get);
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers"));
        foreach (var header in new[] { "ETag", "Link", "Retry-After", "Idempotent-Replayed" }) Assert.Contains(header, exposed);

        var stranger = new HttpRequestMessage(HttpMethod.Get, "/v1/surveys");
        stranger.Headers.Add("Origin", "https://evil.example.net");
        stranger.Headers.Add("X-Api-Key", CxApiFactory.AdminKey);
        Assert.False((await client.SendAsync(stranger)).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task SwaggerOffersTheApiKeySchemeOnEveryProtectedOperation()
    {
        using var factory = new CxApiFactory();
        var doc = await factory.CreateClient().GetOkAsync("/swagger/v1/swagger.json");
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());

        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
            {
                var secured = op.Value.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
                // The tools' webhooks carry their vendor's signature instead of a key.
                Assert.Equal(path.Name.StartsWith("/v1", StringComparison.Ordinal) && !path.Name.StartsWith("/v1/integrations/", StringComparison.Ordinal), secured);
                if (secured) Assert.True(op.Value.GetProperty("responses").TryGetProperty("401", out _), $"{path.Name}: no 401");
            }
    }
}
