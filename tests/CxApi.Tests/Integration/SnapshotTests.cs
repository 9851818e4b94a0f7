using CxApi.Tests.Support;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace CxApi.Tests.Integration;

/// <summary>
/// What clients see, held against checked-in files: the OpenAPI document, and the metric bodies (JSON and CSV) for a
/// fixed data set. A refactoring must leave both exactly as they are; a change on purpose updates the files.
/// </summary>
public sealed class SnapshotTests
{
    [Fact]
    public async Task TheOpenApiDocumentIsTheCheckedInOne()
    {
        using var factory = new CxApiFactory();
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        Snapshot.Match("openapi.json", document);
    }

    [Fact]
    public async Task MetricBodiesForAFixedDataSetAreTheCheckedInOnes()
    {
        using var factory = new CxApiFactory();
        var client = factory.CreateClient();
        await SeedAsync(client);

        const string period = "from=2026-09-28T00:00:00Z&to=2026-10-26T00:00:00Z";
        var bodies = new JsonObject();
        foreach (var (metric, dimension) in new[]
                 {
                     ("nps", "channel"), ("csat", "tag"), ("ces", "product"), ("sus", "region"), ("rating", "channel"),
                     ("reviews", "source"), ("interactions", "team"),
                 })
        {
            foreach (var url in new[]
                     {
                         $"/v1/metrics/{metric}?{period}",
                         $"/v1/metrics/{metric}?{period}&groupBy={dimension}",
                         $"/v1/metrics/{metric}/trend?{period}&interval=week&tz=Europe/Berlin",
                         $"/v1/metrics/{metric}/trend?{period}&interval=month&groupBy={dimension}",
                     })
                bodies[url] = JsonNode.Parse(await client.GetStringAsync(url));
            var csv = new HttpRequestMessage(HttpMethod.Get, $"/v1/metrics/{metric}?{period}&groupBy={dimension}");
            csv.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
            bodies[$"{csv.RequestUri} (text/csv)"] = await (await client.SendAsync(csv)).Content.ReadAsStringAsync();
        }
        bodies["/v1/metrics/summary"] = JsonNode.Parse(await client.GetStringAsync($"/v1/metrics/summary?{period}"));
        bodies["/v1/metrics/interactions?slaSeconds=600"] = JsonNode.Parse(await client.GetStringAsync($"/v1/metrics/interactions?{period}&slaSeconds=600"));
        bodies["/v1/metrics/reviews?priorMean=4&priorWeight=5"] = JsonNode.Parse(await client.GetStringAsync($"/v1/metrics/reviews?{period}&priorMean=4&priorWeight=5"));
        Snapshot.Match("metric-bodies.json", bodies);
    }

    /// <summary>Records at fixed times in October 2026 with every dimension varied (no ids reach the bodies).</summary>
    private static async Task SeedAsync(HttpClient client)
    {
        var start = new DateTimeOffset(2026, 9, 28, 6, 30, 0, TimeSpan.Zero);
        string[] channels = ["email", "chat", "web"], products = ["app", "web", "kiosk"], regions = ["emea", "amer"], teams = ["tier1", "tier2"];
        foreach (var kind in new[] { "nps", "csat", "ces", "sus", "rating" })
        {
            var survey = await client.CreateSurveyAsync(kind);
            var (min, max) = kind switch { "nps" => (0, 10), "ces" => (1, 7), _ => (1, 5) };
            await StoreAllAsync(client, "/v1/responses/batch", Enumerable.Range(0, 90).Select(i => (object)new
            {
                surveyId = survey,
                score = kind == "sus" ? (int?)null : min + (i * 7 + i / 5) % (max - min + 1),
                answers = kind == "sus" ? Enumerable.Range(0, 10).Select(q => 1 + (i + q * 3) % 5).ToArray() : null,
                channel = channels[i % 3],
                product = i % 4 == 0 ? null : products[i % 3],
                region = regions[i % 2],
                tags = i % 3 == 0 ? new[] { "onboarding", "billing" } : i % 3 == 1 ? new[] { "billing" } : [],
                respondedAt = Api.Time(start.AddHours(i * 7.5)),
            }));
        }
        await StoreAllAsync(client, "/v1/reviews/batch", Enumerable.Range(0, 60).Select(i => (object)new
        {
            source = i % 3 == 0 ? "g2" : "trustpilot",
            rating = 1 + (i * 3 + i / 4) % 5,
            product = products[i % 3],
            region = regions[i % 2],
            publishedAt = Api.Time(start.AddHours(i * 11)),
        }));
        await StoreAllAsync(client, "/v1/interactions/batch", Enumerable.Range(0, 80).Select(i =>
        {
            var opened = start.AddHours(i * 8.25);
            var resolved = i % 4 != 3;
            return (object)new
            {
                channel = channels[i % 3],
                type = i % 5 == 0 ? "sales" : "support",
                status = resolved ? "resolved" : i % 8 == 3 ? "abandoned" : "open",
                openedAt = Api.Time(opened),
                firstResponseAt = i % 6 == 5 ? null : Api.Time(opened.AddSeconds(60 + i * i * 13)),
                resolvedAt = resolved ? Api.Time(opened.AddSeconds(900 + i * 1711)) : null,
                contactCount = 1 + i % 3,
                escalated = i % 7 == 0,
                product = products[i % 3],
                region = regions[i % 2],
                team = teams[i % 2],
                tags = i % 2 == 0 ? new[] { "vip" } : [],
            };
        }));
    }

    private static async Task StoreAllAsync(HttpClient client, string url, IEnumerable<object> items)
    {
        var result = await client.PostBatchAsync(url, items);
        Assert.True(result.GetProperty("failed").GetInt32() == 0, result.ToString());
    }
}
