namespace CxApi.Features.Operations.Calculators;

/// <summary>
/// Whether customer experience regressed from a before window to an after window: five two-sided tests (CSAT top-2-box,
/// NPS, CES mean, rating mean by <see cref="WindowComparison"/>; contacts per hour by the exact Poisson test), Holm's
/// correction across them at 5 % (<see cref="HolmCorrection"/>), and a regression when a rejected test went the bad way:
/// CSAT, NPS, CES or rating fell, or contacts rose. A rejected test that went the good way decides nothing.
/// </summary>
public static class CxRegression
{
    public static IReadOnlyList<RegressionTest> Assess(WindowCounts before, WindowCounts after)
    {
        (string Figure, FigureChange Change, int Bad)[] tests =
        [
            ("csat", WindowComparison.Csat(before.Csat, after.Csat), -1),
            ("nps", WindowComparison.Nps(before.Nps, after.Nps), -1),
            ("ces", WindowComparison.Mean(before.Ces, after.Ces), -1),
            ("rating", WindowComparison.Mean(before.Rating, after.Rating), -1),
            ("contacts", WindowComparison.ContactsPerHour(before.Interactions.Count, before.Hours, after.Interactions.Count, after.Hours), +1),
        ];
        var holm = HolmCorrection.Apply([.. tests.Select(t => t.Change.PValue)]);
        return [.. tests.Select((t, i) =>
        {
            var worse = t.Change.Delta is { } delta && Math.Sign(delta) == t.Bad;
            return new RegressionTest(t.Figure, t.Change.Delta, t.Change.PValue, holm[i].AdjustedPValue, worse, worse && holm[i].Rejected);
        })];
    }
}
