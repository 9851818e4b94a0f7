using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using System.Net;

namespace CxApi.Tests.Integration;

/// <summary>Every class of bad input is an RFC 9457 problem naming the field, and stores nothing.</summary>
public sealed class BadInputTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<int> StoredRecordsAsync() =>
        await factory.CountAsync<ResponseEntity>() + await factory.CountAsync<InteractionEntity>() +
        await factory.CountAsync<ReviewEntity>() + await factory.CountAsync<SurveyEntity>();

    /// <summary>Posts <paramref name="body"/> and asserts a 400 problem on <paramref name="fields"/> with nothing stored.</summary>
    private async Task<System.Text.Json.JsonElement> RejectedAsync(string url, string body, params string[] fields)
    {
        var before = await StoredRecordsAsync();
        var problem = await (await _client.PostRawAsync(url, body)).AssertProblemAsync(HttpStatusCode.BadRequest, fields);
        Assert.Equal(before, await StoredRecordsAsync());
        return problem;
    }

    private static string Now => Api.Time(Api.Now);

    [Theory]
    [InlineData("nps", 11)]
    [InlineData("nps", -1)]
    [InlineData("csat", 0)]
    [InlineData("csat", 6)]
    [InlineData("ces", 8)]
    [InlineData("rating", 6)]
    public async Task AnOutOfRangeScoreIsRejected(string kind, int score)
    {
        var survey = await _client.CreateSurveyAsync(kind);
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": {{score}}, "respondedAt": "{{Now}}" }""", "score");
    }

    [Theory]
    [InlineData("[3,3,3,3,3,3,3,3,3]")]
    [InlineData("[3,3,3,3,3,3,3,3,3,3,3]")]
    [InlineData("[]")]
    public async Task AWrongSusAnswerCountIsRejected(string answers)
    {
        var survey = await _client.CreateSurveyAsync("sus");
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "answers": {{answers}}, "respondedAt": "{{Now}}" }""", "answers");
    }

    [Fact]
    public async Task ASusAnswerOutOfRangeIsRejectedAtItsIndex()
    {
        var survey = await _client.CreateSurveyAsync("sus");
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "answers": [3,3,3,6,3,3,3,3,3,0], "respondedAt": "{{Now}}" }""",
            "answers[3]", "answers[9]");
    }

    [Fact]
    public async Task ASusResponseWithAScoreIsRejected()
    {
        var survey = await _client.CreateSurveyAsync("sus");
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 80, "answers": [3,3,3,3,3,3,3,3,3,3], "respondedAt": "{{Now}}" }""", "score");
    }

    [Theory]
    [InlineData("/v1/responses", "id")]
    [InlineData("/v1/responses", "receivedAt")]
    [InlineData("/v1/responses", "clientId")]
    [InlineData("/v1/reviews", "nonsense")]
    [InlineData("/v1/interactions", "id")]
    [InlineData("/v1/surveys", "createdAt")]
    public async Task AnUnknownPropertyIsRejected(string url, string property)
    {
        var survey = await _client.CreateSurveyAsync();
        var body = url switch
        {
            "/v1/responses" => $$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{Now}}", "{{property}}": "x" }""",
            "/v1/reviews" => $$"""{ "source": "g", "rating": 5, "publishedAt": "{{Now}}", "{{property}}": "x" }""",
            "/v1/interactions" => $$"""{ "channel": "chat", "type": "support", "openedAt": "{{Now}}", "status": "open", "{{property}}": "x" }""",
            _ => $$"""{ "name": "n", "kind": "nps", "{{property}}": "x" }""",
        };
        var problem = await RejectedAsync(url, body, property);
        Assert.Contains("not a known property", problem.GetProperty("errors").GetProperty(property)[0].GetString());
    }

    [Theory]
    [InlineData("{ \"surveyId\": ")]
    [InlineData("{ surveyId: 1 }")]
    [InlineData("not json")]
    [InlineData("{ \"score\": 5, }")]
    public async Task MalformedJsonIsA400ProblemNotA500(string body)
    {
        var before = await StoredRecordsAsync();
        var problem = await (await _client.PostRawAsync("/v1/responses", body)).AssertProblemAsync(HttpStatusCode.BadRequest, "$");
        Assert.Equal("Malformed JSON", problem.GetProperty("title").GetString());
        // The document's 400 promises `errors`: a syntax error is keyed by the body's root.
        Assert.StartsWith("The request body is not valid JSON", problem.GetProperty("errors").GetProperty("$")[0].GetString());
        Assert.Equal(before, await StoredRecordsAsync());
    }

    [Fact]
    public async Task AWrongJsonTypeNamesTheField()
    {
        var survey = await _client.CreateSurveyAsync();
        var problem = await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": "nine", "respondedAt": "{{Now}}" }""", "score");
        Assert.Equal("must be an integer", problem.GetProperty("errors").GetProperty("score")[0].GetString());
        problem = await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "tags": "vip", "respondedAt": "{{Now}}" }""", "tags");
        Assert.Equal("must be an array", problem.GetProperty("errors").GetProperty("tags")[0].GetString());
        problem = await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "tags": [1], "respondedAt": "{{Now}}" }""", "tags[0]");
        Assert.Equal("must be a string", problem.GetProperty("errors").GetProperty("tags[0]")[0].GetString());
        problem = await RejectedAsync("/v1/interactions", """{ "channel": "chat", "type": "support", "openedAt": "2026-01-01T00:00:00Z", "status": "open", "escalated": "yes" }""", "escalated");
        Assert.Equal("must be true or false", problem.GetProperty("errors").GetProperty("escalated")[0].GetString());
    }

    [Theory]
    [InlineData("2026-11-20T10:00:00")]
    [InlineData("2026-11-20 10:00:00")]
    [InlineData("2026-11-20")]
    [InlineData("20 Nov 2026 10:00 +01:00")]
    public async Task ATimestampWithoutOffsetIsRejected(string time)
    {
        var survey = await _client.CreateSurveyAsync();
        var problem = await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{time}}" }""", "respondedAt");
        Assert.Contains("offset", problem.GetProperty("errors").GetProperty("respondedAt")[0].GetString());
    }

    [Fact]
    public async Task AFutureTimestampIsRejectedButFiveMinutesOfSkewIsAccepted()
    {
        var survey = await _client.CreateSurveyAsync();
        await RejectedAsync("/v1/responses",
            $$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{Api.Time(DateTimeOffset.UtcNow.AddMinutes(10))}}" }""", "respondedAt");
        await RejectedAsync("/v1/interactions",
            $$"""{ "channel": "chat", "type": "support", "openedAt": "{{Api.Time(DateTimeOffset.UtcNow.AddDays(1))}}", "status": "open" }""", "openedAt");
        await RejectedAsync("/v1/reviews",
            $$"""{ "source": "g", "rating": 4, "publishedAt": "{{Api.Time(DateTimeOffset.UtcNow.AddHours(1))}}" }""", "publishedAt");

        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, respondedAt = Api.Time(DateTimeOffset.UtcNow.AddMinutes(4)) });
    }

    [Fact]
    public async Task AnUnknownOrInactiveSurveyIsRejectedOnSurveyId()
    {
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "no-such-survey", "score": 5, "respondedAt": "{{Now}}" }""", "surveyId");
        var inactive = await _client.CreateSurveyAsync(active: false);
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{inactive}}", "score": 5, "respondedAt": "{{Now}}" }""", "surveyId");
    }

    [Fact]
    public async Task AnUnknownInteractionIsRejected()
    {
        var survey = await _client.CreateSurveyAsync();
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "interactionId": "nope", "respondedAt": "{{Now}}" }""", "interactionId");
    }

    [Fact]
    public async Task TooLongTextIsRejected()
    {
        var survey = await _client.CreateSurveyAsync();
        var comment = new string('x', 4001);
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "comment": "{{comment}}", "respondedAt": "{{Now}}" }""", "comment");
        await RejectedAsync("/v1/reviews", $$"""{ "source": "g", "rating": 4, "body": "{{comment}}", "publishedAt": "{{Now}}" }""", "body");
        await RejectedAsync("/v1/surveys", $$"""{ "name": "{{new string('n', 201)}}", "kind": "nps" }""", "name");

        // the limit itself is allowed
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, comment = new string('x', 4000), respondedAt = Now });
    }

    [Fact]
    public async Task TooManyOrTooLongTagsAreRejected()
    {
        var survey = await _client.CreateSurveyAsync();
        var many = string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"t{i}\""));
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "tags": [{{many}}], "respondedAt": "{{Now}}" }""", "tags");
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "tags": ["ok", "{{new string('t', 51)}}"], "respondedAt": "{{Now}}" }""", "tags[1]");
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "tags": ["a", "a"], "respondedAt": "{{Now}}" }""", "tags");
    }

    [Theory]
    [InlineData("/v1/interactions", """{ "channel": "fax", "type": "support", "openedAt": "2026-01-01T00:00:00Z", "status": "open" }""", "channel")]
    [InlineData("/v1/interactions", """{ "channel": "chat", "type": "support", "openedAt": "2026-01-01T00:00:00Z", "status": "closed" }""", "status")]
    [InlineData("/v1/interactions", """{ "channel": "InStore", "type": "support", "openedAt": "2026-01-01T00:00:00Z", "status": "open" }""", "channel")]
    [InlineData("/v1/surveys", """{ "name": "n", "kind": "NPS" }""", "kind")]
    [InlineData("/v1/surveys", """{ "name": "n", "kind": 0 }""", "kind")]
    public async Task AnUnknownEnumValueIsRejectedWithTheAllowedValues(string url, string body, string field)
    {
        var problem = await RejectedAsync(url, body, field);
        Assert.Contains("must be one of", problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("""{ "channel": "chat", "type": "support", "openedAt": "2026-01-01T10:00:00Z", "firstResponseAt": "2026-01-01T09:59:59Z", "status": "open" }""", "firstResponseAt")]
    [InlineData("""{ "channel": "chat", "type": "support", "openedAt": "2026-01-01T10:00:00Z", "resolvedAt": "2026-01-01T09:00:00Z", "status": "resolved" }""", "resolvedAt")]
    [InlineData("""{ "channel": "chat", "type": "support", "openedAt": "2026-01-01T10:00:00Z", "resolvedAt": "2026-01-01T11:00:00Z", "status": "open" }""", "status")]
    [InlineData("""{ "channel": "chat", "type": "support", "openedAt": "2026-01-01T10:00:00Z", "status": "resolved" }""", "resolvedAt")]
    [InlineData("""{ "channel": "chat", "type": "support", "openedAt": "2026-01-01T10:00:00Z", "status": "open", "contactCount": 0 }""", "contactCount")]
    [InlineData("""{ "type": "support", "status": "open" }""", "channel")]
    public async Task InconsistentInteractionTimesOrStatusAreRejected(string body, string field) =>
        await RejectedAsync("/v1/interactions", body, field);

    [Theory]
    [InlineData("""{ "source": "g", "rating": 6, "publishedAt": "2026-01-01T00:00:00Z" }""", "rating")]
    [InlineData("""{ "source": "g", "rating": 0, "publishedAt": "2026-01-01T00:00:00Z" }""", "rating")]
    [InlineData("""{ "rating": 3, "publishedAt": "2026-01-01T00:00:00Z" }""", "source")]
    [InlineData("""{ "source": "g", "rating": 3, "language": "english please", "publishedAt": "2026-01-01T00:00:00Z" }""", "language")]
    [InlineData("""{ "source": "g", "rating": 3 }""", "publishedAt")]
    public async Task InvalidReviewsAreRejected(string body, string field) =>
        await RejectedAsync("/v1/reviews", body, field);

    [Fact]
    public async Task ADuplicateExternalIdIsAConflictNamingTheExistingRecord()
    {
        var survey = await _client.CreateSurveyAsync();
        var body = new { surveyId = survey, score = 9, respondedAt = Now, externalId = "partner-77-resp-1" };
        var first = await _client.PostOkAsync("/v1/responses", body);
        var before = await StoredRecordsAsync();

        var problem = await (await _client.PostAsync("/v1/responses", System.Net.Http.Json.JsonContent.Create(body)))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(first.Id(), problem.GetProperty("existingId").GetString());
        Assert.Contains(first.Id(), problem.GetProperty("detail").GetString());
        Assert.Equal(before, await StoredRecordsAsync());
    }

    [Fact]
    public async Task ExternalIdsAreUniquePerResourceTypeNotAcrossTypes()
    {
        await _client.PostOkAsync("/v1/reviews", new { source = "g", rating = 4, publishedAt = Now, externalId = "shared-7" });
        await _client.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Now, status = "open", externalId = "shared-7" });
        var before = await StoredRecordsAsync();
        await (await _client.PostAsync("/v1/reviews", System.Net.Http.Json.JsonContent.Create(new { source = "g", rating = 1, publishedAt = Now, externalId = "shared-7" })))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(before, await StoredRecordsAsync());
    }

    [Theory]
    [InlineData("/v1/responses?limit=1001", "limit")]
    [InlineData("/v1/responses?limit=0", "limit")]
    [InlineData("/v1/responses?from=2026-01-01T00:00:00", "from")]
    [InlineData("/v1/responses?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("/v1/responses?cursor=garbage", "cursor")]
    [InlineData("/v1/responses?kind=nope", "kind[0]")]
    [InlineData("/v1/interactions?status=closed", "status[0]")]
    [InlineData("/v1/reviews?minRating=9", "minRating")]
    public async Task BadListParametersAreRejected(string url, string field) =>
        await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task AnEmptyBodyOrAWrongContentTypeIsAProblem()
    {
        await (await _client.PostRawAsync("/v1/responses", "")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.PostRawAsync("/v1/responses", "null")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.PostRawAsync("/v1/responses", "score=5", "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
