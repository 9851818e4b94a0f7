using CxApi.Infrastructure.Entities;
using CxApi.Tests.Integration.Integrations;
using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static CxApi.Tests.Integration.Privacy.RedactionSamples;

namespace CxApi.Tests.Integration.Privacy;

/// <summary>
/// With <c>Privacy__RedactComments</c> on, every way a record comes in stores its free text masked and says
/// <c>redacted: true</c>: single POSTs, batches, idempotent POSTs, the Typeform and PagerDuty integrations, incident PATCHes.
/// </summary>
public sealed class RedactionOnIngestTests(RedactingFactory factory) : IClassFixture<RedactingFactory>, IAsyncLifetime
{
    private static readonly string Now = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1));
    private readonly HttpClient _admin = factory.CreateClient();

    public Task InitializeAsync() => factory.EnsureTypeformSurveyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<ResponseEntity> StoredResponseAsync(string id) => factory.WithDbAsync(db => db.Responses.AsNoTracking().SingleAsync(r => r.Id == id));
    private Task<ReviewEntity> StoredReviewAsync(string id) => factory.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == id));
    private Task<IncidentEntity> StoredIncidentAsync(string id) => factory.WithDbAsync(db => db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id));

    private static object Incident(string title) =>
        new { title, services = new[] { "checkout-web" }, severity = "sev2", impact = "partial", startedAt = Now };

    [Fact]
    public async Task SinglePostsStoreTheTextMaskedAndSayRedacted()
    {
        var survey = await _admin.CreateSurveyAsync();
        var response = await _admin.PostOkAsync("/v1/responses", new { surveyId = survey, score = 2, comment = Comment, respondedAt = Now });
        Assert.Equal(MaskedComment, response.GetProperty("comment").GetString());
        Assert.True(response.GetProperty("redacted").GetBoolean());
        var stored = await StoredResponseAsync(response.Id());
        Assert.Equal((MaskedComment, true), (stored.Comment, stored.Redacted));
        Assert.True((await _admin.GetOkAsync($"/v1/responses/{response.Id()}")).GetProperty("redacted").GetBoolean());

        var review = await _admin.PostOkAsync("/v1/reviews", new { source = "trustpilot", rating = 1, title = Title, body = Body, publishedAt = Now });
        var storedReview = await StoredReviewAsync(review.Id());
        Assert.Equal((MaskedTitle, MaskedBody, true), (storedReview.Title, storedReview.Body, storedReview.Redacted));
        Assert.True(review.GetProperty("redacted").GetBoolean());

        var incident = await _admin.PostOkAsync("/v1/incidents", Incident(IncidentTitle));
        var storedIncident = await StoredIncidentAsync(incident.Id());
        Assert.Equal((MaskedIncidentTitle, true), (storedIncident.Title, storedIncident.Redacted));
        Assert.Equal(MaskedIncidentTitle, incident.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TextWithNothingToMaskIsStoredAsSentAndNotRedacted()
    {
        var survey = await _admin.CreateSurveyAsync();
        var response = await _admin.PostOkAsync("/v1/responses", new { surveyId = survey, score = 10, comment = Clean, respondedAt = Now });
        Assert.Equal((Clean, false), ((await StoredResponseAsync(response.Id())).Comment, response.GetProperty("redacted").GetBoolean()));
        var review = await _admin.PostOkAsync("/v1/reviews", new { source = "g", rating = 5, title = "Fine", body = Clean, publishedAt = Now });
        Assert.False((await StoredReviewAsync(review.Id())).Redacted);
        var incident = await _admin.PostOkAsync("/v1/incidents", Incident("Checkout slow after 2026.11.19-3"));
        Assert.Equal(("Checkout slow after 2026.11.19-3", false), ((await StoredIncidentAsync(incident.Id())).Title, incident.GetProperty("redacted").GetBoolean()));
    }

    [Fact]
    public async Task BatchItemsAreMaskedOneByOne()
    {
        var survey = await _admin.CreateSurveyAsync();
        var responses = await _admin.PostBatchAsync("/v1/responses/batch", [
            new { surveyId = survey, score = 1, comment = Comment, respondedAt = Now },
            new { surveyId = survey, score = 9, comment = Clean, respondedAt = Now },
        ]);
        var ids = responses.GetProperty("results").EnumerateArray().Select(r => r.Id()).ToArray();
        var stored = await factory.WithDbAsync(db => db.Responses.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id));
        Assert.Equal((MaskedComment, true), (stored[ids[0]].Comment, stored[ids[0]].Redacted));
        Assert.Equal((Clean, false), (stored[ids[1]].Comment, stored[ids[1]].Redacted));

        var reviews = await _admin.PostBatchAsync("/v1/reviews/batch", [new { source = "g", rating = 1, body = Body, publishedAt = Now }]);
        Assert.Equal(MaskedBody, (await StoredReviewAsync(reviews.GetProperty("results")[0].Id())).Body);
        var incidents = await _admin.PostBatchAsync("/v1/incidents/batch", [Incident(IncidentTitle)]);
        Assert.Equal(MaskedIncidentTitle, (await StoredIncidentAsync(incidents.GetProperty("results")[0].Id())).Title);
    }

    [Fact]
    public async Task AnIdempotentPostAndItsReplayShowTheMaskedText()
    {
        var survey = await _admin.CreateSurveyAsync();
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/responses")
            {
                Content = JsonContent.Create(new { surveyId = survey, score = 3, comment = Comment, respondedAt = Now }),
            };
            request.Headers.Add("Idempotency-Key", $"redact-{survey}");
            return request;
        }
        var first = await (await _admin.SendAsync(Request())).JsonAsync();
        var replay = await _admin.SendAsync(Request());
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(MaskedComment, first.GetProperty("comment").GetString());
        Assert.Equal(MaskedComment, (await replay.JsonAsync()).GetProperty("comment").GetString());
        Assert.Equal((MaskedComment, true), ((await StoredResponseAsync(first.Id())).Comment, (await StoredResponseAsync(first.Id())).Redacted));
    }

    [Fact]
    public async Task AnIncidentPatchMasksTheNewTitle()
    {
        var incident = await _admin.PostOkAsync("/v1/incidents", Incident("Checkout errors"));
        Assert.False(incident.GetProperty("redacted").GetBoolean());
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/v1/incidents/{incident.Id()}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { title = IncidentTitle }), MediaTypeHeaderValue.Parse("application/merge-patch+json")),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var patched = await _admin.SendAsync(patch);
        var body = await patched.JsonAsync();
        Assert.True(patched.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal(MaskedIncidentTitle, body.GetProperty("title").GetString());
        Assert.True(body.GetProperty("redacted").GetBoolean());
        Assert.Equal((MaskedIncidentTitle, true), ((await StoredIncidentAsync(incident.Id())).Title, (await StoredIncidentAsync(incident.Id())).Redacted));
    }

    [Fact]
    public async Task TypeformAndPagerDutyDeliveriesAreMaskedToo()
    {
        var vendor = factory.CreateClient(apiKey: null);
        var form = VendorSamples.Node("typeform-form_response.json");
        form["event_id"] = Guid.NewGuid().ToString("N")[..10];
        form["form_response"]!["token"] = Guid.NewGuid().ToString("N");
        foreach (var answer in form["form_response"]!["answers"]!.AsArray())
            if ((string?)answer!["type"] == "text" && answer["text"] is not null) answer["text"] = Comment;
        var formBody = form.ToJsonString();
        var typeform = await (await vendor.PostTypeformAsync(formBody, VendorSamples.TypeformSignature(IntegrationsFactory.TypeformSecret, formBody))).JsonAsync();
        var response = await StoredResponseAsync(typeform.GetProperty("id").GetString()!);
        Assert.Equal((MaskedComment, true), (response.Comment, response.Redacted));

        var pagerDutyId = $"P{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var data = System.Text.Json.Nodes.JsonNode.Parse(VendorSamples.PagerDuty("incident.triggered", Guid.NewGuid().ToString(), pagerDutyId,
            DateTimeOffset.UtcNow.AddMinutes(-5), createdAt: Api.Time(DateTimeOffset.UtcNow.AddMinutes(-5))))!;
        data["event"]!["data"]!["title"] = IncidentTitle;
        var pdBody = data.ToJsonString();
        var created = await (await vendor.PostPagerDutyAsync(pdBody, VendorSamples.PagerDutySignature(IntegrationsFactory.PagerDutySecret, pdBody))).JsonAsync();
        Assert.Equal("created", created.GetProperty("outcome").GetString());
        var incident = await StoredIncidentAsync(created.GetProperty("id").GetString()!);
        Assert.Equal((MaskedIncidentTitle, true), (incident.Title, incident.Redacted));

        // a later event with the same title changes nothing (the stored title is its masked form); a new title is masked as well
        var again = System.Text.Json.Nodes.JsonNode.Parse(VendorSamples.PagerDuty("incident.priority_updated", Guid.NewGuid().ToString(), pagerDutyId,
            DateTimeOffset.UtcNow.AddMinutes(-4), createdAt: Api.Time(DateTimeOffset.UtcNow.AddMinutes(-5))))!;
        again["event"]!["data"]!["title"] = IncidentTitle;
        var againBody = again.ToJsonString();
        var unchanged = await (await vendor.PostPagerDutyAsync(againBody, VendorSamples.PagerDutySignature(IntegrationsFactory.PagerDutySecret, againBody))).JsonAsync();
        Assert.Equal("unchanged", unchanged.GetProperty("outcome").GetString());
        var renamed = System.Text.Json.Nodes.JsonNode.Parse(VendorSamples.PagerDuty("incident.priority_updated", Guid.NewGuid().ToString(), pagerDutyId,
            DateTimeOffset.UtcNow.AddMinutes(-3), createdAt: Api.Time(DateTimeOffset.UtcNow.AddMinutes(-5))))!;
        renamed["event"]!["data"]!["title"] = "Now page ops@example.com";
        var renamedBody = renamed.ToJsonString();
        var updated = await (await vendor.PostPagerDutyAsync(renamedBody, VendorSamples.PagerDutySignature(IntegrationsFactory.PagerDutySecret, renamedBody))).JsonAsync();
        Assert.Equal("updated", updated.GetProperty("outcome").GetString());
        Assert.Equal("Now page [email]", (await StoredIncidentAsync(incident.Id)).Title);
    }

    [Fact]
    public async Task TheChangesFeedAndCsvCarryTheRedactedFlag()
    {
        var survey = await _admin.CreateSurveyAsync();
        var id = (await _admin.PostOkAsync("/v1/responses", new { surveyId = survey, score = 2, comment = Comment, respondedAt = Now })).Id();

        var changes = await _admin.GetOkAsync("/v1/changes/responses?limit=1000");
        var change = changes.GetProperty("changes").EnumerateArray().Last(c => c.GetProperty("id").GetString() == id);
        Assert.True(change.GetProperty("record").GetProperty("redacted").GetBoolean());
        Assert.Equal(MaskedComment, change.GetProperty("record").GetProperty("comment").GetString());

        var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/v1/responses?surveyId={survey}");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = (await (await _admin.SendAsync(csvRequest)).Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        Assert.Contains("redacted", header);
        Assert.EndsWith(",true", csv[1]);
        Assert.DoesNotContain("jane.doe@example.com", csv[1]);
    }
}
