using CxApi.Features.Metrics.Calculators;
using CxApi.Features.Operations.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>Worked examples for comparing one figure between a baseline window and another window (delta = other − baseline).</summary>
public sealed class OperationsWindowComparisonTests
{
    private const int Precision = 5;

    [Fact]
    public void CsatUsesThePooledTwoProportionZTest()
    {
        var baseline = Distribution.Of((5, 50), (4, 30), (3, 20)); // 80 of 100 satisfied
        var other = Distribution.Of((5, 30), (4, 30), (2, 40));    // 60 of 100

        var change = WindowComparison.Csat(baseline, other);

        // Δ = 60 − 80 = −20 points; pooled 140/200 = 0.7, SE = √(0.7 × 0.3 × (1/100 + 1/100)) = 0.0648074;
        // z = 0.2 / 0.0648074 = 3.086067, p = 2(1 − Φ(z)) = 0.00202823 (R: prop.test(c(60, 80), c(100, 100), correct = FALSE))
        Assert.Equal(-20, change.Delta!.Value, Precision);
        Assert.Equal(0.00202823114845, change.PValue!.Value, 12);
        Assert.True(change.Significant);
    }

    [Fact]
    public void NpsUsesTheTrinomialStandardErrors()
    {
        var baseline = Distribution.Of((10, 60), (8, 25), (3, 15)); // 60 P, 25 passive, 15 D: NPS 45
        var other = Distribution.Of((9, 40), (7, 30), (0, 30));     // 40 P, 30 passive, 30 D: NPS 10

        var change = WindowComparison.Nps(baseline, other);

        // SE₁ = 100 √((0.75 − 0.45²)/100) = 7.399324, SE₂ = 100 √((0.70 − 0.10²)/100) = 8.306624;
        // z = 35 / √(7.399324² + 8.306624²) = 35 / 11.124298 = 3.146266, p = 2(1 − Φ(z)) = 0.00165370 (R: 2 * pnorm(-z))
        Assert.Equal(-35, change.Delta!.Value, Precision);
        Assert.Equal(0.0016536951637, change.PValue!.Value, 12);
        Assert.True(change.Significant);
    }

    [Fact]
    public void CesMeansUseWelchsTTest()
    {
        var baseline = Distribution.Of((5, 50), (7, 50)); // mean 6, s² = 100 × 1² / 99
        var other = Distribution.Of((4, 50), (6, 50));    // mean 5, s² = 100/99

        var change = WindowComparison.Mean(baseline, other);

        // SE = √(2 × (100/99) / 100) = 0.142134; t = −1 / 0.142134 = −7.035624 on ν = 198: p = 3.1634e-11 (R: t.test)
        Assert.Equal(-1, change.Delta!.Value, Precision);
        Assert.Equal(3.16343964025e-11, change.PValue!.Value, 1e-20);
        Assert.True(change.Significant);
    }

    [Fact]
    public void ASmallRatingDropIsNotSignificant()
    {
        var baseline = Distribution.Of((4, 10), (5, 10)); // mean 4.5, s² = 20 × 0.5² / 19 = 5/19
        var other = Distribution.Of((4, 12), (5, 8));     // mean 4.4, s² = (12 × 0.4² + 8 × 0.6²) / 19 = 4.8/19

        var change = WindowComparison.Mean(baseline, other);

        // SE = √((5/19)/20 + (4.8/19)/20) = 0.160591; t = −0.622700 on ν = 37.984: p = 0.5372026 (R: t.test)
        Assert.Equal(-0.1, change.Delta!.Value, Precision);
        Assert.Equal(0.537202567729, change.PValue!.Value, 9);
        Assert.False(change.Significant);
    }

    [Fact]
    public void ContactsPerHourUseTheExactPoissonTest()
    {
        var change = WindowComparison.ContactsPerHour(baselineContacts: 2, baselineHours: 1, otherContacts: 10, otherHours: 1);

        // 10/h − 2/h = 8/h; p = binom.test(10, 12, 0.5) = 158/4096 = 0.0386 < 0.05
        Assert.Equal(8, change.Delta!.Value, Precision);
        Assert.Equal(158 / 4096.0, change.PValue!.Value, 12);
        Assert.True(change.Significant);
    }

    [Fact]
    public void ContactsPerHourWeighTheWindowLengths()
    {
        var change = WindowComparison.ContactsPerHour(baselineContacts: 8, baselineHours: 20, otherContacts: 2, otherHours: 10);

        // 0.2/h − 0.4/h = −0.2/h; p = 30 249 / 59 049 = 0.512 (worked in OperationsPoissonRateTests)
        Assert.Equal(-0.2, change.Delta!.Value, Precision);
        Assert.False(change.Significant);
    }

    [Fact]
    public void AnEmptyWindowHasNoDelta()
    {
        Assert.Null(WindowComparison.Csat(Distribution.Of((5, 10)), new Distribution()).Delta);
        Assert.Null(WindowComparison.Nps(new Distribution(), Distribution.Of((9, 10))).Delta);
        Assert.Null(WindowComparison.Mean(new Distribution(), Distribution.Of((3, 10))).Delta);
        Assert.Null(WindowComparison.ContactsPerHour(5, 0, 5, 1).Delta);
        Assert.False(WindowComparison.ContactsPerHour(5, 0, 5, 1).Significant);
    }
}
