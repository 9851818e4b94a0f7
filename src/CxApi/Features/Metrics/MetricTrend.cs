using CxApi.Common.Formats;
using CxApi.Common.OpenApi;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>A trend: one point per calendar bucket from <c>from</c> to <c>to</c>, empty buckets included.</summary>
[SchemaId("{0}PointMetricTrend", trimSuffix: "Stats")]
public sealed record MetricTrend<TStats>(
    string Metric,
    string Interval,
    string Tz,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    string? GroupBy,
    bool RecordsPurged,
    IReadOnlyList<MetricPoint<TStats>> Points,
    IReadOnlyList<TrendSeries<TStats>>? Series,
    MetricDefinition Definition) : ICsvExportable
{
    public static string[] CsvPrefix => ["metric", "interval", "tz", "groupBy", "key"];
    public static Type CsvItemType => typeof(MetricPoint<TStats>);

    /// <summary>One row per bucket; with <c>groupBy</c>, one per group and bucket.</summary>
    public CsvRows ToCsvRows() => new(
        (Series ?? [new TrendSeries<TStats>(null, Points)]).SelectMany(series =>
            series.Points.Select(point => (new object?[] { Metric, Interval, Tz, GroupBy, series.Key }, (object)point))));
}
