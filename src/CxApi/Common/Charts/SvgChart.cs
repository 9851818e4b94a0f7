using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace CxApi.Common.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> as a self-contained SVG: no script, no style sheet, no external font (the generic
/// <c>sans-serif</c> family), presentation attributes only, so it can be embedded in a page, an e-mail or a chat
/// message. Built as an <see cref="XDocument"/>, so any text from the data (service names, incident titles) is escaped.
/// Each point carries its numbers (<c>data-value</c>, <c>data-low</c>, <c>data-high</c>) next to its position.
/// </summary>
public static class SvgChart
{
    public const string MediaType = "image/svg+xml";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly string[] Palette = ["#0969da", "#8250df", "#1a7f37", "#bc4c00", "#bf3989", "#0a7ea4", "#6e7781", "#953800"];
    private const string Ink = "#24292f";
    private const string Muted = "#57606a";
    private const string Grid = "#d8dee4";
    private const int Left = 64, Right = 20, Top = 36, Bottom = 72;

    public static XDocument Render(Chart chart, ChartSize size)
    {
        var (width, height) = (size.Width, size.Height);
        var plot = new Plot(Left, width - Right, Top, height - Bottom, chart.From, chart.To, YDomain(chart));
        var root = new XElement(Svg + "svg",
            new XAttribute("width", width), new XAttribute("height", height), new XAttribute("viewBox", $"0 0 {width} {height}"),
            new XAttribute("role", "img"), new XAttribute("aria-labelledby", "chart-title chart-desc"),
            new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", 11),
            new XElement(Svg + "title", new XAttribute("id", "chart-title"), chart.Title),
            new XElement(Svg + "desc", new XAttribute("id", "chart-desc"), chart.Description),
            new XElement(Svg + "rect", new XAttribute("width", width), new XAttribute("height", height), new XAttribute("fill", "#ffffff")),
            Text(Left, 22, chart.Title, Ink, size: 14, weight: "bold"),
            Incidents(chart, plot),
            YAxis(chart, plot),
            XAxis(chart, plot),
            Deployments(chart, plot));
        for (var i = 0; i < chart.Series.Count; i++) root.Add(Series(chart.Series[i], Palette[i % Palette.Length], plot, chart.Zone));
        if (!chart.Series.Any(s => s.Points.Any(p => p.Value is not null)))
            root.Add(Text((plot.X0 + plot.X1) / 2, (plot.Y0 + plot.Y1) / 2, "No data in this period", Muted, anchor: "middle", size: 13));
        root.Add(Legend(chart, height - 12));
        return new XDocument(root);
    }

    /// <summary>The SVG as UTF-8 text with an XML declaration.</summary>
    public static string ToText(XDocument document)
    {
        var builder = new StringBuilder();
        using (var writer = new Utf8StringWriter(builder)) document.Save(writer, SaveOptions.DisableFormatting);
        return builder.ToString();
    }

    /// <summary>Pixel positions of the plot area and the scales that map time and value onto it.</summary>
    private sealed record Plot(double X0, double X1, double Y0, double Y1, DateTimeOffset From, DateTimeOffset To, (double Min, double Max, double Step) Y)
    {
        public double X(DateTimeOffset t)
        {
            var span = (To - From).TotalSeconds;
            var at = span <= 0 ? 0 : Math.Clamp((t - From).TotalSeconds / span, 0, 1);
            return X0 + at * (X1 - X0);
        }

        public double YOf(double value) => Y1 - (value - Y.Min) / (Y.Max - Y.Min) * (Y1 - Y0);
    }

    /// <summary>A value range with round ticks that holds every value and interval bound.</summary>
    private static (double Min, double Max, double Step) YDomain(Chart chart)
    {
        var numbers = chart.Series.SelectMany(s => s.Points).SelectMany(p => new[] { p.Value, p.Low, p.High })
            .OfType<double>().Where(double.IsFinite).ToList();
        if (numbers.Count == 0) return (0, 1, 0.2);
        var (min, max) = (numbers.Min(), numbers.Max());
        if (max - min < 1e-9) (min, max) = (min - Math.Max(1, Math.Abs(min) * 0.05), max + Math.Max(1, Math.Abs(max) * 0.05));
        var step = NiceStep((max - min) / 5);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }

    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    /// <summary>
    /// Incidents that overlap are drawn as one span (coloured by the worst impact among them, every title in its tooltip),
    /// so that a busy period is shaded once rather than darkened by each incident on top of the other.
    /// </summary>
    private static XElement Incidents(Chart chart, Plot plot)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "incidents"));
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End, IncidentImpact Worst, List<string> Labels)>();
        foreach (var span in chart.Incidents.OrderBy(i => i.Start))
        {
            var end = span.End ?? chart.To;
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                var last = merged[^1];
                last.Labels.Add(span.Label);
                merged[^1] = (last.Start, end > last.End ? end : last.End, Worse(last.Worst, span.Impact), last.Labels);
            }
            else merged.Add((span.Start, end, span.Impact, [span.Label]));
        }
        foreach (var (start, end, worst, labels) in merged)
        {
            var (x0, x1) = (plot.X(start), plot.X(end));
            var title = labels.Count <= 5 ? string.Join("\n", labels) : string.Join("\n", labels.Take(5)) + $"\nand {labels.Count - 5} more";
            group.Add(new XElement(Svg + "rect", new XAttribute("class", "incident"),
                new XAttribute("x", N(x0)), new XAttribute("y", N(plot.Y0)), new XAttribute("width", N(Math.Max(1.5, x1 - x0))),
                new XAttribute("height", N(plot.Y1 - plot.Y0)), new XAttribute("fill", ImpactColour(worst)), new XAttribute("fill-opacity", "0.18"),
                new XElement(Svg + "title", title)));
        }
        return group;
    }

    /// <summary>Outage, then partial, then degraded, then maintenance.</summary>
    private static IncidentImpact Worse(IncidentImpact a, IncidentImpact b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(IncidentImpact impact) => impact switch
    {
        IncidentImpact.Outage => 3,
        IncidentImpact.Partial => 2,
        IncidentImpact.Degraded => 1,
        _ => 0,
    };

    private static string ImpactColour(IncidentImpact impact) => impact switch
    {
        IncidentImpact.Outage => "#cf222e",
        IncidentImpact.Partial => "#e16f24",
        IncidentImpact.Degraded => "#d4a72c",
        _ => "#8c959f",
    };

    private static XElement YAxis(Chart chart, Plot plot)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "y-axis"));
        var (min, max, step) = plot.Y;
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step)));
        for (var i = 0; min + i * step <= max + step / 1e6; i++)
        {
            var value = min + i * step;
            var y = plot.YOf(value);
            group.Add(Line(plot.X0, y, plot.X1, y, Grid, 1),
                Text(plot.X0 - 6, y + 4, value.ToString("F" + decimals, CultureInfo.InvariantCulture), Muted, anchor: "end"));
        }
        var middle = (plot.Y0 + plot.Y1) / 2;
        group.Add(new XElement(Svg + "text", new XAttribute("transform", $"translate(14 {N(middle)}) rotate(-90)"),
            new XAttribute("text-anchor", "middle"), new XAttribute("fill", Muted), chart.ValueLabel));
        return group;
    }

    private static XElement XAxis(Chart chart, Plot plot)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "x-axis"), Line(plot.X0, plot.Y1, plot.X1, plot.Y1, Muted, 1));
        var starts = (chart.Series.Count > 0 ? chart.Series[0].Points : []).Select(p => p.Start).Where(t => t >= chart.From && t < chart.To).ToList();
        if (starts.Count == 0) starts = [chart.From];
        var room = Math.Max(1, (int)((plot.X1 - plot.X0) / 90));
        var every = (int)Math.Ceiling(starts.Count / (double)room);
        var format = (chart.To - chart.From) <= TimeSpan.FromDays(2) ? "d MMM HH:mm" : (chart.To - chart.From) <= TimeSpan.FromDays(400) ? "d MMM" : "MMM yyyy";
        for (var i = 0; i < starts.Count; i += every)
        {
            var x = plot.X(starts[i]);
            var local = TimeZoneInfo.ConvertTime(starts[i], chart.Zone);
            group.Add(Line(x, plot.Y1, x, plot.Y1 + 4, Muted, 1),
                Text(x, plot.Y1 + 16, local.ToString(format, CultureInfo.InvariantCulture), Muted, anchor: "middle"));
        }
        var first = TimeZoneInfo.ConvertTime(chart.From, chart.Zone);
        var last = TimeZoneInfo.ConvertTime(chart.To, chart.Zone);
        group.Add(Text((plot.X0 + plot.X1) / 2, plot.Y1 + 34,
            $"{first.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} to {last.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({chart.Zone.Id})",
            Muted, anchor: "middle"));
        return group;
    }

    private static XElement Deployments(Chart chart, Plot plot)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "deployments"));
        foreach (var tick in chart.Deployments)
        {
            var x = plot.X(tick.At);
            group.Add(new XElement(Svg + "line", new XAttribute("class", "deployment"),
                new XAttribute("x1", N(x)), new XAttribute("y1", N(plot.Y1 - 10)), new XAttribute("x2", N(x)), new XAttribute("y2", N(plot.Y1)),
                new XAttribute("stroke", tick.Failed ? "#cf222e" : Ink), new XAttribute("stroke-width", 2),
                new XElement(Svg + "title", tick.Label)));
        }
        return group;
    }

    private static XElement Series(ChartSeries series, string colour, Plot plot, TimeZoneInfo zone)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "series"));
        if (series.Name is not null) group.Add(new XAttribute("data-key", series.Name));
        var points = series.Points.Select(p => (Point: p, X: plot.X(p.Start + (p.End - p.Start) / 2))).ToList();

        foreach (var run in Runs(points, p => p.Point.Low is not null && p.Point.High is not null))
        {
            var upper = run.Select(p => $"{N(p.X)},{N(plot.YOf(p.Point.High!.Value))}");
            var lower = Enumerable.Range(0, run.Count).Select(i => run[run.Count - 1 - i]).Select(p => $"{N(p.X)},{N(plot.YOf(p.Point.Low!.Value))}");
            group.Add(run.Count == 1
                ? Line(run[0].X, plot.YOf(run[0].Point.Low!.Value), run[0].X, plot.YOf(run[0].Point.High!.Value), colour, 6, "band", "0.25")
                : new XElement(Svg + "path", new XAttribute("class", "band"), new XAttribute("fill", colour), new XAttribute("fill-opacity", "0.15"),
                    new XAttribute("d", "M" + string.Join(" L", upper.Concat(lower)) + " Z")));
        }
        foreach (var run in Runs(points, p => p.Point.Value is not null).Where(r => r.Count > 1))
            group.Add(new XElement(Svg + "path", new XAttribute("class", "line"), new XAttribute("fill", "none"), new XAttribute("stroke", colour),
                new XAttribute("stroke-width", 2), new XAttribute("stroke-linejoin", "round"),
                new XAttribute("d", "M" + string.Join(" L", run.Select(p => $"{N(p.X)},{N(plot.YOf(p.Point.Value!.Value))}")))));
        var dense = points.Count > (plot.X1 - plot.X0) / 12; // many buckets: smaller marks, so the line stays readable
        foreach (var (point, x) in points.Where(p => p.Point.Value is not null))
        {
            var circle = new XElement(Svg + "circle", new XAttribute("class", point.LowSample ? "point low-sample" : "point"),
                new XAttribute("cx", N(x)), new XAttribute("cy", N(plot.YOf(point.Value!.Value))), new XAttribute("r", (point.LowSample ? 4 : 3) * (dense ? 0.6 : 1)),
                new XAttribute("fill", point.LowSample ? "#ffffff" : colour), new XAttribute("stroke", colour), new XAttribute("stroke-width", 1.5),
                new XAttribute("data-start", point.Start.ToString("O", CultureInfo.InvariantCulture)),
                new XAttribute("data-value", R(point.Value.Value)));
            if (point.Low is { } low) circle.Add(new XAttribute("data-low", R(low)));
            if (point.High is { } high) circle.Add(new XAttribute("data-high", R(high)));
            circle.Add(new XElement(Svg + "title", PointLabel(series.Name, point, zone)));
            group.Add(circle);
        }
        return group;
    }

    private static string PointLabel(string? name, ChartPoint point, TimeZoneInfo zone)
    {
        var text = new StringBuilder();
        if (name is not null) text.Append(name).Append(", ");
        text.Append(TimeZoneInfo.ConvertTime(point.Start, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(": ")
            .Append(point.Value!.Value.ToString("0.##", CultureInfo.InvariantCulture));
        if (point.Low is { } low && point.High is { } high)
            text.Append(CultureInfo.InvariantCulture, $" (95 % interval {low:0.##} to {high:0.##})");
        if (point.N is { } n) text.Append(CultureInfo.InvariantCulture, $", n = {n}");
        if (point.LowSample) text.Append(", low sample");
        return text.ToString();
    }

    /// <summary>Consecutive points that all satisfy <paramref name="keep"/>: a gap in the data is a gap in the line and the band.</summary>
    private static List<List<T>> Runs<T>(List<T> points, Func<T, bool> keep)
    {
        var runs = new List<List<T>>();
        List<T>? current = null;
        foreach (var point in points)
        {
            if (!keep(point))
            {
                current = null;
                continue;
            }
            if (current is null) runs.Add(current = []);
            current.Add(point);
        }
        return runs;
    }

    private static XElement Legend(Chart chart, double y)
    {
        var group = new XElement(Svg + "g", new XAttribute("class", "legend"));
        double x = Left;
        void Item(XElement mark, string label)
        {
            group.Add(mark, Text(x + 14, y + 4, label, Muted));
            x += 14 + 6.5 * label.Length + 18;
        }
        for (var i = 0; i < chart.Series.Count; i++)
            if (chart.Series[i].Name is { } name)
                Item(Line(x, y, x + 10, y, Palette[i % Palette.Length], 3), name);
        if (chart.Series.Any(s => s.Points.Any(p => p.Low is not null)))
            Item(new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y - 5)), new XAttribute("width", 10), new XAttribute("height", 10),
                new XAttribute("fill", Palette[0]), new XAttribute("fill-opacity", "0.15")), "95 % interval");
        if (chart.Series.Any(s => s.Points.Any(p => p.LowSample && p.Value is not null)))
            Item(new XElement(Svg + "circle", new XAttribute("cx", N(x + 5)), new XAttribute("cy", N(y)), new XAttribute("r", 4), new XAttribute("fill", "#ffffff"),
                new XAttribute("stroke", Palette[0]), new XAttribute("stroke-width", 1.5)), "low sample (n < 30)");
        if (chart.Incidents.Count > 0)
            Item(new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y - 5)), new XAttribute("width", 10), new XAttribute("height", 10),
                new XAttribute("fill", ImpactColour(IncidentImpact.Outage)), new XAttribute("fill-opacity", "0.18")), "incident");
        if (chart.Deployments.Count > 0) Item(Line(x + 5, y - 5, x + 5, y + 5, Ink, 2), "deployment");
        return group;
    }

    private static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width, string? cssClass = null, string? opacity = null)
    {
        var line = new XElement(Svg + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)),
            new XAttribute("stroke", stroke), new XAttribute("stroke-width", width));
        if (cssClass is not null) line.Add(new XAttribute("class", cssClass));
        if (opacity is not null) line.Add(new XAttribute("stroke-opacity", opacity));
        return line;
    }

    private static XElement Text(double x, double y, string text, string fill, string anchor = "start", int? size = null, string? weight = null)
    {
        var element = new XElement(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("fill", fill),
            new XAttribute("text-anchor", anchor), text);
        if (size is not null) element.Add(new XAttribute("font-size", size));
        if (weight is not null) element.Add(new XAttribute("font-weight", weight));
        return element;
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
