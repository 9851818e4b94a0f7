namespace CxApi.Features.Operations.Calculators;

/// <summary>One hypothesis after Holm's correction (see <see cref="HolmCorrection"/>); a test that could not run has no p-values and is not rejected.</summary>
/// <param name="PValue">The p-value as given; null when the test could not run.</param>
/// <param name="AdjustedPValue">Holm-adjusted p-value, 0–1; null when the test could not run.</param>
/// <param name="Rejected">Whether the null hypothesis is rejected at the family-wise level α; never for a test that could not run.</param>
public sealed record HolmDecision(double? PValue, double? AdjustedPValue, bool Rejected);
