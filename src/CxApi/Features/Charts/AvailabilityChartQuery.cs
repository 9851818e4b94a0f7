using CxApi.Common.OpenApi;

namespace CxApi.Features.Charts;

/// <summary>
/// The chart parameters of availability: those of <see cref="ChartQuery"/>, and <c>tz</c>, the IANA zone whose days the chart's
/// line is computed over and its axis is labelled in (the figures themselves are over the whole period and do not depend on it).
/// </summary>
public sealed record AvailabilityChartQuery(string? Format, int? Width, int? Height, string? Tz) : IChartQuery, IQueryValues
{
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } =
        new Dictionary<string, IReadOnlyCollection<string>> { ["format"] = ChartFormats.All };
}
