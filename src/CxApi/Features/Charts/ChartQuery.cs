using CxApi.Common.OpenApi;
using System.ComponentModel;

namespace CxApi.Features.Charts;

/// <summary><c>format</c>: <c>svg</c> for the chart (as <c>Accept: image/svg+xml</c> does), <c>json</c> for the figures; <c>width</c>, <c>height</c>: the chart's size in pixels.</summary>
public sealed record ChartQuery(
    [property: Description(ChartQuery.FormatText)] string? Format,
    [property: Description(ChartQuery.WidthText)] int? Width,
    [property: Description(ChartQuery.HeightText)] int? Height) : IChartQuery, IQueryValues
{
    public const string FormatText = "`svg` for the figures as an SVG chart (as `Accept: image/svg+xml` does), `json` for the JSON whatever `Accept` says.";
    public const string WidthText = "Width of the chart in pixels (default 800).";
    public const string HeightText = "Height of the chart in pixels (default 360).";

    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } =
        new Dictionary<string, IReadOnlyCollection<string>> { ["format"] = ChartFormats.All };
}
