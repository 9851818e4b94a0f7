using CxApi.Tests.Support;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CxApi.Tests.Integration;

/// <summary>
/// Metrics read back through the API equal an independent computation made here from what was posted.
/// Each test works on its own survey (or source) so that tests sharing the database stay apart.
/// </summary>
public sealed class MetricsTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private const double Z = 1.959964;
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly DateTimeOffset T0 = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Window = "from=2026-09-01T00:00:00Z&to=2026-11-01T00:00:00Z";

    private async Task<string> PostScoresAsync(string kind, IEnumerable<int> scores, Func<int, object>? extra = null)
    {
        var survey = await _client.CreateSurveyAsync(kind);
        var i = 0;
        foreach (var score in scores)
        {
            var index = i++;
            var body = new Dictionary<string, object?>
            {
                ["surveyId"] = survey,
                ["score"] = score,
                ["respondedAt"] = Api.Time(T0.AddMinutes(index)),
            };
            if (extra?.Invoke(index) is { } more)
                foreach (var p in more.GetType().GetProperties()) body[p.Name] = p.GetValue(more);
            await _client.PostOkAsync("/v1/responses", body);
        }
        return survey;
    }

    private static void Near(double expected, JsonElement actual, int digits = 9) => Assert.Equal(expected, actual.GetDouble(), digits);

    [Theory]
    [InlineData("/v1/metrics/nps?source=g2", "source")]
    [InlineData("/v1/metrics/nps?chanel=email", "chanel")]
    [InlineData("/v1/metrics/reviews?team=t1", "team")]
    [InlineData("/v1/metrics/csat/trend?interval=week&sla=3600", "sla")]
    [InlineData("/v1/metrics/summary?bogus=1", "bogus")]
    public async Task AQueryParameterTheMetricDoesNotTakeIsAProblemNamingIt(string url, string parameter)
    {
        var problem = await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, parameter);
        Assert.Contains("is not a parameter of this endpoint", problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Theory]
    [InlineData("/v1/metrics/reviews?priorWeight=1,5", "priorWeight")]
    [InlineData("/v1/metrics/reviews?priorMean=3,5", "priorMean")]
    [InlineData("/v1/metrics/interactions?slaSeconds=3,600", "slaSeconds")]
    public async Task ADecimalCommaIsAProblemNotAThousandsSeparator(string url, string parameter)
    {
        // Binding alone would read 1,5 as 15 and answer with figures for a prior nobody asked for.
        var problem = await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, parameter);
        Assert.Contains("1.5, not 1,5", problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
        await _client.GetOkAsync(url.Replace(',', '.'));
    }

    [Fact]
    public async Task TheParametersAMetricTakesAreAcceptedInAnyCase()
    {
        await _client.GetOkAsync("/v1/metrics/nps?Channel=email&GROUPBY=channel&from=2026-01-01T00:00:00Z");
        await _client.GetOkAsync("/v1/metrics/interactions?slaSeconds=60&team=t1");
        await _client.GetOkAsync("/v1/metrics/nps/trend?interval=month&tz=Europe/Berlin");
    }

    [Fact]
    public async Task NpsEqualsAnIndependentComputationWithItsWaldMargin()
    {
        var random = new Random(42);
        var scores = Enumerable.Range(0, 137).Select(_ => random.Next(0, 11)).ToList();
        var survey = await PostScoresAsync("nps", scores);

        var nps = await _client.GetOkAsync($"/v1/metrics/nps?surveyId={survey}&{Window}");

        double n = scores.Count, p = scores.Count(s => s >= 9) / n, d = scores.Count(s => s <= 6) / n;
        var se = 100 * Math.Sqrt(((p + d) - (p - d) * (p - d)) / n);
        Assert.Equal(137, nps.GetProperty("responses").GetInt64());
        Near(100 * (p - d), nps.GetProperty("value"));
        Near(Z * se, nps.GetProperty("marginOfError95"));
        Near(100 * (p - d) - Z * se, nps.GetProperty("ci95").GetProperty("low"));
        Assert.Equal(scores.Count(s => s is 7 or 8), nps.GetProperty("passives").GetInt64());
        Assert.False(nps.GetProperty("lowSample").GetBoolean());
        Assert.Equal("nps", nps.GetProperty("metric").GetString());
        Assert.Contains("Wald", nps.GetProperty("definition").GetProperty("method").GetString());
    }

    [Fact]
    public async Task CsatCesAndRatingEqualIndependentComputations()
    {
        var random = new Random(7);
        var csatScores = Enumerable.Range(0, 60).Select(_ => random.Next(1, 6)).ToList();
        var cesScores = Enumerable.Range(0, 45).Select(_ => random.Next(1, 8)).ToList();
        var ratingScores = Enumerable.Range(0, 12).Select(_ => random.Next(1, 6)).ToList();
        var csatSurvey = await PostScoresAsync("csat", csatScores);
        var cesSurvey = await PostScoresAsync("ces", cesScores);
        var ratingSurvey = await PostScoresAsync("rating", ratingScores);

        var csat = await _client.GetOkAsync($"/v1/metrics/csat?surveyId={csatSurvey}&{Window}");
        var satisfied = csatScores.Count(s => s >= 4);
        double share = satisfied / 60.0, z2 = Z * Z;
        var center = (share + z2 / 120) / (1 + z2 / 60);
        var half = Z * Math.Sqrt(share * (1 - share) / 60 + z2 / (4 * 3600.0)) / (1 + z2 / 60);
        Near(100.0 * satisfied / 60, csat.GetProperty("value"));
        Near(100 * (center - half), csat.GetProperty("ci95").GetProperty("low"));
        Near(100 * (center + half), csat.GetProperty("ci95").GetProperty("high"));
        Near(csatScores.Average(), csat.GetProperty("average"));
        for (var s = 1; s <= 5; s++)
            Assert.Equal(csatScores.Count(x => x == s), csat.GetProperty("distribution").GetProperty($"{s}").GetInt64());

        foreach (var (metric, survey, scores) in new[] { ("ces", cesSurvey, cesScores), ("rating", ratingSurvey, ratingScores) })
        {
            var body = await _client.GetOkAsync($"/v1/metrics/{metric}?surveyId={survey}&{Window}");
            var mean = scores.Average();
            var sd = Math.Sqrt(scores.Sum(x => (x - mean) * (x - mean)) / (scores.Count - 1));
            Near(mean, body.GetProperty("value"));
            Near(mean - Z * sd / Math.Sqrt(scores.Count), body.GetProperty("ci95").GetProperty("low"));
            Near(mean + Z * sd / Math.Sqrt(scores.Count), body.GetProperty("ci95").GetProperty("high"));
            Assert.Equal(scores.Count < 30, body.GetProperty("lowSample").GetBoolean());
        }
        var ces = await _client.GetOkAsync($"/v1/metrics/ces?surveyId={cesSurvey}&{Window}");
        Near(100.0 * cesScores.Count(s => s >= 5) / cesScores.Count, ces.GetProperty("easyPct"));
    }

    [Fact]
    public async Task NothingMatchingGivesANullValueNotZero()
    {
        var survey = await _client.CreateSurveyAsync("nps");
        foreach (var metric in new[] { "nps", "csat", "ces", "sus", "rating" })
        {
            var body = await _client.GetOkAsync($"/v1/metrics/{metric}?surveyId={survey}&{Window}");
            Assert.Equal(JsonValueKind.Null, body.GetProperty("value").ValueKind);
            Assert.Equal(0, body.GetProperty("responses").GetInt64());
        }
        var reviews = await _client.GetOkAsync($"/v1/metrics/reviews?source=nobody&{Window}");
        Assert.Equal(JsonValueKind.Null, reviews.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, reviews.GetProperty("bayesianAverage").ValueKind);
        var interactions = await _client.GetOkAsync($"/v1/metrics/interactions?team=nobody&{Window}");
        Assert.Equal(JsonValueKind.Null, interactions.GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task FiltersCombineTwoChannelsWithOneRegion()
    {
        var channels = new[] { "email", "chat", "phone" };
        var regions = new[] { "emea", "apac" };
        var rows = Enumerable.Range(0, 36).Select(i => (Score: i % 11, Channel: channels[i % 3], Region: regions[i / 3 % 2])).ToList();
        var survey = await PostScoresAsync("nps", rows.Select(r => r.Score), i => new { channel = rows[i].Channel, region = rows[i].Region });

        var body = await _client.GetOkAsync($"/v1/metrics/nps?surveyId={survey}&channel=email&channel=chat&region=emea&{Window}");

        var expected = rows.Where(r => r.Channel is "email" or "chat" && r.Region == "emea").ToList();
        Assert.Equal(expected.Count, body.GetProperty("responses").GetInt64());
        Assert.Equal(expected.Count(r => r.Score >= 9), body.GetProperty("promoters").GetInt64());
        Assert.Equal(expected.Count(r => r.Score <= 6), body.GetProperty("detractors").GetInt64());
        Assert.Equal(["chat", "email"], body.GetProperty("filters").GetProperty("channel").EnumerateArray().Select(c => c.GetString()).Order());
    }

    [Fact]
    public async Task GroupByChannelSumsBackToTheUngroupedCounts()
    {
        var channels = new[] { "email", "chat", "web" };
        var rows = Enumerable.Range(0, 40).Select(i => (Score: 1 + i % 5, Channel: i % 7 == 0 ? null : channels[i % 3])).ToList();
        var survey = await PostScoresAsync("csat", rows.Select(r => r.Score), i => new { channel = rows[i].Channel });

        var body = await _client.GetOkAsync($"/v1/metrics/csat?surveyId={survey}&groupBy=channel&{Window}");

        var groups = body.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(body.GetProperty("responses").GetInt64(), groups.Sum(g => g.GetProperty("responses").GetInt64()));
        Assert.Equal(body.GetProperty("satisfied").GetInt64(), groups.Sum(g => g.GetProperty("satisfied").GetInt64()));
        for (var s = 1; s <= 5; s++)
            Assert.Equal(body.GetProperty("distribution").GetProperty($"{s}").GetInt64(),
                groups.Sum(g => g.GetProperty("distribution").GetProperty($"{s}").GetInt64()));
        Assert.Equal(["chat", "email", "web", null], groups.Select(g => g.GetProperty("key").GetString()));
        var email = groups.Single(g => g.GetProperty("key").GetString() == "email");
        Assert.Equal(rows.Count(r => r.Channel == "email"), email.GetProperty("responses").GetInt64());
    }

    [Fact]
    public async Task ABerlinTrendPutsA2330ResponseOnTheRightDayAcrossTheAutumnDstChange()
    {
        var survey = await _client.CreateSurveyAsync("csat");
        // 2026-10-25 is the last Sunday of October; its day in Berlin lasts 25 hours.
        foreach (var (time, score) in new[]
                 {
                     ("2026-10-24T23:30:00+02:00", 5), // Saturday, still summer time (21:30Z)
                     ("2026-10-25T23:30:00+01:00", 1), // Sunday evening, winter time (22:30Z): still Sunday
                     ("2026-10-25T02:30:00+01:00", 4), // the repeated hour after the change
                     ("2026-10-26T00:30:00+01:00", 2), // Monday
                 })
            await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score, respondedAt = time });

        var trend = await _client.GetOkAsync(
            $"/v1/metrics/csat/trend?surveyId={survey}&interval=day&tz=Europe/Berlin&from=2026-10-24T00:00:00%2B02:00&to=2026-10-27T00:00:00%2B01:00");

        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(["2026-10-24T00:00:00+02:00", "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00"],
            points.Select(p => p.GetProperty("periodStart").GetString()));
        Assert.Equal("2026-10-26T00:00:00+01:00", points[1].GetProperty("periodEnd").GetString());
        Assert.Equal([1L, 2L, 1L], points.Select(p => p.GetProperty("responses").GetInt64()));
        Assert.Equal(1, points[1].GetProperty("distribution").GetProperty("1").GetInt64());
        Assert.Equal(1, points[1].GetProperty("distribution").GetProperty("4").GetInt64());
        Assert.Equal("Europe/Berlin", trend.GetProperty("tz").GetString());
        Assert.All(points, p => Assert.False(p.GetProperty("partial").GetBoolean()));
    }

    [Fact]
    public async Task EveryBucketIsPresentAndEmptyOnesHaveNullValues()
    {
        var survey = await PostScoresAsync("nps", [10, 9, 0]); // all on 2026-10-01
        var trend = await _client.GetOkAsync($"/v1/metrics/nps/trend?surveyId={survey}&interval=week&from=2026-09-14T00:00:00Z&to=2026-10-12T00:00:00Z");

        var points = trend.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(4, points.Count);
        Assert.Equal([0L, 0L, 3L, 0L], points.Select(p => p.GetProperty("responses").GetInt64()));
        Assert.Equal(JsonValueKind.Null, points[0].GetProperty("value").ValueKind);
        Near(100.0 / 3, points[2].GetProperty("value"));
        Assert.Equal("2026-09-28T00:00:00Z", points[2].GetProperty("periodStart").GetString());
    }

    [Fact]
    public async Task TrendGroupByGivesOneSeriesPerKey()
    {
        var survey = await PostScoresAsync("rating", [5, 4, 3, 2], i => new { region = i < 2 ? "emea" : "apac" });
        var trend = await _client.GetOkAsync($"/v1/metrics/rating/trend?surveyId={survey}&groupBy=region&interval=month&{Window}");

        var series = trend.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["apac", "emea"], series.Select(s => s.GetProperty("key").GetString()));
        Near(2.5, series[0].GetProperty("points")[1].GetProperty("value"));
        Near(4.5, series[1].GetProperty("points")[1].GetProperty("value"));
        Near(3.5, trend.GetProperty("points")[1].GetProperty("value"));
    }

    [Theory]
    [InlineData("/v1/metrics/nps/trend?tz=Mars/Olympus", "tz")]
    [InlineData("/v1/metrics/nps/trend?interval=fortnight", "interval")]
    [InlineData("/v1/metrics/nps/trend?interval=day&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "interval")]
    [InlineData("/v1/metrics/nps?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("/v1/metrics/nps?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    [InlineData("/v1/metrics/nps?from=2026-01-01", "from")]
    [InlineData("/v1/metrics/nps?groupBy=source", "groupBy")]
    [InlineData("/v1/metrics/nps?channel=fax", "channel[0]")]
    [InlineData("/v1/metrics/reviews?priorWeight=-1", "priorWeight")]
    [InlineData("/v1/metrics/interactions?slaSeconds=0", "slaSeconds")]
    public async Task BadMetricQueriesAreProblems(string url, string field) =>
        await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task ADailyTrendOfExactlyAThousandDaysIsAllowed()
    {
        var trend = await _client.GetOkAsync("/v1/metrics/ces/trend?interval=day&from=2020-01-01T00:00:00Z&to=2022-09-27T00:00:00Z");
        Assert.Equal(1000, trend.GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task TheOlistReviewsGiveTheCountDistributionAverageAndBayesianAverageOfTheCsv()
    {
        var olist = TestData.OlistReviews();
        var source = $"olist-{Guid.NewGuid():N}";
        foreach (var r in olist)
            await _client.PostOkAsync("/v1/reviews", new { source, rating = r.Score, publishedAt = r.AnsweredAt.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture) });

        var body = await _client.GetOkAsync($"/v1/metrics/reviews?source={source}&from=2016-01-01T00:00:00Z&to=2019-01-01T00:00:00Z");

        var n = olist.Count;
        double sum = olist.Sum(r => r.Score);
        Assert.Equal(932, body.GetProperty("count").GetInt64());
        for (var s = 1; s <= 5; s++)
            Assert.Equal(olist.Count(r => r.Score == s), body.GetProperty("distribution").GetProperty($"{s}").GetInt64());
        Near(sum / n, body.GetProperty("average"));
        Near((7 * 3.5 + sum) / (7 + n), body.GetProperty("bayesianAverage"));
        Near(100.0 * olist.Count(r => r.Score >= 4) / n, body.GetProperty("positivePct"));
        Near(100.0 * olist.Count(r => r.Score <= 2) / n, body.GetProperty("negativePct"));

        var custom = await _client.GetOkAsync($"/v1/metrics/reviews?source={source}&priorMean=3&priorWeight=100&from=2016-01-01T00:00:00Z&to=2019-01-01T00:00:00Z");
        Near((100 * 3 + sum) / (100 + n), custom.GetProperty("bayesianAverage"));
    }

    [Fact]
    public async Task TheRealSusDataSetsGiveTheMeanSusOfTheCsv()
    {
        var labels = new Dictionary<string, int>
        {
            ["Strongly disagree"] = 1,
            ["Somewhat disagree"] = 2,
            ["Neither agree nor disagree"] = 3,
            ["Somewhat agree"] = 4,
            ["Strongly agree"] = 5,
        };
        var tars = Csv.Read(TestData.PathOf("sus_tars_vr_queue.csv")).Skip(1)
            .Select(row => row.Skip(1).Take(10).Select(label => labels[label.Trim()]).ToArray()).ToList();
        var agile = Csv.Read(TestData.PathOf("sus_agile_dm_evaluation.csv"))
            .Select(row => row.Take(10).Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(30, tars.Count);
        Assert.Equal(8, agile.Count);

        foreach (var set in new[] { tars, agile })
        {
            var survey = await _client.CreateSurveyAsync("sus");
            for (var i = 0; i < set.Count; i++)
                await _client.PostOkAsync("/v1/responses", new { surveyId = survey, answers = set[i], respondedAt = Api.Time(T0.AddMinutes(i)) });

            var body = await _client.GetOkAsync($"/v1/metrics/sus?surveyId={survey}&{Window}");

            // Brooke's scoring, written out independently of the server's code.
            var scores = set.Select(a => 2.5 * (a[0] - 1 + (5 - a[1]) + a[2] - 1 + (5 - a[3]) + a[4] - 1 + (5 - a[5]) + a[6] - 1 + (5 - a[7]) + a[8] - 1 + (5 - a[9]))).ToList();
            Near(scores.Average(), body.GetProperty("value"));
            Assert.Equal(set.Count, body.GetProperty("responses").GetInt64());
            var mean = scores.Average();
            var sd = Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / (scores.Count - 1));
            Near(mean + Z * sd / Math.Sqrt(scores.Count), body.GetProperty("ci95").GetProperty("high"));
            Assert.False(string.IsNullOrEmpty(body.GetProperty("grade").GetString()));
        }
    }

    [Fact]
    public async Task InteractionMetricsMatchTheirDefinitions()
    {
        var team = $"team-{Guid.NewGuid():N}";
        var opened = new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
        // first response after 60·(i+1) s; interactions 0–11 resolved after 2 h, 12–14 open, 15 abandoned without a response
        var rows = new List<(double? Frt, double? Resolution, string Status, int Contacts, bool Escalated)>();
        for (var i = 0; i < 16; i++)
        {
            double? frt = i == 15 ? null : 60.0 * (i + 1);
            double? res = i < 12 ? 7200 : null;
            var status = i < 12 ? "resolved" : i == 15 ? "abandoned" : "open";
            rows.Add((frt, res, status, i % 4 == 0 ? 2 : 1, i % 5 == 0));
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var at = opened.AddMinutes(i);
            await _client.PostOkAsync("/v1/interactions", new
            {
                channel = "chat",
                type = "support",
                team,
                status = r.Status,
                contactCount = r.Contacts,
                escalated = r.Escalated,
                openedAt = Api.Time(at),
                firstResponseAt = r.Frt is { } f ? Api.Time(at.AddSeconds(f)) : null,
                resolvedAt = r.Resolution is { } s ? Api.Time(at.AddSeconds(s)) : null,
            });
        }

        var body = await _client.GetOkAsync($"/v1/metrics/interactions?team={team}&slaSeconds=300&{Window}");

        var frts = rows.Where(r => r.Frt is not null).Select(r => r.Frt!.Value).Order().ToList();
        Assert.Equal(16, body.GetProperty("count").GetInt64());
        Near(100.0 * frts.Count(f => f <= 300) / frts.Count, body.GetProperty("slaAttainment"));
        Near(100.0 * rows.Count(r => r.Status == "resolved" && r.Contacts == 1) / 12, body.GetProperty("fcrRate"));
        Near(100.0 * rows.Count(r => r.Escalated) / 16, body.GetProperty("escalationRate"));
        Near(100.0 / 16, body.GetProperty("abandonmentRate"));
        var first = body.GetProperty("firstResponse");
        Near(frts.Average(), first.GetProperty("mean"), 6);
        var median = frts[(int)Math.Ceiling(0.5 * frts.Count) - 1];
        var p90 = frts[(int)Math.Ceiling(0.9 * frts.Count) - 1];
        Assert.InRange(first.GetProperty("median").GetDouble(), median * 0.99, median * 1.01);
        Assert.InRange(first.GetProperty("p90").GetDouble(), p90 * 0.99, p90 * 1.01);
        Assert.InRange(body.GetProperty("resolution").GetProperty("median").GetDouble(), 7200 * 0.99, 7200 * 1.01);
        Assert.Contains("1 %", body.GetProperty("definition").GetProperty("method").GetString());
    }

    [Fact]
    public async Task TheSummaryComparesWithThePreviousPeriodAndFlagsSignificance()
    {
        var survey = await _client.CreateSurveyAsync("nps");
        // previous period (September): 40 detractors; current (October): 40 promoters
        for (var i = 0; i < 40; i++)
        {
            await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 2, respondedAt = Api.Time(new DateTimeOffset(2026, 9, 10, 0, 0, 0, TimeSpan.Zero).AddMinutes(i)) });
            await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 10, respondedAt = Api.Time(new DateTimeOffset(2026, 10, 10, 0, 0, 0, TimeSpan.Zero).AddMinutes(i)) });
        }

        var summary = await _client.GetOkAsync($"/v1/metrics/summary?surveyId={survey}&from=2026-10-01T00:00:00Z&to=2026-10-31T00:00:00Z");

        Assert.Equal("2026-09-01T00:00:00Z", summary.GetProperty("previousFrom").GetString());
        var nps = summary.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "nps");
        Near(100, nps.GetProperty("value"));
        Near(-100, nps.GetProperty("previousValue"));
        Near(200, nps.GetProperty("delta"));
        Assert.True(nps.GetProperty("significant").GetBoolean());
        Assert.Equal(40, nps.GetProperty("n").GetInt64());
        var csat = summary.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "csat");
        Assert.False(csat.GetProperty("significant").GetBoolean());
        Assert.Equal(JsonValueKind.Null, csat.GetProperty("value").ValueKind);
        Assert.Contains("reviews: has no surveyId dimension", summary.GetProperty("omitted").EnumerateArray().Select(o => o.GetString()));
    }
}
