using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// One figure compared between a baseline window and another window (during or after an incident, after a deployment):
/// <c>delta = other − baseline</c> on the figure's own scale, and its two-sided p-value by the test that fits the figure:
/// CSAT top-2-box by the pooled two-proportion z-test (delta in percentage points), NPS by z on the trinomial Wald
/// standard errors, means (CES, rating, review stars) by Welch's t-test, contacts per hour by the exact Poisson rate test.
/// Significant when p &lt; 0.05. A window without enough data gives a null p-value and "not significant".
/// </summary>
public static class WindowComparison
{
    public const double Alpha = 0.05;
    public const string ProportionsMethod = "two-proportion z-test with the pooled proportion, two-sided p = erfc(|z| / √2)";
    public const string NpsMethod = "z = Δ / √(SE₁² + SE₂²) with the trinomial Wald standard errors, two-sided p = erfc(|z| / √2)";

    /// <summary>CSAT top-2-box (share of 4s and 5s), percentage points.</summary>
    public static FigureChange Csat(Distribution baseline, Distribution other)
    {
        CsatStats before = CsatCalculator.Compute(baseline), after = CsatCalculator.Compute(other);
        if (before.Responses == 0 || after.Responses == 0) return new(null, null, false, ProportionsMethod);
        double p1 = (double)after.Satisfied / after.Responses, p2 = (double)before.Satisfied / before.Responses;
        var pooled = (double)(after.Satisfied + before.Satisfied) / (after.Responses + before.Responses);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / after.Responses + 1.0 / before.Responses));
        return FromZ(100 * (p1 - p2), 100 * se, ProportionsMethod);
    }

    /// <summary>NPS points.</summary>
    public static FigureChange Nps(Distribution baseline, Distribution other)
    {
        NpsStats before = NpsCalculator.Compute(baseline), after = NpsCalculator.Compute(other);
        if (after.Value is not { } v1 || before.Value is not { } v2) return new(null, null, false, NpsMethod);
        var se = Math.Sqrt(Math.Pow(after.StandardError!.Value, 2) + Math.Pow(before.StandardError!.Value, 2));
        return FromZ(v1 - v2, se, NpsMethod);
    }

    /// <summary>A mean score (CES, rating, review stars), on its own scale.</summary>
    public static FigureChange Mean(Distribution baseline, Distribution other)
    {
        if (other.Mean is not { } m1 || baseline.Mean is not { } m2) return new(null, null, false, WelchTTest.Method);
        var test = WelchTTest.Compare(other.N, m1, other.SampleStdDev ?? 0, baseline.N, m2, baseline.SampleStdDev ?? 0);
        return test is null ? new(m1 - m2, null, false, WelchTTest.Method) : new(test.Delta, test.PValue, test.PValue < Alpha, WelchTTest.Method);
    }

    /// <summary>Contacts per hour.</summary>
    public static FigureChange ContactsPerHour(long baselineContacts, double baselineHours, long otherContacts, double otherHours)
    {
        if (!(baselineHours > 0 && otherHours > 0)) return new(null, null, false, PoissonRateTest.Method);
        var result = PoissonRateTest.Compare(otherContacts, otherHours, baselineContacts, baselineHours);
        return new(result.Rate1 - result.Rate2, result.PValue, result.Significant, PoissonRateTest.Method);
    }

    private static FigureChange FromZ(double delta, double se, string method)
    {
        if (se == 0) return new(delta, delta == 0 ? 1 : 0, delta != 0, method); // neither window varies
        var p = SpecialFunctions.NormalTwoSidedP(delta / se);
        return new(delta, p, p < Alpha, method);
    }
}

/// <summary>A figure's change against the baseline: delta (other − baseline), the two-sided p-value (null when the test could not run) and whether p &lt; 0.05.</summary>
public sealed record FigureChange(double? Delta, double? PValue, bool Significant, string Test);
