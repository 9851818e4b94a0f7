using CxApi.Infrastructure;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>
/// <c>metric</c>: nps, csat, ces or rating; <c>factor</c>: firstResponseTime, resolutionTime, contactCount,
/// escalated, channel, team or type. Period and filters as for the survey metrics; they select the responses.
/// </summary>
public sealed record DriverQuery(
    string? Metric, string? Factor, string? From, string? To,
    string[]? SurveyId, string[]? Channel, string[]? Product, string[]? Region, string[]? Tag, string[]? Service = null) : IMetricQuery
{
    public string? GroupBy => null;
}

/// <summary>The metric over the linked responses whose interaction falls in one bucket of the factor.</summary>
public sealed record DriverBucket(string? Key, string Label, long Responses, double? Value, Interval? Ci95, bool LowSample);

/// <summary>Spearman's rank correlation between the factor's numeric value and the score.</summary>
public sealed record DriverCorrelation(double? Rho, long N, string Method);

/// <summary>
/// Across the buckets: the best minus the worst among those with at least <c>minResponses</c> responses
/// (<c>spread</c>), whether that difference is larger than chance by the test <c>/v1/metrics/summary</c> uses for
/// the metric, and Spearman's ρ between the factor and the score (null for a factor without numeric values).
/// </summary>
public sealed record DriverOverall(
    string? Best, string? Worst, double? Spread, double? Z, bool Significant, string Test, int MinResponses, string? Note,
    DriverCorrelation? Spearman);

/// <summary>What the figures mean: the metric's own definition plus what the factor and its buckets are.</summary>
public sealed record DriverDefinition(string Formula, string Scale, string Method, string Factor);

public sealed record DriverReport(
    string Metric,
    string Factor,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    long LinkedResponses,
    long UnlinkedResponses,
    IReadOnlyList<DriverBucket> Buckets,
    DriverOverall Overall,
    DriverDefinition Definition);
