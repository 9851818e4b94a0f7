using CxApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CxApi.Tests.Integration;

/// <summary>
/// Figures kept over ended spans (a deployment's CX verdict, a service's activity profile): given again while nothing
/// they count has changed, counted again as soon as a write lands in their span, whichever instance wrote it. On
/// either provider.
/// </summary>
public sealed class SettledFiguresTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static DateTimeOffset Nov(int day, int hour) => new(2026, 11, day, hour, 0, 0, TimeSpan.Zero);
    private const string Period = "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";

    /// <summary>
    /// A deployment on a new service that finished on 3 November at 10:00, with CSAT 90 % satisfied in the days before
    /// and 85 % in the day after: 40 answers each side, noise, not a regression.
    /// </summary>
    private async Task<string> DeploymentWithNoiseAsync()
    {
        var service = await _client.CreateServiceAsync();
        await _client.DeployAsync(service, Nov(3, 10));
        await _client.PostCsatAsync(service, Nov(1, 0), Nov(3, 0), (5, 36), (2, 4));
        await _client.PostCsatAsync(service, Nov(3, 10), Nov(4, 10), (5, 34), (1, 6));
        return service;
    }

    /// <summary>The service's cxChangeFailureRate: deployments judged (after window with ≥ 30 responses) and regressions.</summary>
    private static async Task<(long N, long Failures)> CxChangeFailuresAsync(HttpClient client, string service)
    {
        var cx = (await client.GetOkAsync($"/v1/metrics/changes?service={service}&{Period}")).GetProperty("cxChangeFailureRate");
        return (cx.GetProperty("n").GetInt64(), cx.GetProperty("failures").GetInt64());
    }

    [Fact]
    public async Task AVerdictIsCountedAgainWhenALateAnswerLandsInItsWindow()
    {
        var service = await DeploymentWithNoiseAsync();
        Assert.Equal((1, 0), await CxChangeFailuresAsync(_client, service));

        // Answers that arrive late, dated inside the closed after window: 40 more dissatisfied make it a regression.
        await _client.PostCsatAsync(service, Nov(3, 11), Nov(4, 9), (1, 40));

        Assert.Equal((1, 1), await CxChangeFailuresAsync(_client, service));
    }

    [Fact]
    public async Task AKeptVerdictIsNotCountedAgainUntilAWriteTouchesItsSpan()
    {
        var service = await DeploymentWithNoiseAsync();
        Assert.Equal((1, 0), await CxChangeFailuresAsync(_client, service));

        // The service's response rollups removed behind the API's back (no counter moves): counted again, the deployment
        // would have no answers and no verdict. The kept verdict is given.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"DELETE FROM \"ResponseRollups\" WHERE \"Dimension\" = 'service' AND \"Value\" = {service}"));
        Assert.Equal((1, 0), await CxChangeFailuresAsync(_client, service));

        // A write on the service outside the verdict's 14 days leaves it kept …
        await _client.PostCsatAsync(service, Nov(25, 0), Nov(25, 1), (5, 1));
        Assert.Equal((1, 0), await CxChangeFailuresAsync(_client, service));

        // … one inside them has it counted again, from what the rollups now hold: no answers after the deployment.
        await _client.PostCsatAsync(service, Nov(2, 0), Nov(2, 1), (5, 1));
        Assert.Equal((0, 0), await CxChangeFailuresAsync(_client, service));
    }

    [Fact]
    public async Task AnotherInstancesWriteIsSeen()
    {
        var service = await DeploymentWithNoiseAsync();
        await using var other = new CxApiFactory { DatabasePath = factory.DatabasePath, KeepDatabase = true };
        var otherClient = other.CreateClient();
        Assert.Equal((1, 0), await CxChangeFailuresAsync(_client, service));
        Assert.Equal((1, 0), await CxChangeFailuresAsync(otherClient, service));

        await otherClient.PostCsatAsync(service, Nov(3, 11), Nov(4, 9), (1, 40));

        Assert.Equal((1, 1), await CxChangeFailuresAsync(_client, service));
    }

    [Fact]
    public async Task DeletedAnswersMoveAKeptVerdict()
    {
        var service = await DeploymentWithNoiseAsync();
        var survey = await _client.CreateSurveyAsync("csat");
        var late = await _client.PostBatchAsync("/v1/responses/batch", Enumerable.Range(0, 40).Select(i =>
            (object)new { surveyId = survey, score = 1, service, respondedAt = Api.Time(Nov(3, 11).AddMinutes(30 * i)) }));
        Assert.Equal((1, 1), await CxChangeFailuresAsync(_client, service));

        foreach (var answer in late.GetProperty("results").EnumerateArray())
            (await _client.DeleteAsync($"/v1/responses/{answer.Id()}")).EnsureSuccessStatusCode();

        Assert.Equal((1, 0), await CxChangeFailuresAsync(_client, service));
    }

    [Fact]
    public async Task AnActivityProfileFollowsALateAnswer()
    {
        var service = await _client.CreateServiceAsync();
        var day = new DateTimeOffset(2026, 11, 17, 0, 0, 0, TimeSpan.Zero); // a Tuesday
        await _client.PostIncidentAsync(service, day.AddHours(12), day.AddHours(13));
        var survey = await _client.CreateSurveyAsync("csat");
        async Task<double> WeightedAsync() => (await _client.GetOkAsync(
                $"/v1/metrics/availability?service={service}&from={Api.Time(day)}&to={Api.Time(day.AddDays(1))}"))
            .GetProperty("experienceWeightedAvailabilityPct").GetDouble();
        // Customers active only on Tuesdays 15:00–16:00 in the 28 days before: the outage hour weighs nothing.
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 4, service, respondedAt = Api.Time(day.AddDays(-7).AddHours(15)) });
        Assert.Equal(100, await WeightedAsync(), 9);

        // One more answer, late, in the outage's hour of the week two weeks before: half the activity is in it.
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 4, service, respondedAt = Api.Time(day.AddDays(-14).AddHours(12)) });
        Assert.Equal(50, await WeightedAsync(), 9);
    }

    [Fact]
    public async Task ARollupRebuildMovesTheCounterEveryFigureDependsOn()
    {
        static Task<long> EverythingAsync(CxApiFactory f) => f.WithDbAsync(db => db.Database
            .SqlQueryRaw<long>("SELECT COALESCE(MAX(\"Version\"), 0) AS \"Value\" FROM \"FigureVersions\" WHERE \"Service\" = ''").SingleAsync());
        var before = await EverythingAsync(factory);

        (await _client.PostAsync("/v1/admin/rollups/rebuild", null)).EnsureSuccessStatusCode();

        Assert.Equal(before + 1, await EverythingAsync(factory));
    }
}
