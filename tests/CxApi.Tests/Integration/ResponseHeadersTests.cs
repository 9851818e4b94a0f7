using CxApi.Common.Http;
using CxApi.Features.Overview;
using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration;

/// <summary>The headers every response carries, the ones only key and audit answers carry, and the CSP on HTML.</summary>
public sealed class ResponseHeadersTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _admin = factory.CreateClient();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    public static TheoryData<string, string?> Requests => new()
    {
        { "/health/live", CxApiFactory.AdminKey },
        { "/health/ready", CxApiFactory.AdminKey },
        { "/v1/surveys", CxApiFactory.AdminKey },
        { "/v1/surveys", null }, // 401 problem
        { "/v1/surveys/0193a4f1-0000-7000-8000-000000000000", CxApiFactory.AdminKey }, // 404 problem
        { "/v1/surveys?limit=abc", CxApiFactory.AdminKey }, // 400 problem
        { "/v1/metrics/nps", CxApiFactory.AdminKey },
        { "/swagger/v1/swagger.json", null },
        { "/swagger/index.html", null },
        { "/", null },
        { "/no/such/path", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task EveryResponseSaysNosniffAndNoReferrer(string url, string? key)
    {
        var response = await factory.CreateClient(key).GetAsync(url);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task KeyAnswersAreNeverStoredByACacheWhateverTheirStatus()
    {
        var created = await _admin.PostAsJsonAsync("/v1/api-keys", new { name = "cache test", role = "read" });
        var id = (await created.JsonAsync()).Id();
        var answers = new[]
        {
            created,
            await _admin.GetAsync("/v1/api-keys"),
            await _admin.GetAsync($"/v1/api-keys/{id}"), // a GET that otherwise revalidates with its ETag
            await _admin.GetAsync("/v1/api-keys/0193a4f1-0000-7000-8000-000000000000"),
            await _admin.PostAsync($"/v1/api-keys/{id}/rotate", null),
            await factory.CreateClient(apiKey: null).GetAsync("/v1/api-keys"),
            await _admin.GetAsync("/v1/audit"),
            await _admin.GetAsync("/v1/audit/anything?limit=1"),
        };
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.Unauthorized],
            answers[..6].Select(a => a.StatusCode));
        foreach (var answer in answers)
            Assert.True(Header(answer, "Cache-Control") == "no-store", $"{answer.RequestMessage!.RequestUri}: {Header(answer, "Cache-Control")}");
    }

    [Fact]
    public async Task OtherAnswersKeepTheirOwnCaching()
    {
        var survey = await _admin.CreateSurveyAsync();
        var cacheControl = (await _admin.GetAsync($"/v1/surveys/{survey}")).Headers.CacheControl!;
        Assert.True(cacheControl is { Private: true, NoCache: true, NoStore: false }, cacheControl.ToString());
        Assert.Null(Header(await _admin.GetAsync("/v1/surveys"), "Cache-Control"));
        Assert.Null(Header(await _admin.GetAsync("/v1/api-keysx"), "Cache-Control")); // a path segment, not a string prefix
    }

    [Fact]
    public async Task HtmlCarriesAContentSecurityPolicyAndJsonDoesNotNeedOne()
    {
        var swagger = await factory.CreateClient(apiKey: null).GetAsync("/swagger/index.html");
        Assert.Equal("text/html", swagger.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ResponseHeadersMiddleware.HtmlPolicy, Header(swagger, "Content-Security-Policy"));
        Assert.Contains("script-src 'self'", ResponseHeadersMiddleware.HtmlPolicy);
        Assert.DoesNotContain("unsafe-eval", ResponseHeadersMiddleware.HtmlPolicy);

        var overview = await factory.CreateClient(apiKey: null).GetAsync("/");
        Assert.Equal(OverviewPage.Policy, Header(overview, "Content-Security-Policy")); // its own, stricter policy stays

        Assert.Null(Header(await _admin.GetAsync("/v1/surveys"), "Content-Security-Policy"));
    }
}
