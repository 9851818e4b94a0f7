using CxApi.Tests.Support;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// Lists project in the database (Mapster's <c>ProjectToType</c>), single GETs map a loaded entity in memory (<c>Adapt</c>):
/// on each provider both must write exactly the same JSON for a record, including the mappings that carry logic
/// (time conversion to the microsecond, SUS score, NPS category, durations, survey scale, tags and answers in order).
/// </summary>
public sealed class MappingProjectionTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 26, 53, TimeSpan.Zero);

    [Fact]
    public async Task AListedRecordIsByteForByteItsSingleGet()
    {
        var nps = await _client.CreateSurveyAsync("nps");
        var sus = await _client.CreateSurveyAsync("sus");
        var marker = $"m-{Guid.NewGuid():N}";
        var interaction = (await _client.PostOkAsync("/v1/interactions", new
        {
            channel = "chat",
            type = "support",
            customerId = marker,
            status = "resolved",
            openedAt = "2026-03-14T09:26:53.589793Z",
            firstResponseAt = "2026-03-14T09:31:00.000001Z",
            resolvedAt = "2026-03-14T11:00:00.5Z",
            tags = new[] { "b", "a", "c" },
            team = "tier1",
            contactCount = 2,
        })).Id();
        string[] responses =
        [
            (await _client.PostOkAsync("/v1/responses", new
            {
                surveyId = nps, score = 6, customerId = marker, comment = "Zu langsam – «bitte»", tags = new[] { "z", "a" },
                interactionId = interaction, respondedAt = "2026-03-14T10:00:00.000123+02:00", channel = "email",
            })).Id(),
            (await _client.PostOkAsync("/v1/responses", new
            {
                surveyId = sus, answers = new[] { 5, 2, 4, 1, 5, 1, 4, 2, 5, 1 }, customerId = marker, respondedAt = Api.Time(T0),
            })).Id(),
        ];
        var review = (await _client.PostOkAsync("/v1/reviews", new
        {
            source = "trustpilot",
            rating = 2,
            customerId = marker,
            title = "Meh",
            publishedAt = "2026-03-14T09:00:00.999999Z",
        })).Id();
        var webhook = (await _client.PostOkAsync("/v1/webhooks", new { url = "https://hooks.example.com/cx", events = new[] { "review.created" } }))
            .Id();
        var (_, key) = await factory.CreateKeyAsync("ingest", "acme");

        await SameAsync($"/v1/responses?customerId={marker}", "/v1/responses", responses);
        await SameAsync($"/v1/interactions?customerId={marker}", "/v1/interactions", [interaction]);
        await SameAsync($"/v1/reviews?customerId={marker}", "/v1/reviews", [review]);
        await SameAsync("/v1/surveys", "/v1/surveys", [nps, sus]);
        await SameAsync("/v1/webhooks", "/v1/webhooks", [webhook]);
        await SameAsync("/v1/api-keys", "/v1/api-keys", [key]);
    }

    private async Task SameAsync(string list, string resource, string[] ids)
    {
        var listed = (await _client.ListAllAsync(list, limit: 1)).Where(i => ids.Contains(i.Id())).ToDictionary(i => i.Id());
        Assert.Equal(ids.Order(), listed.Keys.Order());
        foreach (var id in ids)
        {
            var single = await _client.GetOkAsync($"{resource}/{id}");
            Assert.Equal(single.GetRawText(), listed[id].GetRawText());
            Assert.Equal(JsonValueKind.Object, single.ValueKind);
        }
    }
}
