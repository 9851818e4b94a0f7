using CxApi.Common.OpenApi;

namespace CxApi.Features.Metrics;

/// <summary>The points of one group (with <c>groupBy</c>).</summary>
[SchemaId("{0}PointTrendSeries", trimSuffix: "Stats")]
public sealed record TrendSeries<TStats>(string? Key, IReadOnlyList<MetricPoint<TStats>> Points);
