using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static CxApi.Tests.Integration.Integrations.IntegrationsFactory;

namespace CxApi.Tests.Integration.Integrations;

/// <summary>Typeform form responses (Typeform's example payload), signed as Typeform signs them, become survey responses.</summary>
public sealed class TypeformIntegrationTests(IntegrationsFactory factory) : IClassFixture<IntegrationsFactory>, IAsyncLifetime
{
    private readonly HttpClient _vendor = factory.CreateClient(apiKey: null);
    private readonly HttpClient _admin = factory.CreateClient();

    public Task InitializeAsync() => factory.EnsureTypeformSurveyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<HttpResponseMessage> PostAsync(string body) => _vendor.PostTypeformAsync(body, VendorSamples.TypeformSignature(TypeformSecret, body));

    private static async Task<JsonElement> ReceiptAsync(HttpResponseMessage response, string outcome)
    {
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {json}");
        var receipt = JsonDocument.Parse(json).RootElement.Clone();
        Assert.Equal(outcome, receipt.GetProperty("outcome").GetString());
        return receipt;
    }

    private Task<List<ResponseEntity>> ResponsesAsync(string token) =>
        factory.WithDbAsync(db => db.Responses.AsNoTracking().Where(r => r.ExternalId == token).ToListAsync());

    /// <summary>The published sample as another response: new event id and token, optionally another form or rating.</summary>
    private static (string Body, string Token) Response(string? formId = null, int? rating = null)
    {
        var sample = VendorSamples.Node("typeform-form_response.json");
        var token = Guid.NewGuid().ToString("N");
        sample["event_id"] = Guid.NewGuid().ToString("N")[..10];
        sample["form_response"]!["token"] = token;
        if (formId is not null) sample["form_response"]!["form_id"] = formId;
        if (rating is not null)
            foreach (var answer in sample["form_response"]!["answers"]!.AsArray())
                if ((string?)answer!["field"]!["id"] == "WOTdC00F8A3h") answer["number"] = rating;
        return (sample.ToJsonString(), token);
    }

    [Fact]
    public async Task ThePublishedSampleStoresExactlyOneResponseAndAReplayNothingMore()
    {
        var body = VendorSamples.Read("typeform-form_response.json");
        var receipt = await ReceiptAsync(await PostAsync(body), "created");

        var response = await _admin.GetOkAsync($"/v1/responses/{receipt.GetProperty("id").GetString()}");
        Assert.Equal(TypeformSurveyId, response.GetProperty("surveyId").GetString());
        Assert.Equal("csat", response.GetProperty("kind").GetString());
        Assert.Equal(3, response.GetProperty("score").GetInt32()); // readable_ref_rating
        Assert.Equal("It's cold right now! I live in an older medium-sized city with a university. Geographically, the area is hilly.",
            response.GetProperty("comment").GetString()); // readable_ref_long_text, found through the definition
        Assert.Equal("abc123456", response.GetProperty("customerId").GetString()); // hidden user_id
        Assert.Equal("2018-01-18T18:17:02Z", response.GetProperty("respondedAt").GetString());
        Assert.Equal("a3a12ec67a1365927098a606107fac15", response.GetProperty("externalId").GetString());
        Assert.Equal("partner:typeform", Assert.Single(await ResponsesAsync("a3a12ec67a1365927098a606107fac15")).ClientId);

        // The response counts where every response counts: the metric (from the rollups) and the changes feed.
        var csat = await _admin.GetOkAsync($"/v1/metrics/csat?surveyId={TypeformSurveyId}&from=2018-01-18T00:00:00Z&to=2018-01-19T00:00:00Z");
        Assert.Equal(1, csat.GetProperty("responses").GetInt64());
        var changes = await _admin.GetOkAsync("/v1/changes/responses?limit=1000");
        Assert.Contains(changes.GetProperty("changes").EnumerateArray(), c => c.GetProperty("id").GetString() == receipt.GetProperty("id").GetString());

        await ReceiptAsync(await PostAsync(body), "duplicate");
        Assert.Single(await ResponsesAsync("a3a12ec67a1365927098a606107fac15"));
    }

    [Fact]
    public async Task AWrongSignatureIs401AndStoresNothing()
    {
        var (body, token) = Response();
        await (await _vendor.PostTypeformAsync(body, VendorSamples.TypeformSignature("not-the-secret", body))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        // GitHub's hex form of the right HMAC is not Typeform's base64 one.
        await (await _vendor.PostTypeformAsync(body, VendorSamples.GitHubSignature(TypeformSecret, body))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await _vendor.PostTypeformAsync(body, null)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty(await ResponsesAsync(token));
    }

    [Fact]
    public async Task AResponseToAFormWithoutAMappingIsIgnored()
    {
        var (body, token) = Response(formId: "unmapped");
        var deliveries = await factory.DeliveriesAsync("typeform");
        await ReceiptAsync(await PostAsync(body), "ignored");
        Assert.Empty(await ResponsesAsync(token));
        Assert.Equal(deliveries, await factory.DeliveriesAsync("typeform"));
    }

    [Fact]
    public async Task AScoreOffTheSurveysScaleIs400AndTheCorrectedDeliveryIsThenTaken()
    {
        var (body, token) = Response(rating: 9); // CSAT is 1–5
        await (await PostAsync(body)).AssertProblemAsync(HttpStatusCode.BadRequest, "score");
        Assert.Empty(await ResponsesAsync(token));

        // Nothing of the refused delivery was kept: the same event, answered on the scale, is stored.
        var corrected = JsonNode.Parse(body)!;
        foreach (var answer in corrected["form_response"]!["answers"]!.AsArray())
            if ((string?)answer!["field"]!["id"] == "WOTdC00F8A3h") answer["number"] = 5;
        await ReceiptAsync(await PostAsync(corrected.ToJsonString()), "created");
        Assert.Equal(5, Assert.Single(await ResponsesAsync(token)).Score);
    }
}
