using CxApi.Tests.Support;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;
using static CxApi.Tests.Support.SvgReading;

namespace CxApi.Tests.Integration.Charts;

/// <summary>Trends and availability as SVG charts, on either provider: negotiation, parameters, caching and the numbers drawn.</summary>
public sealed class ChartsTests(CxApiFactory factory) : IClassFixture<CxApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly string TenDays = $"from={Api.Time(Monday)}&to={Api.Time(Monday.AddDays(10))}";

    /// <summary>An NPS survey with answers on ten days: many on some, a few (low sample) on others, none on day 4.</summary>
    private async Task<string> NpsSurveyAsync(string? service = null)
    {
        var survey = await _client.CreateSurveyAsync("nps");
        var items = new List<object>();
        for (var day = 0; day < 10; day++)
        {
            if (day == 4) continue;
            var count = day % 3 == 0 ? 5 : 40;
            for (var i = 0; i < count; i++)
                items.Add(new { surveyId = survey, score = (i * (day + 3)) % 11, respondedAt = Api.Time(Monday.AddDays(day).AddHours(1 + i % 20)), service });
        }
        await _client.PostBatchAsync("/v1/responses/batch", items);
        return survey;
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        return await _client.SendAsync(request);
    }

    private async Task<XDocument> SvgAsync(string url, string? accept = null)
    {
        var response = await GetAsync(url, accept);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATrendAsSvgDrawsExactlyTheNumbersOfTheJsonTrend()
    {
        var survey = await NpsSurveyAsync();
        var url = $"/v1/metrics/nps/trend?surveyId={survey}&interval=day&{TenDays}";

        var json = await _client.GetOkAsync(url);
        var svg = await SvgAsync(url + "&format=svg");

        var expected = json.GetProperty("points").EnumerateArray().Where(p => p.GetProperty("value").ValueKind == JsonValueKind.Number).ToList();
        var drawn = Points(svg);
        Assert.Equal(9, expected.Count); // day 4 is empty: no point
        Assert.Equal(expected.Count, drawn.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].GetProperty("periodStart").GetDateTimeOffset(),
                DateTimeOffset.Parse(drawn[i].Attribute("data-start")!.Value, CultureInfo.InvariantCulture));
            Assert.Equal(expected[i].GetProperty("value").GetDouble(), Number(drawn[i], "data-value"));
            Assert.Equal(expected[i].GetProperty("ci95").GetProperty("low").GetDouble(), Number(drawn[i], "data-low"));
            Assert.Equal(expected[i].GetProperty("ci95").GetProperty("high").GetDouble(), Number(drawn[i], "data-high"));
            Assert.Equal(expected[i].GetProperty("lowSample").GetBoolean(), HasClass(drawn[i], "low-sample"));
        }
        Assert.Contains(drawn, p => HasClass(p, "low-sample"));
        Assert.Contains(drawn, p => !HasClass(p, "low-sample"));

        // Where the points sit and the band's edges follow the same scale as those numbers.
        var y = ValueScale(drawn);
        Assert.All(drawn, p => Assert.Equal(y(Number(p, "data-value")), Number(p, "cy"), 0.02));
        var bands = svg.Descendants(Svg + "path").Where(p => HasClass(p, "band")).ToList();
        Assert.Equal(2, bands.Count); // days 0–3 and 5–9, either side of the empty day
        var upper = bands.SelectMany(b => { var v = Vertices(b); return v.Take(v.Count / 2); }).ToList();
        Assert.Equal(drawn.Select(p => (Number(p, "cx"), y(Number(p, "data-high")))), upper, new Near());

        Assert.Equal("NPS per day", svg.Root!.Element(Svg + "title")!.Value[..11]);
        Assert.Contains("times in UTC", svg.Root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    private sealed class Near : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) a, (double, double) b) => Math.Abs(a.Item1 - b.Item1) < 0.02 && Math.Abs(a.Item2 - b.Item2) < 0.02;
        public int GetHashCode((double, double) obj) => 0;
    }

    [Fact]
    public async Task AcceptSelectsTheChartWhichHasItsOwnETagAndRevalidates()
    {
        var survey = await NpsSurveyAsync();
        var url = $"/v1/metrics/nps/trend?surveyId={survey}&interval=week&{TenDays}";

        var json = await GetAsync(url);
        var svg = await GetAsync(url, accept: "image/svg+xml");

        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", svg.Headers.Vary);
        Assert.True(svg.Headers.CacheControl is { Private: true, NoCache: true });
        Assert.NotNull(svg.Headers.ETag);
        Assert.NotEqual(json.Headers.ETag!.Tag, svg.Headers.ETag!.Tag);
        Parse(await svg.Content.ReadAsStringAsync());

        var again = await GetAsync(url, accept: "image/svg+xml", ifNoneMatch: svg.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        // The chart's tag is not the JSON's: a JSON copy revalidated with it is sent again.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url, ifNoneMatch: svg.Headers.ETag.Tag)).StatusCode);
        // format wins over Accept.
        var forced = await GetAsync(url + "&format=json", accept: "image/svg+xml");
        Assert.Equal("application/json", forced.Content.Headers.ContentType!.MediaType);
        // A browser's image Accept gets the chart; a plain one gets JSON.
        Assert.Equal("image/svg+xml", (await GetAsync(url, accept: "image/avif,image/webp,image/svg+xml,image/*,*/*;q=0.8")).Content.Headers.ContentType!.MediaType);
        Assert.Equal("application/json", (await GetAsync(url, accept: "*/*")).Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("format=png", "format")]
    [InlineData("format=svg&width=100", "width")]
    [InlineData("format=svg&width=5000", "width")]
    [InlineData("format=svg&height=10", "height")]
    [InlineData("format=svg&height=1601", "height")]
    public async Task ABadChartParameterIsAProblemNamingIt(string query, string field)
    {
        var response = await GetAsync($"/v1/metrics/csat/trend?{TenDays}&{query}");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task TheChartHasTheSizeAskedForAndEveryMetricTrendDrawsOne()
    {
        foreach (var metric in new[] { "nps", "csat", "ces", "sus", "rating", "reviews", "interactions" })
        {
            var svg = await SvgAsync($"/v1/metrics/{metric}/trend?interval=day&{TenDays}&format=svg&width=640&height=300");
            Assert.Equal("0 0 640 300", svg.Root!.Attribute("viewBox")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(svg.Root.Element(Svg + "desc")!.Value));
        }
    }

    [Fact]
    public async Task IncidentsAndDeploymentsOfTheFilteredServiceAreMarkedAndLabelsFollowTz()
    {
        var service = $"charts-{Guid.NewGuid():N}";
        var other = $"charts-other-{Guid.NewGuid():N}";
        foreach (var key in new[] { service, other }) await _client.PostOkAsync("/v1/services", new { key, name = key, tier = 1 });
        var survey = await NpsSurveyAsync(service);
        await _client.PostOkAsync("/v1/incidents", new
        {
            title = "Payments <down> & \"out\"",
            services = new[] { service },
            severity = "sev1",
            impact = "outage",
            startedAt = Api.Time(Monday.AddDays(3)),
            resolvedAt = Api.Time(Monday.AddDays(3).AddHours(6)),
        });
        await _client.PostOkAsync("/v1/incidents", new
        {
            title = "Elsewhere",
            services = new[] { other },
            severity = "sev2",
            impact = "partial",
            startedAt = Api.Time(Monday.AddDays(5)),
        });
        await _client.PostOkAsync("/v1/deployments", new { service, version = "1.2.3", finishedAt = Api.Time(Monday.AddDays(6)), result = "success" });
        await _client.PostOkAsync("/v1/deployments", new { service = other, version = "9.9.9", finishedAt = Api.Time(Monday.AddDays(7)), result = "success" });

        var svg = await SvgAsync($"/v1/metrics/nps/trend?surveyId={survey}&service={service}&interval=day&tz=Europe/Berlin&{TenDays}&format=svg");

        var incident = Assert.Single(svg.Descendants(Svg + "rect"), r => HasClass(r, "incident"));
        Assert.StartsWith("sev1 outage: Payments <down> & \"out\"", incident.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        var deployment = Assert.Single(svg.Descendants(Svg + "line"), l => HasClass(l, "deployment"));
        Assert.Contains("1.2.3", deployment.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        // Berlin days: the first bucket starts at local midnight of 2 November (23:00 UTC on the 1st) and is labelled so.
        var axis = svg.Descendants(Svg + "g").Single(g => HasClass(g, "x-axis")).Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal("2 Nov", axis[0]);
        Assert.Contains("(Europe/Berlin)", axis[^1], StringComparison.Ordinal);

        // Without the service filter, both services' incidents and deployments are drawn.
        var all = await SvgAsync($"/v1/metrics/nps/trend?interval=day&{TenDays}&format=svg");
        Assert.True(all.Descendants(Svg + "rect").Count(r => HasClass(r, "incident")) >= 2);
        Assert.True(all.Descendants(Svg + "line").Count(l => HasClass(l, "deployment")) >= 2);
    }

    [Fact]
    public async Task AvailabilityAsSvgIsADailyLineOfTheSameCalculatorWithTheIncidentShaded()
    {
        var service = $"charts-av-{Guid.NewGuid():N}";
        await _client.PostOkAsync("/v1/services", new { key = service, name = service, tier = 1 });
        await _client.PostOkAsync("/v1/incidents", new
        {
            title = "Six hours down",
            services = new[] { service },
            severity = "sev1",
            impact = "outage",
            startedAt = Api.Time(Monday.AddDays(1).AddHours(6)),
            resolvedAt = Api.Time(Monday.AddDays(1).AddHours(12)),
        });
        var url = $"/v1/metrics/availability?service={service}&from={Api.Time(Monday)}&to={Api.Time(Monday.AddDays(3))}";

        var json = await _client.GetOkAsync(url);
        var svg = await SvgAsync(url + "&format=svg");

        Assert.Equal([100.0, 75.0, 100.0], Points(svg).Select(p => Number(p, "data-value")));
        Assert.Single(svg.Descendants(Svg + "rect"), r => HasClass(r, "incident"));
        Assert.Contains($"{json.GetProperty("availabilityPct").GetDouble().ToString("0.###", CultureInfo.InvariantCulture)} % available",
            svg.Root!.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        // Availability is counted, not sampled: no band, no low-sample marks.
        Assert.DoesNotContain(svg.Descendants(Svg + "path"), p => HasClass(p, "band"));

        // In Berlin the three UTC days are four local days (the first and last partial).
        var berlin = await SvgAsync(url + "&tz=Europe/Berlin", accept: "image/svg+xml");
        Assert.Equal(4, Points(berlin).Count);
        await (await GetAsync(url + "&format=svg&tz=Mars/Olympus")).AssertProblemAsync(HttpStatusCode.BadRequest, "tz");
    }

    [Fact]
    public async Task TheOverviewPageIsServedAtTheRootWithAStrictContentSecurityPolicy()
    {
        var anonymous = factory.CreateClient(apiKey: null);

        var page = await anonymous.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var csp = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob: data:", "frame-ancestors 'none'" })
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/overview.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script"));
        var script = await anonymous.GetAsync("/overview.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("sessionStorage", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/overview.css")).StatusCode);
        // Swagger UI is still where it was.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task AChartAnswerCarriesAPolicyThatLetsNothingRun()
    {
        var response = await GetAsync($"/v1/metrics/csat/trend?{TenDays}&format=svg");

        Assert.Equal("default-src 'none'; frame-ancestors 'none'", string.Join(" ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", string.Join(" ", response.Headers.GetValues("X-Content-Type-Options")));
    }
}
