namespace CxApi.Features.Metrics.Calculators;

/// <summary>Spearman's ρ and the number of (x, y) pairs it was computed from; ρ is null when it is undefined.</summary>
public sealed record RankCorrelationStats(double? Rho, long N);
