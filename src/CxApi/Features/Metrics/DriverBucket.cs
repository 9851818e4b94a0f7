using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Metrics;

/// <summary>The metric over the linked responses whose interaction falls in one bucket of the factor.</summary>
public sealed record DriverBucket(string? Key, string Label, long Responses, double? Value, Interval? Ci95, bool LowSample);
