using CxApi.Features.Operations.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>
/// Worked examples for the exact Poisson rate comparison. Small cases are summed by hand from the binomial
/// probabilities; the others are R's <c>poisson.test(c(k1, k2), c(t1, t2))</c> p-values, reproduced in exact
/// rational arithmetic (Python fractions) or at 40 digits (mpmath) with the same two-sided rule.
/// </summary>
public sealed class OperationsPoissonRateTests
{
    [Fact]
    public void TenAgainstTwoOverEqualExposureIsBinomTestTenOfTwelve()
    {
        var result = PoissonRateTest.Compare(10, 1, 2, 1);

        // binom.test(10, 12, 0.5): P(10) = C(12,10)/4096 = 66/4096; the outcomes no more likely are 0, 1, 2 and
        // 10, 11, 12: (1 + 12 + 66) × 2 / 4096 = 158/4096 = 0.03857422
        Assert.Equal(158.0 / 4096, result.PValue, 12);
        Assert.True(result.Significant);
        Assert.Equal((10d, 2d), (result.Rate1, result.Rate2));
        Assert.Equal(5, result.RateRatio);
    }

    [Fact]
    public void TheCancerRateExampleOfRsPoissonTestHelpPageGivesItsPValue()
    {
        // ?poisson.test: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)) → p-value = 0.07967, rate ratio 1.971488
        var result = PoissonRateTest.Compare(11, 800, 21, 3011);

        Assert.Equal(0.0796686330, result.PValue, 9);
        Assert.False(result.Significant);
        Assert.Equal(33121.0 / 16800, result.RateRatio!.Value, 9); // (11/800) / (21/3011) = 1.971488
    }

    [Fact]
    public void UnequalExposuresTestAgainstTheExposureShare()
    {
        var result = PoissonRateTest.Compare(2, 10, 8, 20);

        // n = 10, p = 10/30 = 1/3; 59 049 × P(i) = C(10,i) 2^(10−i) for i = 0…10:
        // 1024, 5120, 11520, 15360, 13440, 8064, 3360, 960, 180, 20, 1. Observed P(2) = 11520; those ≤ it:
        // 1024 + 5120 + 11520 + 8064 + 3360 + 960 + 180 + 20 + 1 = 30 249 → 30 249 / 59 049 = 0.5122695
        Assert.Equal(30249.0 / 59049, result.PValue, 12);
        Assert.False(result.Significant);
        Assert.Equal(0.5, result.RateRatio!.Value, 12); // 0.2 / 0.4
    }

    [Fact]
    public void AZeroSecondRateHasNoRatioButStillATest()
    {
        var result = PoissonRateTest.Compare(5, 1, 0, 1);

        // n = 5, p = 0.5: P(5) = 1/32; no more likely: 0 and 5 → 2/32 = 0.0625
        Assert.Equal(0.0625, result.PValue, 12);
        Assert.Null(result.RateRatio);
        Assert.False(result.Significant);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 7)]
    public void EqualCountsOverEqualExposureHavePValueOne(long count1, long count2)
    {
        var result = PoissonRateTest.Compare(count1, 3, count2, 3);

        Assert.Equal(1, result.PValue);
        Assert.False(result.Significant);
    }

    [Theory]
    // 10 000 vs 10 300 contacts in 1 000 h each: exact sum of C(20 300, i)/2^20 300 (normal approximation with
    // continuity correction: z = 149.5 / √(20 300 / 4) = 2.0985, p ≈ 0.0359)
    [InlineData(10_000, 1_000, 10_300, 1_000, 0.035852359736)]
    // 10 000 in 1 000 h vs 12 500 in 1 200 h (10 vs 10.417 an hour): p = 1000/2200 = 5/11, exact rational sum
    [InlineData(10_000, 1_000, 12_500, 1_200, 0.002370967139)]
    // a million contacts a side: mpmath at 40 digits
    [InlineData(1_000_000, 1_000, 1_003_000, 1_000, 0.034088365079)]
    public void LargeCountsAreComputedInLogSpace(long count1, double exposure1, long count2, double exposure2, double pValue)
    {
        var result = PoissonRateTest.Compare(count1, exposure1, count2, exposure2);

        Assert.Equal(pValue, result.PValue, pValue * 1e-8);
        Assert.True(result.Significant);
    }

    [Fact]
    public void ExposureMustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonRateTest.Compare(1, 0, 1, 1));

    [Theory]
    [InlineData(10, 12, 0.5, 158.0 / 4096)] // as above
    [InlineData(0, 10, 0.5, 2.0 / 1024)]    // P(0) = P(10) = 1/1024, the only outcomes that unlikely
    [InlineData(5, 10, 0.5, 1.0)]           // the expected outcome
    [InlineData(3, 3, 0.9, 1.0)]            // the most likely outcome: everything is at most as likely
    public void TheBinomialTestSumsTheOutcomesNoMoreLikelyThanTheObservedOne(long successes, long trials, double p, double pValue) =>
        Assert.Equal(pValue, ExactBinomialTest.TwoSided(successes, trials, p), 12);

    [Fact]
    public void LogFactorialIsContinuousWhereStirlingTakesOver()
    {
        Assert.Equal(Math.Log(21), ExactBinomialTest.LogFactorial(21) - ExactBinomialTest.LogFactorial(20), 12);
        Assert.Equal(363.73937555556347, ExactBinomialTest.LogFactorial(100), 10); // ln 100! = ln Γ(101)
        Assert.Equal(0, ExactBinomialTest.LogFactorial(0));
    }
}
