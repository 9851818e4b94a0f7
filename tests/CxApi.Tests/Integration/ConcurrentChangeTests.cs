using CxApi.Tests.Support;
using System.Net;

namespace CxApi.Tests.Integration;

/// <summary>Two requests changing the same record at the same moment: each gets an answer of the API's, never a 500.</summary>
public sealed class ConcurrentChangeTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private const int Rounds = 20;

    private static async Task<HttpStatusCode[]> AtOnceAsync(params Func<Task<HttpResponseMessage>>[] requests)
    {
        using var start = new Barrier(requests.Length);
        var responses = await Task.WhenAll(requests.Select(r => Task.Run(() =>
        {
            start.SignalAndWait();
            return r();
        })));
        return [.. responses.Select(r => r.StatusCode)];
    }

    [Fact]
    public async Task TwoDeletesOfOneRecordAreOne204AndOne404()
    {
        var client = factory.CreateClient();
        var survey = await client.CreateSurveyAsync("csat");
        for (var i = 0; i < Rounds; i++)
        {
            var id = (await client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 4, respondedAt = Api.Time(Api.Now) })).Id();
            var statuses = await AtOnceAsync(() => client.DeleteAsync($"/v1/responses/{id}"), () => client.DeleteAsync($"/v1/responses/{id}"));
            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NotFound], statuses.Order());
        }
    }

    [Fact]
    public async Task ADeleteRacingAPatchOfAnInteractionDeletesIt()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < Rounds; i++)
        {
            var id = (await client.PostOkAsync("/v1/interactions", new { channel = "chat", type = "support", openedAt = Api.Time(Api.Now), status = "open" })).Id();
            var statuses = await AtOnceAsync(
                () => client.DeleteAsync($"/v1/interactions/{id}"),
                () => client.PatchAsync($"/v1/interactions/{id}", new StringContent("""{ "team": "tier2" }""", System.Text.Encoding.UTF8, "application/merge-patch+json")));

            // The delete always wins in the end; the PATCH either came first (200) or found nothing (404).
            Assert.Equal(HttpStatusCode.NoContent, statuses[0]);
            Assert.Contains(statuses[1], new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/interactions/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task DeletingASurveyWhileAResponseArrivesIsEitherAConflictOrLeavesNoResponse()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < Rounds; i++)
        {
            var survey = await client.CreateSurveyAsync("nps");
            var statuses = await AtOnceAsync(
                () => client.DeleteAsync($"/v1/surveys/{survey}"),
                () => client.PostAsync("/v1/responses", System.Net.Http.Json.JsonContent.Create(new { surveyId = survey, score = 9, respondedAt = Api.Time(Api.Now) })));

            // Either the response was stored first (the delete is a 409 and the survey stays) or the survey went first
            // (the response is refused on surveyId: a 400 when validation saw it gone, a 409 when it vanished meanwhile).
            if (statuses[1] == HttpStatusCode.Created)
            {
                Assert.Equal(HttpStatusCode.Conflict, statuses[0]);
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/surveys/{survey}")).StatusCode);
            }
            else
            {
                Assert.Equal(HttpStatusCode.NoContent, statuses[0]);
                Assert.Contains(statuses[1], new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict });
            }
        }
    }
}
