using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>CX regression: five tests, Holm's correction across those that run, and only a change for the worse decides.</summary>
public sealed class OperationsCxRegressionTests
{
    private static WindowCounts Window(Distribution csat, long contacts, double hours) =>
        new(csat, new(), new(), new(), new(), new InteractionCounts { Count = contacts }, hours);

    [Fact]
    public void ACsatFallAndAContactRiseBothDecideAfterHolm()
    {
        var before = Window(Distribution.Of((5, 36), (2, 4)), contacts: 24, hours: 24); // 90 %, 1 contact/h
        var after = Window(Distribution.Of((4, 16), (1, 24)), contacts: 10, hours: 2);  // 40 %, 5 contacts/h

        var tests = CxRegression.Assess(before, after).ToDictionary(t => t.Figure);

        // R: prop.test(c(16, 36), c(40, 40), correct = FALSE) p = 2.75790577705e-06; poisson.test(c(10, 24), c(2, 24)) p = 0.000169331265697.
        // NPS, CES and rating have no data, so m = 2: Holm gives 2 × 2.7579e-06 and max(that, 1 × 0.000169331) to the two.
        Assert.Equal(["csat", "nps", "ces", "rating", "contacts"], tests.Keys);
        Assert.Equal(2 * 2.75790577705e-06, tests["csat"].AdjustedPValue!.Value, 15);
        Assert.Equal(0.000169331265697, tests["contacts"].AdjustedPValue!.Value, 14);
        Assert.True(tests["csat"].Decided && tests["contacts"].Decided);
        Assert.Null(tests["nps"].PValue);
        Assert.False(tests["nps"].Decided);
    }

    [Fact]
    public void FewerContactsAreSignificantButNotWorse()
    {
        var before = Window(Distribution.Of((5, 10)), contacts: 10, hours: 2);
        var after = Window(Distribution.Of((5, 10)), contacts: 24, hours: 24);

        var contacts = CxRegression.Assess(before, after).Single(t => t.Figure == "contacts");

        Assert.Equal(-4, contacts.Delta!.Value, 12);
        Assert.True(contacts.AdjustedPValue < 0.05);
        Assert.False(contacts.Worse);
        Assert.False(contacts.Decided);
    }

    [Fact]
    public void HolmCanWithdrawASignificanceThatOneTestAloneWouldClaim()
    {
        // CSAT 80 % → 60 % (p = 0.00202823 alone) is decisive. CES 5.5 → 5.2 has p = 0.0293372870 alone (R: t.test), but all
        // five tests ran (NPS, rating and contacts unchanged: p = 1), and Holm multiplies it by 4: 0.117 > 0.05.
        var before = new WindowCounts(Distribution.Of((5, 50), (4, 30), (3, 20)), Distribution.Of((10, 50), (0, 50)),
            Distribution.Of((5, 20), (6, 20)), Distribution.Of((4, 10), (5, 10)), new(), new InteractionCounts(), 10);
        var after = new WindowCounts(Distribution.Of((5, 30), (4, 30), (2, 40)), Distribution.Of((10, 50), (0, 50)),
            Distribution.Of((4, 6), (5, 20), (6, 14)), Distribution.Of((4, 10), (5, 10)), new(), new InteractionCounts(), 10);

        var tests = CxRegression.Assess(before, after).ToDictionary(t => t.Figure);

        Assert.Equal(0.0293372870487, tests["ces"].PValue!.Value, 11);
        Assert.Equal(4 * 0.0293372870487, tests["ces"].AdjustedPValue!.Value, 10);
        Assert.True(tests["ces"].Worse);
        Assert.False(tests["ces"].Decided);
        Assert.True(tests["csat"].Decided);
    }
}
