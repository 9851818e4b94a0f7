using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration.Edge;

/// <summary>
/// The wire format is read exactly: each property once, names as written, RFC 3339 without surrounding whitespace,
/// externalIds in one Unicode form. The same rules hold in single POSTs, batch items, PATCHes and query parameters.
/// </summary>
public sealed class StrictWireFormatTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly string Past = Api.Time(DateTimeOffset.UtcNow.AddHours(-1));

    private async Task<int> StoredRecordsAsync() =>
        await factory.CountAsync<ResponseEntity>() + await factory.CountAsync<InteractionEntity>() +
        await factory.CountAsync<ReviewEntity>() + await factory.CountAsync<SurveyEntity>();

    private async Task<JsonElement> RejectedAsync(HttpMethod method, string url, string body, string field)
    {
        var before = await StoredRecordsAsync();
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        var problem = await (await _client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await StoredRecordsAsync());
        return problem;
    }

    private Task<JsonElement> RejectedAsync(string url, string body, string field) => RejectedAsync(HttpMethod.Post, url, body, field);

    private static string Message(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    [Fact]
    public async Task ADuplicateJsonKeyIsA400ProblemOnThatPropertyInBodiesPatchesAndBatchItems()
    {
        var survey = await _client.CreateSurveyAsync();
        var problem = await RejectedAsync("/v1/surveys", """{ "name": "a", "kind": "nps", "name": "b" }""", "name");
        Assert.Contains("more than once", Message(problem, "name"));
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 1, "score": 9, "respondedAt": "{{Past}}" }""", "score");
        await RejectedAsync("/v1/interactions", $$"""{ "channel": "chat", "type": "support", "openedAt": "{{Past}}", "status": "open", "tags": ["a"], "tags": ["b"] }""", "tags");

        var interaction = await _client.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Past, status = "open" });
        await RejectedAsync(HttpMethod.Patch, $"/v1/interactions/{interaction.Id()}", """{ "contactCount": 2, "contactCount": 3 }""", "contactCount");
        Assert.Equal(1, (await _client.GetOkAsync($"/v1/interactions/{interaction.Id()}")).GetProperty("contactCount").GetInt32());

        // In a batch the whole request is malformed, as with a syntax error: nothing of it is stored.
        var item = $$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{Past}}" }""";
        var duplicated = $$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{Past}}", "score": 6 }""";
        await RejectedAsync("/v1/responses/batch", $$"""{ "items": [{{item}}, {{duplicated}}] }""", "items[1].score");
        await RejectedAsync("/v1/responses/batch", $$"""{ "items": [{{item}}], "items": [{{item}}] }""", "items");
    }

    [Fact]
    public async Task PropertyNamesAreMatchedExactlyAndAWrongCaseSaysWhichNameWasMeant()
    {
        var survey = await _client.CreateSurveyAsync();
        var problem = await RejectedAsync("/v1/surveys", """{ "Name": "n", "kind": "nps" }""", "Name");
        Assert.Contains("did you mean 'name'", Message(problem, "Name"));
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "SCORE": 5, "respondedAt": "{{Past}}" }""", "SCORE");
        await RejectedAsync("/v1/reviews", $$"""{ "source": "g", "rating": 4, "PublishedAt": "{{Past}}" }""", "PublishedAt");

        var batch = await _client.PostBatchAsync("/v1/responses/batch", [
            JsonDocument.Parse($$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{Past}}" }""").RootElement,
            JsonDocument.Parse($$"""{ "surveyId": "{{survey}}", "Score": 5, "respondedAt": "{{Past}}" }""").RootElement,
        ]);
        var results = batch.GetProperty("results");
        Assert.Equal("created", results[0].GetProperty("status").GetString());
        Assert.Equal("invalid", results[1].GetProperty("status").GetString());
        Assert.Contains("did you mean 'score'", results[1].GetProperty("errors").GetProperty("items[1].Score")[0].GetString());
    }

    [Theory]
    [InlineData("{0}\\n")]
    [InlineData("{0}\\r\\n")]
    [InlineData(" {0}")]
    [InlineData("{0} ")]
    [InlineData("\\t{0}")]
    public async Task ATimestampWithSurroundingWhitespaceIsRefusedInBodiesBatchItemsAndQueries(string shape)
    {
        var survey = await _client.CreateSurveyAsync();
        var time = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, "2026-01-01T10:00:00Z");
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{time}}" }""", "respondedAt");

        var batch = await _client.PostBatchAsync("/v1/reviews/batch", [JsonDocument.Parse($$"""{ "source": "g", "rating": 4, "publishedAt": "{{time}}" }""").RootElement]);
        Assert.True(batch.GetProperty("results")[0].GetProperty("errors").TryGetProperty("items[0].publishedAt", out _), batch.ToString());

        var decoded = JsonSerializer.Deserialize<string>($"\"{time}\"")!; // the same text as a query parameter
        foreach (var url in new[] { "/v1/responses", "/v1/metrics/nps", "/v1/metrics/summary", "/v1/reviews" })
        {
            await (await _client.GetAsync($"{url}?from={Uri.EscapeDataString(decoded)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "from");
            await (await _client.GetAsync($"{url}?to={Uri.EscapeDataString(decoded)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "to");
        }
    }

    [Fact]
    public async Task FractionalDigitsBeyondSevenAreTruncatedAlikeInBodiesBatchItemsAndQueries()
    {
        var survey = await _client.CreateSurveyAsync();
        // Cut to 7 digits when read, and to the microsecond when stored: never rounded up.
        const string ten = "2026-01-01T10:00:00.1234567899Z", stored = "2026-01-01T10:00:00.123456Z";

        var single = await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, respondedAt = ten });
        Assert.Equal(stored, single.GetProperty("respondedAt").GetString());

        var batch = await _client.PostBatchAsync("/v1/responses/batch", [new { surveyId = survey, score = 6, respondedAt = ten }]);
        var id = batch.GetProperty("results")[0].GetProperty("id").GetString();
        Assert.Equal(stored, (await _client.GetOkAsync($"/v1/responses/{id}")).GetProperty("respondedAt").GetString());

        // [from, to) over exactly that microsecond, both ends written with ten digits: both records.
        var page = await _client.GetOkAsync($"/v1/responses?surveyId={survey}&from={ten}&to=2026-01-01T10:00:00.1234570000Z");
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task AnExternalIdIsStoredInNfcSoItsNfdFormIsTheDocumentedDuplicate()
    {
        var survey = await _client.CreateSurveyAsync();
        const string nfc = "caf\u00E9-77", nfd = "cafe\u0301-77";
        var first = await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 9, respondedAt = Past, externalId = nfd });
        Assert.Equal(nfc, first.GetProperty("externalId").GetString());

        var before = await StoredRecordsAsync();
        var conflict = await (await _client.PostAsJsonAsync("/v1/responses", new { surveyId = survey, score = 9, respondedAt = Past, externalId = nfc }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.Id(), conflict.GetProperty("existingId").GetString());
        Assert.Equal(before, await StoredRecordsAsync());

        await _client.PostOkAsync("/v1/reviews", new { source = "g", rating = 4, publishedAt = Past, externalId = nfc });
        await (await _client.PostAsJsonAsync("/v1/reviews", new { source = "g", rating = 4, publishedAt = Past, externalId = nfd }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await _client.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Past, status = "open", externalId = nfd });
        await (await _client.PostAsJsonAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Past, status = "open", externalId = nfc }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("T-\u200B9911")]
    [InlineData("T-9911\uFEFF")]
    [InlineData("T-\u20609911")]
    [InlineData("T-99\u000011")]
    [InlineData("T-99\u001F11")]
    public async Task AnExternalIdWithZeroWidthOrControlCharactersIsA400(string externalId)
    {
        var survey = await _client.CreateSurveyAsync();
        var escaped = JsonSerializer.Serialize(externalId);
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "respondedAt": "{{Past}}", "externalId": {{escaped}} }""", "externalId");
        await RejectedAsync("/v1/reviews", $$"""{ "source": "g", "rating": 4, "publishedAt": "{{Past}}", "externalId": {{escaped}} }""", "externalId");
        await RejectedAsync("/v1/interactions", $$"""{ "channel": "chat", "type": "support", "openedAt": "{{Past}}", "status": "open", "externalId": {{escaped}} }""", "externalId");
    }

    [Fact]
    public async Task BatchItemsFollowTheSameExternalIdRules()
    {
        var survey = await _client.CreateSurveyAsync();
        var stored = await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 9, respondedAt = Past, externalId = "stored-\u00C5" });
        var batch = await _client.PostBatchAsync("/v1/responses/batch", [
            new { surveyId = survey, score = 1, respondedAt = Past, externalId = "b-\u00F1" },        // NFC
            new { surveyId = survey, score = 2, respondedAt = Past, externalId = "b-n\u0303" },       // its NFD form: a duplicate of item 0
            new { surveyId = survey, score = 3, respondedAt = Past, externalId = "b-\u200Bx" },       // zero-width
            new { surveyId = survey, score = 4, respondedAt = Past, externalId = "stored-A\u030A" },  // NFD of the stored one
        ]);
        var results = batch.GetProperty("results");
        Assert.Equal("created", results[0].GetProperty("status").GetString());
        Assert.Equal("duplicate", results[1].GetProperty("status").GetString());
        Assert.Equal(results[0].GetProperty("id").GetString(), results[1].GetProperty("id").GetString());
        Assert.Equal("invalid", results[2].GetProperty("status").GetString());
        Assert.True(results[2].GetProperty("errors").TryGetProperty("items[2].externalId", out _), results[2].ToString());
        Assert.Equal("duplicate", results[3].GetProperty("status").GetString());
        Assert.Equal(stored.Id(), results[3].GetProperty("id").GetString());
        Assert.Equal(1, batch.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task ANulCharacterInAnyStringIsA400OnEitherDatabaseNotADatabaseError()
    {
        var survey = await _client.CreateSurveyAsync();
        var problem = await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "comment": "a\u0000b", "respondedAt": "{{Past}}" }""", "comment");
        Assert.Contains("NUL", Message(problem, "comment"));
        await RejectedAsync("/v1/responses", $$"""{ "surveyId": "{{survey}}", "score": 5, "tags": ["ok", "\u0000"], "respondedAt": "{{Past}}" }""", "tags[1]");
        await RejectedAsync("/v1/surveys", """{ "name": "\u0000", "kind": "nps" }""", "name");

        var interaction = await _client.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Past, status = "open" });
        await RejectedAsync(HttpMethod.Patch, $"/v1/interactions/{interaction.Id()}", """{ "team": "t\u0000" }""", "team");

        var batch = await _client.PostBatchAsync("/v1/reviews/batch", [
            JsonDocument.Parse($$"""{ "source": "g", "rating": 4, "publishedAt": "{{Past}}", "body": "fine" }""").RootElement,
            JsonDocument.Parse($$"""{ "source": "g", "rating": 4, "publishedAt": "{{Past}}", "body": "x\u0000" }""").RootElement,
        ]);
        Assert.Equal(1, batch.GetProperty("created").GetInt32());
        Assert.True(batch.GetProperty("results")[1].GetProperty("errors").TryGetProperty("items[1].body", out _), batch.ToString());
    }
}
