namespace CxApi.Features.Metrics;

/// <summary>
/// <c>metric</c>: nps, csat, ces or rating; <c>factor</c>: one of <see cref="DriverFactors.All"/> (firstResponseTime,
/// resolutionTime, contactCount, escalated, or a single-valued interaction dimension such as team). Period and filters as for the survey metrics; they select the responses.
/// </summary>
public sealed record DriverQuery(
    string? Metric, string? Factor, string? From, string? To,
    string[]? SurveyId, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag, string[]? Service = null) : IMetricQuery
{
    public string? GroupBy => null;
}
