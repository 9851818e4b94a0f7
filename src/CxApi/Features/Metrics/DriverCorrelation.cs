namespace CxApi.Features.Metrics;

/// <summary>Spearman's rank correlation between the factor's numeric value and the score.</summary>
public sealed record DriverCorrelation(double? Rho, long N, string Method);
