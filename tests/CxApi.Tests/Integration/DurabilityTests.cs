using CxApi.Infrastructure.Entities;
using CxApi.Tests.Support;
using System.Collections.Concurrent;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration;

public sealed class DurabilityTests
{
    [Fact]
    public async Task SixteenConcurrentClientsWritingOverAThousandRecordsLoseNothingAndSeeNo5xx()
    {
        using var factory = new CxApiFactory();
        var setup = factory.CreateClient();
        var survey = await setup.CreateSurveyAsync("csat");
        const int clients = 16, perClient = 64;
        var created = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var client = factory.CreateClient();
            for (var i = 0; i < perClient; i++)
            {
                // Three kinds of write interleave: responses, interactions and reviews.
                var (url, body) = (i % 3) switch
                {
                    0 => ("/v1/responses", (object)new { surveyId = survey, score = 1 + i % 5, respondedAt = Api.Time(Api.Now.AddSeconds(-i)), externalId = $"c{c}-{i}" }),
                    1 => ("/v1/interactions", new { channel = "chat", type = "support", openedAt = Api.Time(Api.Now.AddSeconds(-i)), status = "open", externalId = $"c{c}-{i}" }),
                    _ => ("/v1/reviews", new { source = "load", rating = 1 + i % 5, publishedAt = Api.Time(Api.Now.AddSeconds(-i)), externalId = $"c{c}-{i}" }),
                };
                var response = await client.PostAsJsonAsync(url, body);
                if ((int)response.StatusCode == 201) created.Add((await response.JsonAsync()).Id());
                else failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        })));

        Assert.Empty(failures);
        Assert.Equal(clients * perClient, created.Count);
        var stored = (await setup.ListAllAsync($"/v1/responses?surveyId={survey}", 1000))
            .Concat(await setup.ListAllAsync("/v1/interactions", 1000))
            .Concat(await setup.ListAllAsync("/v1/reviews?source=load", 1000))
            .Select(r => r.Id()).ToHashSet();
        Assert.Equal(created.ToHashSet(), stored);
    }

    [Fact]
    public async Task DataSurvivesStoppingAndStartingTheServerOnTheSameFile()
    {
        var path = CxApiFactory.NewDatabasePath();
        string surveyId, responseId, interactionId, reviewId;
        try
        {
            using (var first = new CxApiFactory { DatabasePath = path, KeepDatabase = true })
            {
                var client = first.CreateClient();
                surveyId = await client.CreateSurveyAsync("sus");
                responseId = (await client.PostOkAsync("/v1/responses", new { surveyId, answers = new[] { 5, 1, 5, 1, 5, 1, 5, 1, 5, 1 }, respondedAt = Api.Time(Api.Now) })).Id();
                interactionId = (await client.PostOkAsync("/v1/interactions", new { channel = "phone", type = "support", openedAt = Api.Time(Api.Now), status = "open" })).Id();
                reviewId = (await client.PostOkAsync("/v1/reviews", new { source = "g", rating = 5, publishedAt = Api.Time(Api.Now) })).Id();
            }

            if (!TestDatabase.IsPostgres) Assert.True(File.Exists(path));
            using var second = new CxApiFactory { DatabasePath = path };
            var again = second.CreateClient();
            Assert.Equal("sus", (await again.GetOkAsync($"/v1/surveys/{surveyId}")).GetProperty("kind").GetString());
            Assert.Equal(100, (await again.GetOkAsync($"/v1/responses/{responseId}")).GetProperty("susScore").GetDouble());
            Assert.Equal("phone", (await again.GetOkAsync($"/v1/interactions/{interactionId}")).GetProperty("channel").GetString());
            Assert.Equal(5, (await again.GetOkAsync($"/v1/reviews/{reviewId}")).GetProperty("rating").GetInt32());
            Assert.Equal(1, await second.CountAsync<ResponseEntity>());
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }
}
