using CxApi.Features.Metrics.Calculators;

namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// One figure compared between a baseline window and another window (during or after an incident, after a deployment):
/// <c>delta = other − baseline</c> on the figure's own scale, and whether it is larger than chance at 95 % (two-sided)
/// by the test that fits the figure: CSAT top-2-box by the pooled two-proportion z-test (delta in percentage points),
/// NPS by z on the trinomial Wald standard errors, means (CES, rating) by Welch's unpooled-variance large-sample z, all
/// from <see cref="Significance"/>; contacts per hour by the exact Poisson rate test (<see cref="PoissonRateTest"/>).
/// A window without data gives a null delta and "not significant".
/// </summary>
public static class WindowComparison
{
    /// <summary>CSAT top-2-box (share of 4s and 5s), percentage points.</summary>
    public static ChangeTest Csat(Distribution baseline, Distribution other)
    {
        CsatStats before = CsatCalculator.Compute(baseline), after = CsatCalculator.Compute(other);
        return Significance.Proportions(after.Satisfied, after.Responses, before.Satisfied, before.Responses);
    }

    /// <summary>NPS points.</summary>
    public static ChangeTest Nps(Distribution baseline, Distribution other) =>
        Significance.Nps(NpsCalculator.Compute(other), NpsCalculator.Compute(baseline));

    /// <summary>A mean score (CES, rating), on its own scale.</summary>
    public static ChangeTest Mean(Distribution baseline, Distribution other) => Significance.Means(other, baseline);

    /// <summary>Contacts per hour; <see cref="ChangeTest.Z"/> stays null, the test being exact rather than a z-test.</summary>
    public static ChangeTest ContactsPerHour(long baselineContacts, double baselineHours, long otherContacts, double otherHours)
    {
        if (!(baselineHours > 0 && otherHours > 0)) return new ChangeTest(null, null, false, PoissonRateTest.Method);
        var result = PoissonRateTest.Compare(otherContacts, otherHours, baselineContacts, baselineHours);
        return new ChangeTest(result.Rate1 - result.Rate2, null, result.Significant, PoissonRateTest.Method);
    }
}
