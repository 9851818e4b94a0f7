namespace CxApi.Features.Operations.Calculators;

/// <summary>Two event rates and whether they differ by more than chance (see <see cref="PoissonRateTest"/>).</summary>
/// <param name="Rate1">count₁ / exposure₁.</param>
/// <param name="Rate2">count₂ / exposure₂.</param>
/// <param name="RateRatio">Rate1 / Rate2; null when Rate2 is zero.</param>
/// <param name="PValue">Exact two-sided p-value, conditional on count₁ + count₂.</param>
/// <param name="Significant">PValue &lt; 0.05.</param>
public sealed record PoissonRateComparison(double Rate1, double Rate2, double? RateRatio, double PValue, bool Significant);
