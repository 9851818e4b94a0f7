using CxApi.Common.Formats;
using CxApi.Common.Validation;
using CxApi.Features.Charts;
using CxApi.Infrastructure;
using CxApi.Infrastructure.Records;

namespace CxApi.Features.Metrics;

/// <summary>
/// One metric's row in the endpoint table: its path and operation names, the record kind it counts
/// (<paramref name="Kind"/>), how it counts (<paramref name="Count"/>) and how its query turns counts into figures with
/// a header (<paramref name="Describe"/>, which may read query options such as the SLA or the review prior).
/// </summary>
public sealed record MetricEndpoint<TQuery, TCounts, TStats>(
    string Path,
    RecordKind Kind,
    string ReportName,
    string TrendName,
    string ReportSummary,
    string TrendSummary,
    Func<MetricEngine, TQuery, CountScope, CancellationToken, Task<Counted<TCounts>>> Count,
    Func<TQuery, MetricRequest, (Func<TCounts, TStats> Compute, MetricHeader Header)> Describe) : IMetricEndpoint
    where TQuery : IMetricQuery
{
    public void MapReport(RouteGroupBuilder group) =>
        group.MapGet($"/{Path}", ([AsParameters] TQuery query, MetricEngine engine, TimeProvider clock, CancellationToken ct) =>
                MetricsApi.ReportAsync(this, query, engine, clock, ct))
            .Validate<TQuery>()
            .WithCsv<MetricReport<TStats>>("one row per group (one row without groupBy)")
            .WithName(ReportName).WithSummary(ReportSummary);

    public void MapTrend(RouteGroupBuilder group) =>
        group.MapGet($"/{Path}/trend", ([AsParameters] TQuery query, [AsParameters] TrendQuery trend, [AsParameters] ChartQuery chart, MetricEngine engine,
                TimeProvider clock, CancellationToken ct) => MetricsApi.TrendAsync(this, query, trend, engine, clock, ct))
            .Validate<TQuery>().Validate<TrendQuery>()
            .WithCsv<MetricTrend<TStats>>("one row per bucket (per group and bucket with groupBy)")
            .WithSvgChart<ChartQuery, object>(TrendChart.Description, TrendChart.DrawAsync)
            .WithName(TrendName).WithSummary(TrendSummary);
}
