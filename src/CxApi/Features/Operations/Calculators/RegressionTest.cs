namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// One of the five tests behind <c>cxRegression</c> (CSAT, NPS, CES and rating falling; contacts per hour rising), with its
/// Holm-adjusted p-value across the five.
/// </summary>
/// <param name="Figure">csat, nps, ces, rating or contacts.</param>
/// <param name="Delta">After minus before, on the figure's scale; null when either window has no value.</param>
/// <param name="PValue">Two-sided, before correction; null when the test cannot run (it then counts as not rejected).</param>
/// <param name="AdjustedPValue">Holm-adjusted over the tests that ran.</param>
/// <param name="Worse">The change goes the bad way: a fall, or more contacts.</param>
/// <param name="Decided">Rejected at 5 % after Holm's correction and worse: this figure makes it a regression.</param>
public sealed record RegressionTest(string Figure, double? Delta, double? PValue, double? AdjustedPValue, bool Worse, bool Decided);
