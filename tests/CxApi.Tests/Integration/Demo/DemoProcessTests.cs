using CxApi.Tests.Support;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxApi.Tests.Integration.Demo;

/// <summary>
/// <c>dotnet CxApi.dll --demo</c> as a user runs it, on a fresh database with no configured key: it loads, prints the admin
/// key, serves every metric, impact and scorecard read with data and the README's first requests; a second <c>--demo</c>
/// on the same database exits non-zero before serving.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class DemoProcessTests
{
    [GeneratedRegex(@"cx_live_[A-Za-z0-9]+")]
    private static partial Regex PrintedKey();

    private static readonly string[] SurveyMetrics = ["nps", "csat", "ces", "sus", "rating"];

    private static readonly string?[] TierOne = ["checkout-web", "mobile-app", "payments-api"];

    [Fact]
    public async Task DemoFillsAFreshDatabaseAndServesEveryReadWithDataThenASecondDemoIsRefused()
    {
        var path = CxApiFactory.NewDatabasePath();
        try
        {
            // --demo before --urls: the host alone would read that as the setting demo=--urls and lose the URL.
            await using (var server = await ServerProcess.StartAsync(path, new Dictionary<string, string> { ["Auth__BootstrapAdminKey"] = "" },
                             ["--demo", "--demo-size", "2000"]))
            {
                Assert.Contains("Loading demo data: 100 %", server.Output);
                var key = PrintedKey().Match(server.Output).Value;
                Assert.False(string.IsNullOrEmpty(key), server.Output);
                var client = server.Client(key);
                await ReadmeFirstRequestsAsync(client);
                await EveryReadAnswersWithDataAsync(client);
            }

            var (exitCode, output) = await ServerProcess.RunToExitAsync(path, ["--demo"], TimeSpan.FromSeconds(90));
            Assert.NotEqual(0, exitCode);
            Assert.Contains("--demo refused: the database is not empty", output);
            Assert.DoesNotContain("Now listening", output);
        }
        finally
        {
            CxApiFactory.DeleteDatabase(path);
        }
    }

    /// <summary>README "A first request", with the printed key: define a survey, answer it, list and measure.</summary>
    private static async Task ReadmeFirstRequestsAsync(HttpClient client)
    {
        var survey = (await client.PostOkAsync("/v1/surveys", new { name = "Support NPS", kind = "nps" })).Id();
        await client.PostOkAsync("/v1/responses", new
        {
            surveyId = survey,
            score = 9,
            comment = "Great support",
            channel = "email",
            respondedAt = Api.Time(DateTimeOffset.UtcNow.AddHours(-1)),
            externalId = "partner-77-resp-1",
        });
        Assert.NotEmpty((await client.GetOkAsync("/v1/responses?channel=email&limit=50")).GetProperty("items").EnumerateArray());
        Assert.True((await client.GetOkAsync("/v1/metrics/nps")).GetProperty("responses").GetInt64() > 1);
    }

    private static async Task EveryReadAnswersWithDataAsync(HttpClient client)
    {
        foreach (var metric in SurveyMetrics)
        {
            Assert.True((await client.GetOkAsync($"/v1/metrics/{metric}")).GetProperty("responses").GetInt64() > 0, metric);
            Assert.Contains((await client.GetOkAsync($"/v1/metrics/{metric}/trend?interval=week")).GetProperty("points").EnumerateArray(),
                p => p.GetProperty("responses").GetInt64() > 0);
        }
        foreach (var metric in new[] { "reviews", "interactions" })
        {
            Assert.True((await client.GetOkAsync($"/v1/metrics/{metric}")).GetProperty("count").GetInt64() > 0, metric);
            Assert.Contains((await client.GetOkAsync($"/v1/metrics/{metric}/trend?interval=week")).GetProperty("points").EnumerateArray(),
                p => p.GetProperty("count").GetInt64() > 0);
        }
        Assert.All((await client.GetOkAsync("/v1/metrics/summary")).GetProperty("metrics").EnumerateArray(),
            m => Assert.Equal(JsonValueKind.Number, m.GetProperty("value").ValueKind));
        Assert.True((await client.GetOkAsync("/v1/metrics/drivers?metric=csat&factor=firstResponseTime")).GetProperty("linkedResponses").GetInt64() > 0);
        Assert.True((await client.GetOkAsync("/v1/metrics/availability?from=" + Api.Time(DateTimeOffset.UtcNow.AddDays(-90))))
            .GetProperty("availabilityPct").GetDouble() < 100);
        Assert.True((await client.GetOkAsync("/v1/metrics/changes")).GetProperty("deployments").GetInt64() > 0);
        Assert.Equal(8, (await client.GetOkAsync("/v1/services/scorecard")).GetProperty("rows").GetArrayLength());
        Assert.NotEmpty((await client.GetOkAsync("/v1/customers/at-risk")).GetProperty("items").EnumerateArray());

        // Every incident and deployment has an impact; on the busy tier-1 services (most of the traffic) one with contacts in it.
        var incidents = await client.ListAllAsync("/v1/incidents", 1000);
        Assert.True(incidents.Count >= 3);
        foreach (var incident in incidents)
        {
            var impact = await client.GetOkAsync($"/v1/incidents/{incident.Id()}/impact");
            if (incident.GetProperty("services").EnumerateArray().Any(s => TierOne.Contains(s.GetString())))
                Assert.True(impact.GetProperty("baseline").GetProperty("contacts").GetProperty("n").GetInt64() > 0, impact.ToString());
        }
        var deployments = await client.ListAllAsync("/v1/deployments", 1000);
        Assert.True(deployments.Count >= 100);
        foreach (var deployment in deployments.Where((_, i) => i % 5 == 0))
        {
            var impact = await client.GetOkAsync($"/v1/deployments/{deployment.Id()}/impact");
            var service = deployment.GetProperty("service").GetString()!;
            var instant = await client.GetOkAsync($"/v1/metrics/impact?service={service}&at={Uri.EscapeDataString(deployment.GetProperty("finishedAt").GetString()!)}");
            // A deployment in the demo's first week has a "before" window that starts before its data does.
            var finished = DateTimeOffset.Parse(deployment.GetProperty("finishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            if (!TierOne.Contains(service) || finished < DateTimeOffset.UtcNow.AddDays(-90 + 8)) continue;
            Assert.True(impact.GetProperty("before").GetProperty("contacts").GetProperty("n").GetInt64() > 0, impact.ToString());
            Assert.True(instant.GetProperty("before").GetProperty("contacts").GetProperty("n").GetInt64() > 0, instant.ToString());
        }
        var check = await client.GetOkAsync("/v1/admin/rollups/verify");
        Assert.True(check.GetProperty("consistent").GetBoolean(), check.ToString());
    }
}
