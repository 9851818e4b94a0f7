using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration;

public sealed class ResponsesTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData(10, "promoter")]
    [InlineData(9, "promoter")]
    [InlineData(8, "passive")]
    [InlineData(7, "passive")]
    [InlineData(6, "detractor")]
    [InlineData(0, "detractor")]
    public async Task AnNpsResponseIsStoredWithItsCategory(int score, string category)
    {
        var survey = await _client.CreateSurveyAsync("nps");

        var response = await _client.PostAsJsonAsync("/v1/responses", new
        {
            surveyId = survey,
            score,
            comment = "Great support",
            customerId = "c-1042",
            channel = "email",
            product = "mobile-app",
            region = "emea",
            tags = new[] { "onboarding" },
            respondedAt = "2026-11-20T11:00:00+01:00",
            externalId = $"resp-{Guid.NewGuid()}",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(category, body.GetProperty("category").GetString());
        Assert.Equal("nps", body.GetProperty("kind").GetString());
        Assert.Equal("2026-11-20T10:00:00Z", body.GetProperty("respondedAt").GetString());
        Assert.Equal($"/v1/responses/{body.Id()}", response.Headers.Location?.OriginalString);

        var fetched = await _client.GetOkAsync($"/v1/responses/{body.Id()}");
        Assert.Equal(score, fetched.GetProperty("score").GetInt32());
        Assert.Equal("onboarding", fetched.GetProperty("tags")[0].GetString());
        Assert.Equal("Great support", fetched.GetProperty("comment").GetString());
    }

    [Theory]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 }, 50.0)]
    [InlineData(new[] { 5, 1, 5, 1, 5, 1, 5, 1, 5, 1 }, 100.0)]
    [InlineData(new[] { 1, 5, 1, 5, 1, 5, 1, 5, 1, 5 }, 0.0)]
    [InlineData(new[] { 4, 2, 4, 1, 4, 2, 3, 3, 5, 1 }, 77.5)]
    public async Task ASusResponseGetsItsComputedScore(int[] answers, double expected)
    {
        var survey = await _client.CreateSurveyAsync("sus");

        var body = await _client.PostOkAsync("/v1/responses", new { surveyId = survey, answers, respondedAt = Api.Time(Api.Now) });

        Assert.Equal(expected, body.GetProperty("susScore").GetDouble());
        Assert.Equal(answers, body.GetProperty("answers").EnumerateArray().Select(a => a.GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("score").ValueKind);
    }

    [Fact]
    public async Task ListingResponsesCombinesFiltersAndTimeRange()
    {
        var survey = await _client.CreateSurveyAsync("csat");
        var t0 = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var matching = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var r = await _client.PostOkAsync("/v1/responses", new
            {
                surveyId = survey,
                score = 1 + i % 5,
                channel = i % 2 == 0 ? "email" : "chat",
                region = i < 4 ? "emea" : "apac",
                tags = i == 0 ? new[] { "vip" } : [],
                customerId = $"c-{i}",
                respondedAt = Api.Time(t0.AddHours(i)),
            });
            if (i < 4) matching.Add(r.Id());
        }

        var emeaBothChannels = await _client.ListAllAsync($"/v1/responses?surveyId={survey}&channel=email&channel=chat&region=emea", limit: 3);
        Assert.Equal(matching.AsEnumerable().Reverse(), emeaBothChannels.Select(r => r.Id()));

        var window = await _client.ListAllAsync($"/v1/responses?surveyId={survey}&from={Api.Time(t0.AddHours(1))}&to={Api.Time(t0.AddHours(3))}");
        Assert.Equal(2, window.Count); // half-open: hours 1 and 2

        Assert.Single(await _client.ListAllAsync($"/v1/responses?surveyId={survey}&tag=vip"));
        Assert.Single(await _client.ListAllAsync($"/v1/responses?surveyId={survey}&customerId=c-5"));
        Assert.Equal(6, (await _client.ListAllAsync($"/v1/responses?kind=csat&surveyId={survey}")).Count);
    }

    [Fact]
    public async Task PagingIsStableWhenNewerResponsesArriveBetweenPages()
    {
        var survey = await _client.CreateSurveyAsync("ces");
        var t0 = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 4, respondedAt = Api.Time(t0.AddMinutes(i)) })).Id());

        var first = await _client.GetOkAsync($"/v1/responses?surveyId={survey}&limit=2");
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 4, respondedAt = Api.Time(t0.AddMinutes(10)) });
        var rest = await _client.GetOkAsync($"/v1/responses?surveyId={survey}&limit=10&cursor={first.GetProperty("nextCursor").GetString()}");

        var seen = first.GetProperty("items").EnumerateArray().Concat(rest.GetProperty("items").EnumerateArray()).Select(r => r.Id());
        Assert.Equal(ids.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task DeletingAResponseRemovesIt()
    {
        var survey = await _client.CreateSurveyAsync();
        var id = (await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 3, respondedAt = Api.Time(Api.Now) })).Id();

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/v1/responses/{id}")).StatusCode);
        await (await _client.GetAsync($"/v1/responses/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync($"/v1/responses/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AResponseMayReferenceAnExistingInteraction()
    {
        var survey = await _client.CreateSurveyAsync("csat");
        var interaction = await _client.PostOkAsync("/v1/interactions", new
        {
            channel = "chat",
            type = "support",
            openedAt = Api.Time(Api.Now.AddHours(-1)),
            status = "open",
        });

        var response = await _client.PostOkAsync("/v1/responses", new
        {
            surveyId = survey,
            score = 5,
            interactionId = interaction.Id(),
            respondedAt = Api.Time(Api.Now),
        });

        Assert.Equal(interaction.Id(), response.GetProperty("interactionId").GetString());
    }
}
