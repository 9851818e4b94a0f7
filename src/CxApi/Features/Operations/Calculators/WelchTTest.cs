namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// Welch's (1947) t-test of two means with unequal variances, as R's <c>t.test(x, y)</c>:
/// <c>t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂)</c> with the Welch–Satterthwaite degrees of freedom
/// <c>ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)² / (n₁ − 1) + (s₂²/n₂)² / (n₂ − 1))</c>, and the two-sided p-value from Student's t
/// with ν degrees of freedom. Each sample needs two observations; when neither varies, the p-value is 0 for different
/// means and 1 for equal ones.
/// </summary>
public static class WelchTTest
{
    public const string Method =
        "Welch's t-test: t = Δ mean / √(s₁²/n₁ + s₂²/n₂), Welch–Satterthwaite degrees of freedom, two-sided p from Student's t (as R's t.test)";

    /// <summary>Null when a sample has fewer than two observations.</summary>
    public static WelchTTestResult? Compare(long n1, double mean1, double sd1, long n2, double mean2, double sd2)
    {
        if (n1 < 2 || n2 < 2) return null;
        double v1 = sd1 * sd1 / n1, v2 = sd2 * sd2 / n2, se2 = v1 + v2, delta = mean1 - mean2;
        if (se2 == 0) return new WelchTTestResult(delta, null, null, delta == 0 ? 1 : 0);
        var t = delta / Math.Sqrt(se2);
        var df = se2 * se2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1));
        return new WelchTTestResult(delta, t, df, SpecialFunctions.StudentTwoSidedP(t, df));
    }
}

/// <summary>One Welch t-test: the difference of means, t and its degrees of freedom (null when neither sample varies), and the two-sided p-value.</summary>
public sealed record WelchTTestResult(double Delta, double? T, double? DegreesOfFreedom, double PValue);
