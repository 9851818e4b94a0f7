using CxApi.Common.OpenApi;

namespace CxApi.Features.Charts;

/// <summary><c>format</c>: <c>svg</c> for the chart (as <c>Accept: image/svg+xml</c> does), <c>json</c> for the figures; <c>width</c>, <c>height</c>: the chart's size in pixels.</summary>
public sealed record ChartQuery(string? Format, int? Width, int? Height) : IChartQuery, IQueryValues
{
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } =
        new Dictionary<string, IReadOnlyCollection<string>> { ["format"] = ChartFormats.All };
}
