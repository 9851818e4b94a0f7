namespace CxApi.Common.Charts;

/// <summary>One line of a chart (a group's with <c>groupBy</c>, otherwise the only one, without a name).</summary>
public sealed record ChartSeries(string? Name, IReadOnlyList<ChartPoint> Points);
