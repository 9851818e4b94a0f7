namespace CxApi.Features.Metrics.Calculators;

/// <summary>A half-open range of Unix microseconds.</summary>
public readonly record struct TimeRange(long From, long To);
