namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// Exact comparison of two Poisson rates, count₁ events over exposure t₁ against count₂ over t₂ (contacts over hours,
/// say), conditional on the total (Przyborowski &amp; Wilenski 1940): under H0 (equal rates)
/// count₁ ~ Binomial(count₁ + count₂, t₁ / (t₁ + t₂)), and the two-sided p-value is that of
/// <see cref="ExactBinomialTest"/> (method of small p-values). This is what R's <c>poisson.test(c(k1, k2), c(t1, t2))</c>
/// computes: it calls <c>binom.test</c> with the same two-sided rule. Significant when p &lt; 0.05.
/// </summary>
public static class PoissonRateTest
{
    public const double Alpha = 0.05;

    public const string Method =
        "exact conditional test (Przyborowski & Wilenski 1940): count₁ ~ Binomial(count₁ + count₂, t₁ / (t₁ + t₂)) under equal rates; " +
        "two-sided p-value = Σ P(i) over the outcomes with P(i) ≤ P(count₁) × (1 + 10⁻⁷), as R's poisson.test; significant when p < 0.05";

    public static PoissonRateComparison Compare(long count1, double exposure1, long count2, double exposure2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count1);
        ArgumentOutOfRangeException.ThrowIfNegative(count2);
        if (!(exposure1 > 0 && double.IsFinite(exposure1))) throw new ArgumentOutOfRangeException(nameof(exposure1), exposure1, "Exposure is positive.");
        if (!(exposure2 > 0 && double.IsFinite(exposure2))) throw new ArgumentOutOfRangeException(nameof(exposure2), exposure2, "Exposure is positive.");

        double rate1 = count1 / exposure1, rate2 = count2 / exposure2;
        var total = exposure1 + exposure2;
        var pValue = ExactBinomialTest.TwoSided(count1, count1 + count2, exposure1 / total, Math.Log(exposure2 / total));
        return new PoissonRateComparison(rate1, rate2, rate2 > 0 ? rate1 / rate2 : null, pValue, pValue < Alpha);
    }
}
