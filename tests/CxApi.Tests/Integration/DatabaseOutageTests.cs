using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration;

public sealed class DatabaseOutageTests
{
    [PostgresFact]
    public async Task WhenPostgreSqlIsDownReadyAndWritesAre503ProblemsAndTheServiceRecoversWithoutRestart()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer);
        await using var proxy = new TcpProxy(server.Host is "localhost" ? "127.0.0.1" : server.Host!, server.Port);
        var path = CxApiFactory.NewDatabasePath();
        var viaProxy = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString(path)) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 2 };
        try
        {
            using var factory = new CxApiFactory { DatabasePath = path, Settings = { ["ConnectionStrings:Cx"] = viaProxy.ToString() } };
            var client = factory.CreateClient();
            var survey = await client.CreateSurveyAsync("csat");
            var review = new { source = "outage", rating = 4, publishedAt = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-1)) };
            await client.PostOkAsync("/v1/reviews", review);

            proxy.Cut();

            var ready = await client.GetAsync("/health/ready");
            await ready.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            foreach (var (url, body) in new[] { ("/v1/reviews", (object)review), ("/v1/responses", new { surveyId = survey, score = 5, respondedAt = review.publishedAt }) })
            {
                var write = await client.PostAsJsonAsync(url, body);
                await write.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.NotNull(write.Headers.RetryAfter);
            }
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

            proxy.Restore();

            HttpStatusCode status = 0;
            for (var attempt = 0; attempt < 40 && status != HttpStatusCode.OK; attempt++)
            {
                status = (await client.GetAsync("/health/ready")).StatusCode;
                if (status != HttpStatusCode.OK) await Task.Delay(250);
            }
            Assert.Equal(HttpStatusCode.OK, status);
            await client.PostOkAsync("/v1/reviews", review);
            await client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, respondedAt = review.publishedAt });
            Assert.Equal(2, await factory.WithDbAsync(db => db.Reviews.CountAsync(r => r.Source == "outage")));
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    [PostgresFact]
    public async Task MetricQueriesReadFromTheConfiguredReplicaConnectionAndWritesDoNot()
    {
        // The "replica" is the same database behind a proxy: its values must match, and cutting it must
        // fail metric reads only, which shows they (and only they) use ConnectionStrings:CxMetrics.
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer);
        await using var proxy = new TcpProxy(server.Host is "localhost" ? "127.0.0.1" : server.Host!, server.Port);
        var path = CxApiFactory.NewDatabasePath();
        var replica = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString(path)) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 2 };
        try
        {
            using var factory = new CxApiFactory { DatabasePath = path, Settings = { ["ConnectionStrings:CxMetrics"] = replica.ToString() } };
            var client = factory.CreateClient();
            var survey = await client.CreateSurveyAsync("nps");
            var respondedAt = Api.Time(DateTimeOffset.UtcNow.AddMinutes(-5));
            foreach (var score in new[] { 10, 9, 3 })
                await client.PostOkAsync("/v1/responses", new { surveyId = survey, score, respondedAt });

            var nps = await client.GetFromJsonAsync<JsonElement>($"/v1/metrics/nps?surveyId={survey}");
            Assert.Equal(3, nps.GetProperty("responses").GetInt32());
            Assert.Equal(100.0 / 3, nps.GetProperty("value").GetDouble(), 6);

            proxy.Cut();
            var cut = await client.GetAsync($"/v1/metrics/nps?surveyId={survey}");
            await cut.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            await client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 8, respondedAt });
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

            proxy.Restore();
            var restored = await client.GetFromJsonAsync<JsonElement>($"/v1/metrics/nps?surveyId={survey}");
            Assert.Equal(4, restored.GetProperty("responses").GetInt32());
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }
}
