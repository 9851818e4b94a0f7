namespace CxApi.Features.Metrics.Calculators;

/// <summary>Whether a change between two periods is larger than chance (two-sided, 95 %).</summary>
public sealed record ChangeTest(double? Delta, double? Z, bool Significant, string Test);
