using CxApi.Common.OpenApi;
using System.ComponentModel;

namespace CxApi.Features.Charts;

/// <summary>
/// The chart parameters of availability: those of <see cref="ChartQuery"/>, and <c>tz</c>, the IANA zone whose days the chart's
/// line is computed over and its axis is labelled in (the figures themselves are over the whole period and do not depend on it).
/// </summary>
public sealed record AvailabilityChartQuery(
    [property: Description(ChartQuery.FormatText)] string? Format,
    [property: Description(ChartQuery.WidthText)] int? Width,
    [property: Description(ChartQuery.HeightText)] int? Height,
    [property: Description("IANA time zone of the chart's days and axis labels (default UTC), e.g. Europe/Berlin; the JSON figures do not depend on it.")]
    string? Tz) : IChartQuery, IQueryValues
{
    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } =
        new Dictionary<string, IReadOnlyCollection<string>> { ["format"] = ChartFormats.All };
}
