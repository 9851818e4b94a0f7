namespace CxApi.Features.Metrics.Calculators;

/// <summary>An interval on the metric's own scale.</summary>
public sealed record Interval(double Low, double High);
