using System.Globalization;
using System.Xml.Linq;

namespace CxApi.Tests.Support;

/// <summary>Reads a chart back from its SVG: parsed as XML (so a malformed chart fails here), its points, band and marks.</summary>
public static class SvgReading
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument Parse(string svg) => XDocument.Parse(svg);

    public static List<XElement> Points(XContainer chart) => [.. chart.Descendants(Svg + "circle").Where(c => HasClass(c, "point"))];

    public static bool HasClass(XElement element, string name) =>
        (element.Attribute("class")?.Value ?? "").Split(' ').Contains(name);

    public static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    public static double? OptionalNumber(XElement element, string attribute) =>
        element.Attribute(attribute) is { } a ? double.Parse(a.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The vertices of a band path (<c>M x,y L x,y … Z</c>): the upper edge left to right, then the lower edge back.</summary>
    public static List<(double X, double Y)> Vertices(XElement path) =>
    [
        .. path.Attribute("d")!.Value.TrimEnd('Z', ' ').Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.Split(','))
            .Select(v => (double.Parse(v[0], CultureInfo.InvariantCulture), double.Parse(v[1], CultureInfo.InvariantCulture))),
    ];

    /// <summary>
    /// The value scale the points were drawn with (y = a + b × value), fitted on the two points furthest apart in value,
    /// so that a test can check every other point and every band vertex against it.
    /// </summary>
    public static Func<double, double> ValueScale(IReadOnlyList<XElement> points)
    {
        var low = points.MinBy(p => Number(p, "data-value"))!;
        var high = points.MaxBy(p => Number(p, "data-value"))!;
        var (v0, y0, v1, y1) = (Number(low, "data-value"), Number(low, "cy"), Number(high, "data-value"), Number(high, "cy"));
        var slope = (y1 - y0) / (v1 - v0);
        return v => y0 + slope * (v - v0);
    }
}
