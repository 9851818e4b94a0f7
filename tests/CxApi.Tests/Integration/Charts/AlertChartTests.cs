using CxApi.Tests.Support;
using System.Net;
using System.Web;
using static CxApi.Tests.Support.SvgReading;

namespace CxApi.Tests.Integration.Charts;

/// <summary>An alert event's <c>chartUrl</c>: the chart of the rule's metric and filters over the evaluated window.</summary>
public sealed class AlertChartTests : IDisposable
{
    // The clock stands still, so only the test's own evaluation pass runs; the answers of two hours before it fall on one
    // UTC day whatever the time the test runs (at 01:00, with a clock at the real time, they spanned two).
    private readonly CxApiFactory _factory = new() { Clock = CxApiFactory.FakeClockAtYesterdayNoon() };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AFiredAlertLinksToTheChartOfItsMetricOverItsWindow()
    {
        var client = _factory.CreateClient();
        var now = _factory.Clock!.GetUtcNow();
        var survey = await client.CreateSurveyAsync("csat");
        for (var i = 0; i < 12; i++)
            await client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 1, respondedAt = Api.Time(now.AddHours(-2).AddMinutes(i)) });
        await client.PostOkAsync("/v1/alert-rules", new
        {
            name = "CSAT below 50",
            metric = "csat",
            filters = new { surveyId = new[] { survey } },
            window = "P1D",
            condition = new { below = 50 },
            minResponses = 10,
        });

        var evaluation = await client.PostAsync("/v1/alert-rules/evaluate", null);
        var alert = (await evaluation.JsonAsync()).GetProperty("events")[0];

        var chartUrl = alert.GetProperty("chartUrl").GetString()!;
        var uri = new Uri(new Uri("http://x"), chartUrl);
        Assert.Equal("/v1/metrics/csat/trend", uri.AbsolutePath);
        var query = HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal(survey, query["surveyId"]);
        Assert.Equal("svg", query["format"]);
        Assert.Equal("day", query["interval"]);
        Assert.Equal(alert.GetProperty("from").GetDateTimeOffset(), DateTimeOffset.Parse(query["from"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(alert.GetProperty("to").GetDateTimeOffset(), DateTimeOffset.Parse(query["to"]!, System.Globalization.CultureInfo.InvariantCulture));

        var chart = await client.GetAsync(chartUrl);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        var point = Assert.Single(Points(Parse(await chart.Content.ReadAsStringAsync())));
        Assert.Equal(alert.GetProperty("value").GetDouble(), Number(point, "data-value"));

        // The listed event carries the same link.
        var listed = await client.GetOkAsync("/v1/alerts");
        Assert.Equal(chartUrl, listed.GetProperty("items")[0].GetProperty("chartUrl").GetString());
    }
}
