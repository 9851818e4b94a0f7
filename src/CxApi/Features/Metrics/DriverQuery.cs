using CxApi.Common.OpenApi;

namespace CxApi.Features.Metrics;

/// <summary>
/// <c>metric</c>: nps, csat, ces or rating; <c>factor</c>: one of <see cref="DriverFactors.All"/> (firstResponseTime,
/// resolutionTime, contactCount, escalated, incident, or a single-valued interaction dimension such as team). Period and filters as for the survey metrics; they select the responses.
/// </summary>
public sealed record DriverQuery(
    string? Metric, string? Factor, string? From, string? To,
    string[]? SurveyId, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag, string[]? Service = null) : IMetricQuery, IQueryValues
{
    public string? GroupBy => null;

    public static IReadOnlyDictionary<string, IReadOnlyCollection<string>> QueryValues { get; } = new Dictionary<string, IReadOnlyCollection<string>>
    {
        ["metric"] = [.. DriverMetric.All.Keys],
        ["factor"] = [.. DriverFactors.All.Select(f => f.Name)],
    };
}
