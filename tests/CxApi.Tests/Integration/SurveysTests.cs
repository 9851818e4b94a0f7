using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration;

public sealed class SurveysTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("nps", 0, 10)]
    [InlineData("csat", 1, 5)]
    [InlineData("ces", 1, 7)]
    [InlineData("rating", 1, 5)]
    [InlineData("sus", 1, 5)]
    public async Task CreatingASurveyReturnsItWithItsScaleAndLocation(string kind, int min, int max)
    {
        var response = await _client.PostAsJsonAsync("/v1/surveys",
            new { name = "After-chat survey", kind, question = "How was it?", channel = "chat", touchpoint = "support" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var survey = await response.JsonAsync();
        Assert.Equal($"/v1/surveys/{survey.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(kind, survey.GetProperty("kind").GetString());
        Assert.Equal(min, survey.GetProperty("scale").GetProperty("min").GetInt32());
        Assert.Equal(max, survey.GetProperty("scale").GetProperty("max").GetInt32());
        Assert.True(survey.GetProperty("active").GetBoolean());
        Assert.Equal("chat", survey.GetProperty("channel").GetString());

        var fetched = await _client.GetOkAsync($"/v1/surveys/{survey.Id()}");
        Assert.Equal("After-chat survey", fetched.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ListingSurveysFiltersByKindAndActiveAndPagesWithLinkHeader()
    {
        var since = Api.Time(DateTimeOffset.UtcNow.AddMilliseconds(-1));
        var ces = new List<string>();
        for (var i = 0; i < 3; i++) ces.Add(await _client.CreateSurveyAsync("ces"));
        var inactive = await _client.CreateSurveyAsync("ces", active: false);
        await _client.CreateSurveyAsync("nps");

        var first = await _client.GetAsync($"/v1/surveys?kind=ces&active=true&from={since}&limit=2");
        var page = await first.JsonAsync();
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var link = Assert.Single(first.Headers.GetValues("Link"));
        Assert.Contains("rel=\"next\"", link);
        Assert.Contains("kind=ces", link);

        var all = await _client.ListAllAsync($"/v1/surveys?kind=ces&active=true&from={since}", limit: 2);
        Assert.Equal(ces.AsEnumerable().Reverse(), all.Select(s => s.Id()));
        Assert.DoesNotContain(inactive, all.Select(s => s.Id()));
    }

    [Fact]
    public async Task PatchingASurveyRenamesClearsTheQuestionAndDeactivates()
    {
        var created = await _client.PostOkAsync("/v1/surveys", new { name = "Old", kind = "csat", question = "Q?" });

        var response = await _client.PatchAsync($"/v1/surveys/{created.Id()}",
            JsonContent.Create(new { name = "New", question = (string?)null, active = false }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var survey = await response.JsonAsync();
        Assert.Equal("New", survey.GetProperty("name").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, survey.GetProperty("question").ValueKind);
        Assert.False(survey.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task PatchingWithANullNameIsRejected()
    {
        var id = await _client.CreateSurveyAsync();
        var response = await _client.PatchAsync($"/v1/surveys/{id}", JsonContent.Create(new { name = (string?)null }));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "name");
    }

    [Fact]
    public async Task DeletingASurveyWithResponsesIsAConflictAndWithoutIsNoContent()
    {
        var used = await _client.CreateSurveyAsync();
        await _client.PostOkAsync("/v1/responses", new { surveyId = used, score = 8, respondedAt = Api.Time(Api.Now) });
        var unused = await _client.CreateSurveyAsync();

        await (await _client.DeleteAsync($"/v1/surveys/{used}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/v1/surveys/{unused}")).StatusCode);
        await (await _client.GetAsync($"/v1/surveys/{unused}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/v1/surveys/{used}")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownSurveyIsAProblem404()
    {
        await (await _client.GetAsync("/v1/surveys/does-not-exist")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync("/v1/surveys/does-not-exist")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ASurveyWithoutNameOrKindStoresNothing()
    {
        var before = await factory.CountAsync<SurveyEntity>();
        var response = await _client.PostRawAsync("/v1/surveys", """{ "question": "?" }""");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "name", "kind");
        Assert.Equal(before, await factory.CountAsync<SurveyEntity>());
    }
}
