using CxApi.Features.Operations.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>Welch's t-test and the distribution functions under it, against R 4.2.2 (<c>t.test</c>, <c>pt</c>, <c>pnorm</c>, <c>lgamma</c>).</summary>
public sealed class OperationsWelchTTestTests
{
    private static (long N, double Mean, double Sd) Describe(double[] x)
    {
        var mean = x.Average();
        return (x.Length, mean, Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1)));
    }

    private static WelchTTestResult Compare(double[] a, double[] b)
    {
        var (n1, m1, s1) = Describe(a);
        var (n2, m2, s2) = Describe(b);
        return WelchTTest.Compare(n1, m1, s1, n2, m2, s2)!;
    }

    [Fact]
    public void FifteenAgainstFifteenGiveRsWelchTest()
    {
        // Two samples of fifteen measurements with near-equal variances; R: t.test(a1, a2) gives
        // t = −2.455356, df = 24.98853, p-value = 0.02137800
        double[] a1 = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
        double[] a2 = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

        var result = Compare(a1, a2);

        Assert.Equal(-2.45535639829, result.T!.Value, 9);
        Assert.Equal(24.9885292902, result.DegreesOfFreedom!.Value, 8);
        Assert.Equal(0.0213780014629, result.PValue, 11);
    }

    [Fact]
    public void FewDegreesOfFreedomUseTheTDistributionNotTheNormal()
    {
        // Scores 1,1,1,2,2,5 against five 3s, twenty 4s and two 5s; R: t.test gives t = −2.951761, df = 5.239667,
        // p = 0.03006033, where the normal approximation would say 0.0032.
        double[] x = [1, 1, 1, 2, 2, 5];
        double[] y = [.. Enumerable.Repeat(3.0, 5), .. Enumerable.Repeat(4.0, 20), 5, 5];

        var result = Compare(x, y);

        Assert.Equal(-2.95176121131, result.T!.Value, 9);
        Assert.Equal(5.2396672757, result.DegreesOfFreedom!.Value, 9);
        Assert.Equal(0.0300603341601, result.PValue, 11);
    }

    [Fact]
    public void SamplesThatDoNotVaryAreDifferentOrEqualForCertain()
    {
        Assert.Equal(0, WelchTTest.Compare(5, 4, 0, 5, 3, 0)!.PValue);
        Assert.Equal(1, WelchTTest.Compare(5, 4, 0, 5, 4, 0)!.PValue);
        Assert.Null(WelchTTest.Compare(1, 4, 0, 5, 3, 1));
    }

    [Theory]
    [InlineData(2.5, 3.3, 0.0800528363084)]     // 2 * pt(-2.5, 3.3)
    [InlineData(1.0, 1.0, 0.5)]                 // Cauchy: 2 * pt(-1, 1) = 0.5
    [InlineData(0.0, 7.0, 1.0)]
    public void StudentTailsMatchR(double t, double df, double expected) =>
        Assert.Equal(expected, SpecialFunctions.StudentTwoSidedP(t, df), 11);

    [Theory]
    [InlineData(1.959964, 0.0499999981929)]     // 2 * pnorm(-1.959964)
    [InlineData(6.0, 1.97317529008e-09)]        // 2 * pnorm(-6)
    [InlineData(0.0, 1.0)]
    public void NormalTailsMatchR(double z, double expected) =>
        Assert.Equal(expected, SpecialFunctions.NormalTwoSidedP(z), 1e-10 * Math.Max(expected, 1e-9));

    [Theory]
    [InlineData(0.5, 0.572364942925)]          // lgamma(0.5) = ln √π
    [InlineData(10, 12.8018274801)]            // ln 9!
    [InlineData(171.5, 709.143163031)]         // lgamma(171.5)
    public void LogGammaMatchesR(double x, double expected) => Assert.Equal(expected, SpecialFunctions.LogGamma(x), 8);
}
