using CxApi.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// Driver analysis read back through the API equals an independent computation made here from what was posted.
/// Each test rates its own interactions on its own survey.
/// </summary>
public sealed class DriversTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
    private const string Window = "from=2026-09-01T00:00:00Z&to=2026-11-01T00:00:00Z";

    /// <summary>A rated interaction: its resolution time in minutes (null: still open) and the score it got.</summary>
    private sealed record Rated(double? ResolutionMinutes, int Score, string? Customer = null, string? Team = null,
        string Channel = "chat", double OpenedAfterMinutes = 0, string? Service = null);

    /// <summary>Posts the interactions and one response per interaction that names it.</summary>
    private async Task RateAsync(string survey, IReadOnlyList<Rated> rated)
    {
        var interactions = rated.Select((r, i) =>
        {
            var opened = T0.AddMinutes(r.OpenedAfterMinutes + i);
            return new
            {
                channel = r.Channel,
                type = "support",
                customerId = r.Customer,
                team = r.Team,
                service = r.Service,
                openedAt = Api.Time(opened),
                status = r.ResolutionMinutes is null ? "open" : "resolved",
                resolvedAt = r.ResolutionMinutes is { } m ? Api.Time(opened.AddMinutes(m)) : null,
            };
        }).ToList();
        var ids = await BatchIdsAsync("/v1/interactions/batch", interactions);
        var responses = rated.Select((r, i) => new
        {
            surveyId = survey,
            score = r.Score,
            interactionId = ids[i],
            channel = "email",
            respondedAt = Api.Time(T0.AddDays(2).AddMinutes(i)),
        }).ToList();
        await BatchIdsAsync("/v1/responses/batch", responses);
    }

    private async Task<List<string>> BatchIdsAsync<T>(string url, List<T> items)
    {
        var response = await _client.PostAsJsonAsync(url, new { items });
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && body.GetProperty("failed").GetInt32() == 0, $"{url}: {body}");
        return [.. body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];
    }

    private async Task PostUnlinkedAsync(string survey, params int[] scores)
    {
        foreach (var score in scores)
            await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score, respondedAt = Api.Time(T0.AddDays(3)) });
    }

    private static string BucketOf(double? minutes) => minutes switch
    {
        null => "unresolved",
        < 5 => "<5m",
        < 30 => "5m-30m",
        < 60 => "30m-1h",
        < 240 => "1h-4h",
        < 1440 => "4h-24h",
        _ => ">=24h",
    };

    private static List<JsonElement> Buckets(JsonElement body) => [.. body.GetProperty("buckets").EnumerateArray()];

    [Fact]
    public async Task EachResolutionTimeBucketsCsatAndCountEqualAnIndependentComputation()
    {
        var survey = await _client.CreateSurveyAsync("csat");
        var random = new Random(8);
        // Minutes per bucket and how many rated interactions each gets; faster resolution, happier customers.
        (double? Minutes, int Count, int Satisfied)[] plan = [(2, 35, 30), (10, 31, 22), (45, 8, 5), (120, 12, 6), (600, 5, 2), (2000, 30, 9), (null, 33, 4)];
        var rated = plan.SelectMany(p => Enumerable.Range(0, p.Count).Select(i =>
            new Rated(p.Minutes is { } m ? m + random.NextDouble() : null, i < p.Satisfied ? random.Next(4, 6) : random.Next(1, 4)))).ToList();
        await RateAsync(survey, rated);
        await PostUnlinkedAsync(survey, 5, 1, 4);

        var body = await _client.GetOkAsync($"/v1/metrics/drivers?metric=csat&factor=resolutionTime&surveyId={survey}&{Window}");

        Assert.Equal(("csat", "resolutionTime"), (body.GetProperty("metric").GetString(), body.GetProperty("factor").GetString()));
        Assert.Equal(rated.Count, body.GetProperty("linkedResponses").GetInt64());
        Assert.Equal(3, body.GetProperty("unlinkedResponses").GetInt64());
        var buckets = Buckets(body);
        Assert.Equal(["<5m", "5m-30m", "30m-1h", "1h-4h", "4h-24h", ">=24h", "unresolved"], buckets.Select(b => b.GetProperty("key").GetString()));
        var expected = rated.GroupBy(r => BucketOf(r.ResolutionMinutes)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var bucket in buckets)
        {
            var mine = expected[bucket.GetProperty("key").GetString()!];
            Assert.Equal(mine.Count, bucket.GetProperty("responses").GetInt64());
            Assert.Equal(100.0 * mine.Count(r => r.Score >= 4) / mine.Count, bucket.GetProperty("value").GetDouble(), 9);
            Assert.Equal(mine.Count < 30, bucket.GetProperty("lowSample").GetBoolean());
        }

        // Best and worst among the buckets of 30 or more, tested with the pooled two-proportion z-test.
        var large = expected.Where(e => e.Value.Count >= 30)
            .Select(e => (Key: e.Key, N: e.Value.Count, Satisfied: e.Value.Count(r => r.Score >= 4)))
            .OrderByDescending(e => (double)e.Satisfied / e.N).ToList();
        var (best, worst) = (large[0], large[^1]);
        var pooled = (double)(best.Satisfied + worst.Satisfied) / (best.N + worst.N);
        var z = ((double)best.Satisfied / best.N - (double)worst.Satisfied / worst.N) / Math.Sqrt(pooled * (1 - pooled) * (1.0 / best.N + 1.0 / worst.N));
        var overall = body.GetProperty("overall");
        Assert.Equal((best.Key, worst.Key), (overall.GetProperty("best").GetString(), overall.GetProperty("worst").GetString()));
        Assert.Equal(100.0 * ((double)best.Satisfied / best.N - (double)worst.Satisfied / worst.N), overall.GetProperty("spread").GetDouble(), 9);
        Assert.Equal(z, overall.GetProperty("z").GetDouble(), 9);
        Assert.Equal(z > 1.959964, overall.GetProperty("significant").GetBoolean());
        Assert.Equal(rated.Count(r => r.ResolutionMinutes is not null), body.GetProperty("overall").GetProperty("spearman").GetProperty("n").GetInt64());
        Assert.Contains("interactionId", body.GetProperty("definition").GetProperty("method").GetString());
    }

    [Fact]
    public async Task SpearmanOfResolutionTimeAndCsatEqualsTheHandComputedValueWithTies()
    {
        var survey = await _client.CreateSurveyAsync("csat");
        // Resolution minutes 10, 10, 60, 120, 300 (and one still open, left out) rated 5, 4, 4, 2, 3 (and 1).
        await RateAsync(survey, [new(10, 5), new(10, 4), new(60, 4), new(120, 2), new(300, 3), new(null, 1)]);

        var body = await _client.GetOkAsync($"/v1/metrics/drivers?metric=csat&factor=resolutionTime&surveyId={survey}&{Window}");

        // x ranks 1.5, 1.5, 3, 4, 5; y ranks 5, 3.5, 3.5, 1, 2; Σdxdy = −7.75, Σdx² = Σdy² = 9.5.
        var spearman = body.GetProperty("overall").GetProperty("spearman");
        Assert.Equal(-31.0 / 38, spearman.GetProperty("rho").GetDouble(), 12);
        Assert.Equal(5, spearman.GetProperty("n").GetInt64());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("overall").GetProperty("spread").ValueKind);
    }

    [Fact]
    public async Task ContactCountCountsTheCustomersInteractionsUpToTheRatedOne()
    {
        var survey = await _client.CreateSurveyAsync("csat");
        string a = $"c-{Guid.NewGuid():N}", b = $"c-{Guid.NewGuid():N}";
        await RateAsync(survey,
        [
            new(5, 5, a, "t1", "chat"), new(5, 3, a, "t2", "phone", 60), new(5, 1, a, null, "phone", 120),
            new(5, 4, b, "t1", "phone"), new(5, 5, null, "t2", "web"),
        ]);

        var contacts = await _client.GetOkAsync($"/v1/metrics/drivers?metric=csat&factor=contactCount&surveyId={survey}&{Window}");

        Assert.Equal([3L, 1L, 1L], Buckets(contacts).Select(x => x.GetProperty("responses").GetInt64()));
        Assert.Equal(["1", "2", "3+"], Buckets(contacts).Select(x => x.GetProperty("key").GetString()));
        Assert.Equal(0, Buckets(contacts)[2].GetProperty("value").GetDouble());
        // (count, score): (1, 5), (1, 4), (1, 5), (2, 3), (3, 1): x ranks 2, 2, 2, 4, 5; y ranks 4.5, 3, 4.5, 2, 1 → −8/√(8 · 9.5).
        Assert.Equal(-8 / Math.Sqrt(76), contacts.GetProperty("overall").GetProperty("spearman").GetProperty("rho").GetDouble(), 12);

        var teams = await _client.GetOkAsync($"/v1/metrics/drivers?metric=csat&factor=team&surveyId={survey}&{Window}");
        Assert.Equal(["t1", "t2", null], Buckets(teams).Select(x => x.GetProperty("key").GetString()));
        Assert.Equal([2L, 2L, 1L], Buckets(teams).Select(x => x.GetProperty("responses").GetInt64()));
        Assert.Equal(JsonValueKind.Null, teams.GetProperty("overall").GetProperty("spearman").ValueKind);

        // The interaction's channel, not the response's (every response came by email).
        var channels = await _client.GetOkAsync($"/v1/metrics/drivers?metric=csat&factor=channel&surveyId={survey}&{Window}");
        Assert.Equal(["chat", "phone", "web"], Buckets(channels).Select(x => x.GetProperty("key").GetString()));
        Assert.Equal([1L, 3L, 1L], Buckets(channels).Select(x => x.GetProperty("responses").GetInt64()));
        Assert.Equal(100.0 / 3, Buckets(channels)[1].GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public async Task EveryInteractionDimensionIsAFactorServiceIncluded()
    {
        var survey = await _client.CreateSurveyAsync("csat");
        await RateAsync(survey,
        [
            new(5, 5, Service: "checkout-web"), new(5, 1, Service: "checkout-web"), new(5, 4, Service: "mobile-app"),
            new(5, 2), new(5, 5, Service: "checkout-web"),
        ]);

        var services = await _client.GetOkAsync($"/v1/metrics/drivers?metric=csat&factor=service&surveyId={survey}&{Window}");

        Assert.Equal("service", services.GetProperty("factor").GetString());
        Assert.Equal(["checkout-web", "mobile-app", null], Buckets(services).Select(x => x.GetProperty("key").GetString()));
        Assert.Equal(["checkout-web", "mobile-app", "no service"], Buckets(services).Select(x => x.GetProperty("label").GetString()));
        Assert.Equal([3L, 1L, 1L], Buckets(services).Select(x => x.GetProperty("responses").GetInt64()));
        Assert.Equal(200.0 / 3, Buckets(services)[0].GetProperty("value").GetDouble(), 9);
        Assert.StartsWith("the rated interaction's service", services.GetProperty("definition").GetProperty("factor").GetString());
        Assert.Equal(JsonValueKind.Null, services.GetProperty("overall").GetProperty("spearman").ValueKind);
    }

    /// <summary>A linked response on <paramref name="service"/> (the interaction's <paramref name="interactionService"/>) answered at <paramref name="at"/>.</summary>
    private async Task AnswerAsync(string survey, string? service, DateTimeOffset at, int score, string? interactionService = null)
    {
        var interaction = await _client.PostOkAsync("/v1/interactions", new
        {
            channel = "chat",
            type = "support",
            service = interactionService,
            openedAt = Api.Time(at.AddHours(-1)),
            status = "open",
        });
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score, service, interactionId = interaction.Id(), respondedAt = Api.Time(at) });
    }

    private async Task IncidentAsync(string[] services, string impact, DateTimeOffset started, DateTimeOffset? resolved) =>
        await _client.PostOkAsync("/v1/incidents", new
        {
            title = $"{impact} of {string.Join(", ", services)}",
            services,
            severity = "sev2",
            impact,
            startedAt = Api.Time(started),
            resolvedAt = resolved is { } r ? Api.Time(r) : null,
        });

    [Fact]
    public async Task TheIncidentFactorPlacesEachResponseDuringAfterOrOutsideTheIncidentsOfItsService()
    {
        var survey = await _client.CreateSurveyAsync("csat");
        var d = new DateTimeOffset(2026, 10, 10, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid().ToString("N");
        string s = $"s-{id}", ongoing = $"o-{id}", maintained = $"m-{id}", twice = $"t-{id}", shared = $"x-{id}", early = $"e-{id}";
        await IncidentAsync([s], "outage", d.AddHours(10), d.AddHours(12));
        await IncidentAsync([ongoing], "partial", d, null);
        await IncidentAsync([maintained], "maintenance", d.AddHours(20), d.AddHours(22));
        await IncidentAsync([twice], "degraded", d, d.AddHours(5));
        await IncidentAsync([twice], "outage", d.AddHours(10), d.AddHours(11));
        await IncidentAsync(["other", shared], "outage", d.AddHours(1), d.AddHours(2));
        // Resolved an hour before the period starts: its 24 h after reach into it.
        var from = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
        await IncidentAsync([early], "outage", from.AddHours(-4), from.AddHours(-1));

        // during: at the start, a minute before the end, an ongoing one, the interaction's service, during beats after, one of two services
        await AnswerAsync(survey, s, d.AddHours(10), 5);
        await AnswerAsync(survey, s, d.AddHours(12).AddMinutes(-1), 4);
        await AnswerAsync(survey, ongoing, d.AddHours(40), 1);
        await AnswerAsync(survey, null, d.AddHours(11), 3, interactionService: s);
        await AnswerAsync(survey, twice, d.AddHours(10.5), 2);
        await AnswerAsync(survey, shared, d.AddHours(1.5), 4);
        // after: at the end, a minute before 24 h after, after one that ended before the period
        await AnswerAsync(survey, s, d.AddHours(12), 2);
        await AnswerAsync(survey, s, d.AddHours(36).AddMinutes(-1), 3);
        await AnswerAsync(survey, early, from.AddHours(1), 5);
        // neither: 24 h after exactly, during and after maintenance, before an ongoing one started, no service at all
        await AnswerAsync(survey, s, d.AddHours(36), 5);
        await AnswerAsync(survey, maintained, d.AddHours(21), 4);
        await AnswerAsync(survey, maintained, d.AddHours(23), 1);
        await AnswerAsync(survey, ongoing, d.AddHours(-1), 5);
        await AnswerAsync(survey, null, d.AddHours(11), 4);
        // Not linked to an interaction: counted as unlinked, in no bucket.
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 1, service = s, respondedAt = Api.Time(d.AddHours(11)) });

        var body = await _client.GetOkAsync($"/v1/metrics/drivers?metric=csat&factor=incident&surveyId={survey}&{Window}");

        Assert.Equal(["during", "after24h", "neither"], Buckets(body).Select(x => x.GetProperty("key").GetString()));
        Assert.Equal([6L, 3L, 5L], Buckets(body).Select(x => x.GetProperty("responses").GetInt64()));
        Assert.Equal(1, body.GetProperty("unlinkedResponses").GetInt64());
        // Satisfied (4–5): during 5, 4, 4 of 6; after 5 of 2, 3, 5; neither 5, 4, 5, 4 of 5.
        Assert.Equal([50, 100.0 / 3, 80], Buckets(body).Select(x => x.GetProperty("value").GetDouble()));
        // x = 2, 1, 0 rank 11.5, 7, 3; scores 1–5 rank 1.5, 3.5, 5.5, 8.5, 12.5: Σdxdy = −46.5, Σdx² = 198, Σdy² = 216.
        Assert.Equal(-46.5 / Math.Sqrt(198 * 216), body.GetProperty("overall").GetProperty("spearman").GetProperty("rho").GetDouble(), 12);
        Assert.Contains("Maintenance incidents do not count", body.GetProperty("definition").GetProperty("factor").GetString());
    }

    [Fact]
    public async Task AFactorWithNoLinkedResponsesReturnsEmptyBucketsNotAnError()
    {
        var survey = await _client.CreateSurveyAsync("nps");
        await PostUnlinkedAsync(survey, 10, 3);

        var times = await _client.GetOkAsync($"/v1/metrics/drivers?metric=nps&factor=firstResponseTime&surveyId={survey}&{Window}");
        Assert.Equal(0, times.GetProperty("linkedResponses").GetInt64());
        Assert.Equal(2, times.GetProperty("unlinkedResponses").GetInt64());
        Assert.Equal(7, Buckets(times).Count);
        Assert.All(Buckets(times), b => Assert.Equal(JsonValueKind.Null, b.GetProperty("value").ValueKind));
        Assert.Equal("unanswered", Buckets(times)[^1].GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, times.GetProperty("overall").GetProperty("spearman").GetProperty("rho").ValueKind);
        Assert.Equal(0, times.GetProperty("overall").GetProperty("spearman").GetProperty("n").GetInt64());

        var types = await _client.GetOkAsync($"/v1/metrics/drivers?metric=nps&factor=type&surveyId={survey}&{Window}");
        Assert.Empty(Buckets(types));
        Assert.False(types.GetProperty("overall").GetProperty("significant").GetBoolean());
    }

    [Theory]
    [InlineData("factor=escalated", "metric")]
    [InlineData("metric=sus&factor=escalated", "metric")]
    [InlineData("metric=nps&factor=waitTime", "factor")]
    [InlineData("metric=nps&factor=team&channel=pigeon", "channel[0]")]
    [InlineData("metric=nps&factor=team&source=g2", "source")]
    public async Task AnUnknownMetricFactorOrFilterIsAValidationProblem(string query, string field)
    {
        var response = await _client.GetAsync($"/v1/metrics/drivers?{query}");
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task TheDriverAndCustomerBodiesAreDocumentedWithExamples()
    {
        var doc = await _client.GetOkAsync("/swagger/v1/swagger.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");

        foreach (var (path, name) in new[] { ("/v1/metrics/drivers", "drivers"), ("/v1/customers/{customerId}/timeline", "timeline"), ("/v1/customers/at-risk", "at-risk") })
        {
            var reference = doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200")
                .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
            var schema = schemas.GetProperty(reference.Split('/')[^1]);
            Assert.True(schema.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.Object, $"{name}: no example");
        }
        var driverExample = schemas.GetProperty("DriverReport").GetProperty("example");
        Assert.Equal(7, driverExample.GetProperty("buckets").GetArrayLength());
        Assert.True(driverExample.GetProperty("overall").GetProperty("spearman").GetProperty("rho").GetDouble() < 0);
    }
}
