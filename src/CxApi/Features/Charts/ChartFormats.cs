namespace CxApi.Features.Charts;

/// <summary>The values of <c>format</c>: <c>json</c> (the figures, whatever <c>Accept</c> says) or <c>svg</c> (the chart).</summary>
public static class ChartFormats
{
    public const string Json = "json";
    public const string Svg = "svg";

    public static readonly IReadOnlyCollection<string> All = [Json, Svg];
}
