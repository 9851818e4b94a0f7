using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using static CxApi.Tests.Integration.Privacy.RedactionSamples;

namespace CxApi.Tests.Integration.Privacy;

/// <summary>Redaction is off by default: text is stored exactly as sent, and records say <c>redacted: false</c>.</summary>
public sealed class RedactionOffTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private static readonly string Now = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1));
    private readonly HttpClient _admin = factory.CreateClient();

    [Fact]
    public async Task WithoutTheOptionEveryTextIsStoredAsSent()
    {
        var survey = await _admin.CreateSurveyAsync();
        var response = await _admin.PostOkAsync("/v1/responses", new { surveyId = survey, score = 2, comment = Comment, respondedAt = Now });
        Assert.Equal((Comment, false), (response.GetProperty("comment").GetString(), response.GetProperty("redacted").GetBoolean()));
        var batch = await _admin.PostBatchAsync("/v1/reviews/batch", [new { source = "g", rating = 1, title = Title, body = Body, publishedAt = Now }]);
        var reviewId = batch.GetProperty("results")[0].Id();
        var review = await factory.WithDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        Assert.Equal((Title, Body, false), (review.Title, review.Body, review.Redacted));

        var incident = await _admin.PostOkAsync("/v1/incidents",
            new { title = "Checkout errors", services = new[] { "checkout-web" }, severity = "sev2", impact = "partial", startedAt = Now });
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/v1/incidents/{incident.Id()}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { title = IncidentTitle }), MediaTypeHeaderValue.Parse("application/merge-patch+json")),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var patched = await _admin.SendAsync(patch);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var body = await patched.JsonAsync();
        Assert.Equal((IncidentTitle, false), (body.GetProperty("title").GetString(), body.GetProperty("redacted").GetBoolean()));
        var stored = await factory.WithDbAsync(db => db.Responses.AsNoTracking().SingleAsync(r => r.Id == response.Id()));
        Assert.Equal((Comment, false), (stored.Comment, stored.Redacted));
    }
}
