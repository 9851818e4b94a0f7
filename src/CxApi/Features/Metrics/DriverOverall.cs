namespace CxApi.Features.Metrics;

/// <summary>
/// Across the buckets: the best minus the worst among those with at least <c>minResponses</c> responses
/// (<c>spread</c>), whether that difference is larger than chance by the test <c>/v1/metrics/summary</c> uses for
/// the metric, and Spearman's ρ between the factor and the score (null for a factor without numeric values).
/// </summary>
public sealed record DriverOverall(
    string? Best, string? Worst, double? Spread, double? Z, bool Significant, string Test, int MinResponses, string? Note,
    DriverCorrelation? Spearman);
