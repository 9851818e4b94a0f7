using CxApi.Tests.Support;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace CxApi.Tests.Integration;

/// <summary>Tests on real server processes: killed mid-ingest, and two at once on one database.</summary>
[Trait("Category", "Slow")]
public sealed class ProcessTests
{
    private static readonly string Past = Api.Time(DateTimeOffset.UtcNow.AddHours(-2));

    [Fact]
    public async Task EveryRecordAcknowledgedBeforeASigkillIsThereAfterRestartWithConsistentRollups()
    {
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            var acknowledged = new ConcurrentBag<(string Url, string Id)>();
            string survey;
            await using (var server = await ServerProcess.StartAsync(path))
            {
                survey = await server.Client().CreateSurveyAsync("csat");
                using var stop = new CancellationTokenSource();
                var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
                {
                    using var client = server.Client();
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        var (url, body) = (i % 4) switch
                        {
                            0 => ("/v1/reviews", (object)new { source = "crash", rating = 1 + i % 5, publishedAt = Past, externalId = $"w{w}-{i}" }),
                            1 => ("/v1/responses/batch", new { items = Enumerable.Range(0, 20).Select(k => new { surveyId = survey, score = 1 + k % 5, respondedAt = Past }) }),
                            _ => ("/v1/responses", new { surveyId = survey, score = 1 + i % 5, respondedAt = Past, externalId = $"w{w}-{i}" }),
                        };
                        try
                        {
                            var response = await client.PostAsJsonAsync(url, body);
                            if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add((url, (await response.JsonAsync()).Id()));
                            else if (response.StatusCode == HttpStatusCode.OK)
                                foreach (var item in (await response.JsonAsync()).GetProperty("results").EnumerateArray())
                                    acknowledged.Add(("/v1/responses", item.GetProperty("id").GetString()!));
                        }
                        catch (HttpRequestException) { return; } // the server is gone
                        catch (TaskCanceledException) { return; }
                    }
                })).ToList();

                while (acknowledged.Count < 600) await Task.Delay(20);
                server.Kill(); // SIGKILL while the writers are still going
                stop.Cancel();
                await Task.WhenAll(writers);
            }

            await using var restarted = await ServerProcess.StartAsync(path);
            var client2 = restarted.Client();
            var reviews = (await client2.ListAllAsync("/v1/reviews?source=crash", 1000)).Select(r => r.Id()).ToHashSet();
            var responses = (await client2.ListAllAsync($"/v1/responses?surveyId={survey}", 1000)).Select(r => r.Id()).ToHashSet();
            var lost = acknowledged.Where(a => !(a.Url == "/v1/reviews" ? reviews : responses).Contains(a.Id)).ToList();
            Assert.Empty(lost);
            Assert.True(acknowledged.Count >= 600);

            var check = await client2.GetOkAsync("/v1/admin/rollups/verify");
            Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
            var csat = await client2.GetOkAsync($"/v1/metrics/csat?surveyId={survey}&from=2020-01-01T00:00:00Z");
            Assert.Equal(responses.Count, csat.GetProperty("responses").GetInt64());
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    [PostgresFact]
    public async Task TwoInstancesOnOnePostgreSqlDatabaseGiveTheMetricsOfOne()
    {
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            await using var a = await ServerProcess.StartAsync(path);
            await using var b = await ServerProcess.StartAsync(path);
            var survey = await a.Client().CreateSurveyAsync("nps");
            var (partnerKey, _) = await CreateKeyAsync(a, "ingest", "twin");
            var outcomes = new ConcurrentBag<(HttpStatusCode Status, bool Replayed)>();

            // Every externalId and every Idempotency-Key is sent to both instances at the same time.
            await Parallel.ForEachAsync(Enumerable.Range(0, 150), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                var body = JsonContent.Create(new { surveyId = survey, score = i % 11, respondedAt = Past, externalId = $"twin-{i}", tags = i % 3 == 0 ? new[] { "vip" } : [] });
                await body.LoadIntoBufferAsync(CancellationToken.None);
                var sends = new[] { a, b }.Select(async server =>
                {
                    using var client = server.Client(partnerKey);
                    var request = new HttpRequestMessage(HttpMethod.Post, "/v1/responses") { Content = new ByteArrayContent(await body.ReadAsByteArrayAsync()) };
                    request.Content.Headers.ContentType = new("application/json");
                    if (i % 2 == 0) request.Headers.Add("Idempotency-Key", $"twin-key-{i}");
                    var response = await client.SendAsync(request);
                    outcomes.Add((response.StatusCode, response.Headers.Contains("Idempotent-Replayed")));
                });
                await Task.WhenAll(sends);
            });

            Assert.True(outcomes.All(o => o.Status is HttpStatusCode.Created or HttpStatusCode.Conflict),
                $"{string.Join(", ", outcomes.GroupBy(o => o.Status).Select(g => $"{g.Key}: {g.Count()}"))}\n{a.Output}\n{b.Output}");
            Assert.Equal(150, outcomes.Count(o => o.Status == HttpStatusCode.Created && !o.Replayed));

            var stored = await a.Client().ListAllAsync($"/v1/responses?surveyId={survey}", 1000);
            Assert.Equal(150, stored.Count);
            Assert.Equal(150, stored.Select(r => r.GetProperty("externalId").GetString()).Distinct().Count());

            var scores = stored.Select(r => r.GetProperty("score").GetInt32()).ToList();
            double n = scores.Count, expected = 100 * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / n;
            foreach (var server in new[] { a, b })
            {
                var nps = await server.Client().GetOkAsync($"/v1/metrics/nps?surveyId={survey}&from=2020-01-01T00:00:00Z");
                Assert.Equal(150, nps.GetProperty("responses").GetInt64());
                Assert.Equal(expected, nps.GetProperty("value").GetDouble(), 9);
                var vip = await server.Client().GetOkAsync($"/v1/metrics/nps?surveyId={survey}&tag=vip&from=2020-01-01T00:00:00Z");
                Assert.Equal(50, vip.GetProperty("responses").GetInt64());
            }
            var check = await b.Client().GetOkAsync("/v1/admin/rollups/verify");
            Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    private static async Task<(string Key, string Id)> CreateKeyAsync(ServerProcess server, string role, string partner)
    {
        var created = await server.Client().PostOkAsync("/v1/api-keys", new { name = partner, role, partner });
        return (created.GetProperty("key").GetString()!, created.Id());
    }
}
