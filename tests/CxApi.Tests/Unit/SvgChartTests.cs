using CxApi.Common;
using CxApi.Common.Charts;
using System.Xml.Linq;
using static CxApi.Tests.Support.SvgReading;

namespace CxApi.Tests.Unit;

public sealed class SvgChartTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    private static ChartPoint Day(int day, double? value, double? low = null, double? high = null, bool lowSample = false) =>
        new(Start.AddDays(day), Start.AddDays(day + 1), value, low, high, value is null ? 0 : 40, lowSample);

    private static Chart Chart(IReadOnlyList<ChartPoint> points, IReadOnlyList<ChartSpan>? incidents = null, IReadOnlyList<ChartTick>? deployments = null,
        TimeZoneInfo? zone = null, string title = "NPS per day") =>
        new(title, "NPS per day over ten days.", "NPS", Start, Start.AddDays(10), zone ?? TimeZoneInfo.Utc, [new ChartSeries(null, points)],
            incidents ?? [], deployments ?? []);

    private static XDocument Render(Chart chart, int width = 800, int height = 360) =>
        Parse(SvgChart.ToText(SvgChart.Render(chart, new ChartSize(width, height))));

    private static readonly ChartPoint[] TenDays =
    [
        Day(0, 10, 2, 18), Day(1, 25, 15, 35), Day(2, -5, -20, 10, lowSample: true), Day(3, 40, 31, 49), Day(4, 33, 25, 41),
        Day(5, 12, 0, 24), Day(6, 60, 52, 68), Day(7, 45, 30, 60, lowSample: true), Day(8, 20, 11, 29), Day(9, 28, 20, 36),
    ];

    [Fact]
    public void AChartIsWellFormedSvgWithTitleAndDescFirstAndNothingThatRunsOrLoads()
    {
        var doc = Render(Chart(TenDays, title: "NPS <per> day & \"more\""));

        var root = doc.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        var children = root.Elements().ToList();
        Assert.Equal(Svg + "title", children[0].Name);
        Assert.Equal("NPS <per> day & \"more\"", children[0].Value);
        Assert.Equal(Svg + "desc", children[1].Name);
        Assert.Equal("chart-title chart-desc", root.Attribute("aria-labelledby")!.Value);
        Assert.Equal("img", root.Attribute("role")!.Value);
        Assert.Equal("sans-serif", root.Attribute("font-family")!.Value);
        Assert.Equal(("800", "360"), (root.Attribute("width")!.Value, root.Attribute("height")!.Value));
        var all = root.DescendantsAndSelf().ToList();
        Assert.DoesNotContain(all, e => e.Name.LocalName is "script" or "style" or "foreignObject" or "image" or "use" or "a");
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes()), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)
            || a.Name.LocalName is "href" or "style" || a.Value.Contains("url(", StringComparison.Ordinal));
    }

    [Fact]
    public void PointsAndTheBandFollowOneValueScale()
    {
        var doc = Render(Chart(TenDays));

        var points = Points(doc);
        Assert.Equal(TenDays.Select(p => p.Value!.Value), points.Select(p => Number(p, "data-value")));
        Assert.Equal(TenDays.Select(p => p.Low!.Value), points.Select(p => Number(p, "data-low")));
        Assert.Equal(TenDays.Select(p => p.High!.Value), points.Select(p => Number(p, "data-high")));
        var y = ValueScale(points);
        Assert.True(y(60) < y(-5), "a higher value is drawn higher up");
        foreach (var point in points) Assert.Equal(y(Number(point, "data-value")), Number(point, "cy"), 0.02);

        // The band: the upper edge through each point's high at its x, then back along the lows.
        var band = Assert.Single(doc.Descendants(Svg + "path"), p => HasClass(p, "band"));
        var vertices = Vertices(band);
        Assert.Equal(2 * TenDays.Length, vertices.Count);
        for (var i = 0; i < TenDays.Length; i++)
        {
            var x = Number(points[i], "cx");
            Assert.Equal((x, y(TenDays[i].High!.Value)), (vertices[i].X, vertices[i].Y), Close);
            Assert.Equal((x, y(TenDays[i].Low!.Value)), (vertices[^(i + 1)].X, vertices[^(i + 1)].Y), Close);
        }
        // Points sit at the middle of their buckets, in time order.
        var xs = points.Select(p => Number(p, "cx")).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.All(xs.Zip(xs.Skip(1), (a, b) => b - a), gap => Assert.Equal(xs[1] - xs[0], gap, 0.02));
    }

    private static readonly IEqualityComparer<(double, double)> Close =
        EqualityComparer<(double, double)>.Create((a, b) => Math.Abs(a.Item1 - b.Item1) < 0.02 && Math.Abs(a.Item2 - b.Item2) < 0.02);

    [Fact]
    public void LowSamplePointsAreMarkedAndOnlyThem()
    {
        var doc = Render(Chart(TenDays));

        var marked = Points(doc).Select(p => HasClass(p, "low-sample")).ToList();
        Assert.Equal(TenDays.Select(p => p.LowSample), marked);
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "low sample (n < 30)");
        Assert.Contains("low sample", Points(doc)[2].Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyBucketBreaksTheLineAndTheBand()
    {
        ChartPoint[] points = [Day(0, 10, 5, 15), Day(1, 12, 6, 18), Day(2, null), Day(3, 20, 14, 26), Day(4, 22, 15, 29)];

        var doc = Render(Chart(points));

        Assert.Equal(4, Points(doc).Count);
        Assert.Equal(2, doc.Descendants(Svg + "path").Count(p => HasClass(p, "line")));
        Assert.Equal(2, doc.Descendants(Svg + "path").Count(p => HasClass(p, "band")));
    }

    [Fact]
    public void WithoutDataTheChartSaysSo()
    {
        var doc = Render(Chart([Day(0, null), Day(1, null)]));

        Assert.Empty(Points(doc));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "No data in this period");
    }

    [Fact]
    public void IncidentsAreShadedSpansAndDeploymentsTicksAtTheirTimes()
    {
        var incident = new ChartSpan(Start.AddDays(2), Start.AddDays(3), IncidentImpact.Outage, ["checkout"], "sev1 outage: <script>alert(1)</script>");
        var ongoing = new ChartSpan(Start.AddDays(8), null, IncidentImpact.Degraded, ["checkout"], "still going");
        var tick = new ChartTick(Start.AddDays(5), Failed: false, "Deployment of checkout 1.2.3");

        var doc = Render(Chart(TenDays, [incident, ongoing], [tick]));

        var axis = doc.Descendants(Svg + "g").Single(g => HasClass(g, "x-axis")).Element(Svg + "line")!;
        var (x0, x1) = (Number(axis, "x1"), Number(axis, "x2"));
        double X(double days) => x0 + days / 10 * (x1 - x0);
        var spans = doc.Descendants(Svg + "rect").Where(r => HasClass(r, "incident")).ToList();
        Assert.Equal(2, spans.Count);
        Assert.Equal(X(2), Number(spans[0], "x"), 0.02);
        Assert.Equal(X(3) - X(2), Number(spans[0], "width"), 0.02);
        Assert.Equal(X(10) - X(8), Number(spans[1], "width"), 0.02); // ongoing: to the end of the chart
        Assert.Equal("sev1 outage: <script>alert(1)</script>", spans[0].Element(Svg + "title")!.Value); // text, never markup
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName == "script");
        var deployment = Assert.Single(doc.Descendants(Svg + "line"), l => HasClass(l, "deployment"));
        Assert.Equal(X(5), Number(deployment, "x1"), 0.02);
        Assert.Equal(Number(axis, "y1"), Number(deployment, "y2"), 0.02); // a tick standing on the time axis
    }

    [Fact]
    public void OverlappingIncidentsAreShadedOnceInTheColourOfTheWorst()
    {
        ChartSpan[] incidents =
        [
            new(Start.AddDays(2.5), Start.AddDays(4), IncidentImpact.Degraded, ["search"], "slow search"),
            new(Start.AddDays(2), Start.AddDays(3), IncidentImpact.Outage, ["checkout"], "checkout down"),
            new(Start.AddDays(6), Start.AddDays(7), IncidentImpact.Degraded, ["search"], "slow again"),
        ];

        var doc = Render(Chart(TenDays, incidents));

        var axis = doc.Descendants(Svg + "g").Single(g => HasClass(g, "x-axis")).Element(Svg + "line")!;
        var (x0, x1) = (Number(axis, "x1"), Number(axis, "x2"));
        var spans = doc.Descendants(Svg + "rect").Where(r => HasClass(r, "incident")).ToList();
        Assert.Equal(2, spans.Count);
        Assert.Equal(x0 + 0.2 * (x1 - x0), Number(spans[0], "x"), 0.02);
        Assert.Equal(0.2 * (x1 - x0), Number(spans[0], "width"), 0.02); // day 2 to day 4
        Assert.Equal("checkout down\nslow search", spans[0].Element(Svg + "title")!.Value);
        Assert.NotEqual(spans[0].Attribute("fill")!.Value, spans[1].Attribute("fill")!.Value); // outage, degraded
    }

    [Fact]
    public void AxisLabelsAreInTheChartsTimeZone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 23:00 UTC is midnight in Berlin (winter time): the same instants are labelled a day later there.
        ChartPoint[] points = [.. Enumerable.Range(0, 3).Select(d => new ChartPoint(Start.AddHours(-1).AddDays(d), Start.AddHours(-1).AddDays(d + 1), 10 + d, null, null, 50, false))];
        Chart Of(TimeZoneInfo zone) => new("t", "d", "v", Start.AddHours(-1), Start.AddHours(-1).AddDays(3), zone, [new ChartSeries(null, points)], [], []);

        List<string> Labels(Chart chart) =>
            [.. Render(chart).Descendants(Svg + "g").Single(g => HasClass(g, "x-axis")).Elements(Svg + "text").Select(t => t.Value)];

        Assert.Equal(["2 Nov", "3 Nov", "4 Nov"], Labels(Of(berlin))[..3]);
        Assert.Equal(["1 Nov", "2 Nov", "3 Nov"], Labels(Of(TimeZoneInfo.Utc))[..3]);
        Assert.EndsWith("(Europe/Berlin)", Labels(Of(berlin))[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void EachSeriesHasItsOwnLineAndLegendEntry()
    {
        var chart = Chart(TenDays) with { Series = [new ChartSeries("email", TenDays), new ChartSeries("web", TenDays[..5])] };

        var doc = Render(chart);

        var series = doc.Descendants(Svg + "g").Where(g => HasClass(g, "series")).ToList();
        Assert.Equal(["email", "web"], series.Select(s => s.Attribute("data-key")!.Value));
        Assert.Equal([10, 5], series.Select(s => Points(s).Count));
        Assert.NotEqual(series[0].Element(Svg + "path")!.Attribute("fill")!.Value, series[1].Element(Svg + "path")!.Attribute("fill")!.Value);
        var legend = doc.Descendants(Svg + "g").Single(g => HasClass(g, "legend")).Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("email", legend);
        Assert.Contains("web", legend);
    }

    [Fact]
    public void TheSizeIsTheOneAskedFor()
    {
        var root = Render(Chart(TenDays), 400, 240).Root!;

        Assert.Equal("0 0 400 240", root.Attribute("viewBox")!.Value);
        Assert.All(Points(root), p => Assert.InRange(Number(p, "cx"), 0, 400));
        Assert.All(Points(root), p => Assert.InRange(Number(p, "cy"), 0, 240));
    }
}
