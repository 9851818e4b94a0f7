namespace CxApi.Features.Metrics;

/// <summary>A metric served as a report (<c>/v1/metrics/{path}</c>) and a trend (<c>…/trend</c>).</summary>
public interface IMetricEndpoint
{
    void MapReport(RouteGroupBuilder group);
    void MapTrend(RouteGroupBuilder group);
}
