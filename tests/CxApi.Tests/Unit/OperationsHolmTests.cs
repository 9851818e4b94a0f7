using CxApi.Features.Operations.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>Worked examples for Holm's step-down correction at α = 0.05.</summary>
public sealed class OperationsHolmTests
{
    private const int Precision = 12;

    [Fact]
    public void TheWikipediaExampleRejectsHypothesesOneAndFour()
    {
        // Wikipedia, "Holm–Bonferroni method", example: p = 0.01, 0.04, 0.03, 0.005 at α = 0.05.
        // Sorted: 0.005 ≤ 0.05/4 = 0.0125 reject H4; 0.01 ≤ 0.05/3 = 0.0167 reject H1; 0.03 > 0.05/2 = 0.025 stop.
        var decisions = HolmCorrection.Apply([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([true, false, false, true], decisions.Select(d => d.Rejected));
        // Adjusted: H4 4 × 0.005 = 0.02; H1 3 × 0.01 = 0.03; H3 2 × 0.03 = 0.06; H2 max(0.06, 1 × 0.04) = 0.06
        Assert.Equal(0.03, decisions[0].AdjustedPValue!.Value, Precision);
        Assert.Equal(0.06, decisions[1].AdjustedPValue!.Value, Precision);
        Assert.Equal(0.06, decisions[2].AdjustedPValue!.Value, Precision);
        Assert.Equal(0.02, decisions[3].AdjustedPValue!.Value, Precision);
        Assert.Equal([0.01, 0.04, 0.03, 0.005], decisions.Select(d => d.PValue!.Value));
    }

    [Fact]
    public void SixTestsMatchRsPAdjustHolmAndRejectAtTheBoundary()
    {
        // p.adjust(c(0.01, 0.04, 0.20, 0.03, 0.005, 0.07), "holm"): sorted 0.005 × 6 = 0.03, 0.01 × 5 = 0.05,
        // 0.03 × 4 = 0.12, 0.04 × 3 = 0.12, 0.07 × 2 = 0.14, 0.20 × 1 = 0.20 (already monotone)
        var decisions = HolmCorrection.Apply([0.01, 0.04, 0.20, 0.03, 0.005, 0.07]);

        double[] adjusted = [0.05, 0.12, 0.20, 0.12, 0.03, 0.14];
        for (var i = 0; i < adjusted.Length; i++) Assert.Equal(adjusted[i], decisions[i].AdjustedPValue!.Value, Precision);
        // 0.01 ≤ 0.05 / 5 exactly: Holm rejects at equality
        Assert.Equal([true, false, false, false, true, false], decisions.Select(d => d.Rejected));
    }

    [Theory]
    [InlineData(0.04, true)]
    [InlineData(0.05, true)]
    [InlineData(0.06, false)]
    public void ASingleTestIsItsOwnAdjustedPValue(double p, bool rejected)
    {
        var decision = Assert.Single(HolmCorrection.Apply([p]));

        Assert.Equal(p, decision.AdjustedPValue);
        Assert.Equal(rejected, decision.Rejected);
    }

    [Fact]
    public void TiedPValuesGetTheSameAdjustedValueAndDecision()
    {
        // Sorted 0.01, 0.01, 0.04: 3 × 0.01 = 0.03; max(0.03, 2 × 0.01) = 0.03; max(0.03, 1 × 0.04) = 0.04
        var decisions = HolmCorrection.Apply([0.04, 0.01, 0.01]);

        Assert.Equal(0.04, decisions[0].AdjustedPValue!.Value, Precision);
        Assert.Equal(0.03, decisions[1].AdjustedPValue!.Value, Precision);
        Assert.Equal(0.03, decisions[2].AdjustedPValue!.Value, Precision);
        Assert.All(decisions, d => Assert.True(d.Rejected));
    }

    [Fact]
    public void AdjustedPValuesAreCappedAtOne()
    {
        // 2 × 0.6 = 1.2 → 1; max(1, 1 × 0.7) = 1
        var decisions = HolmCorrection.Apply([0.7, 0.6]);

        Assert.Equal([1.0, 1.0], decisions.Select(d => d.AdjustedPValue!.Value));
        Assert.DoesNotContain(decisions, d => d.Rejected);
    }

    [Fact]
    public void TestsThatCouldNotRunAreLeftOutOfMAndNotRejected()
    {
        // m = 2, not 3: 2 × 0.01 = 0.02 and max(0.02, 1 × 0.04) = 0.04, both rejected
        // (counting the null in m would give 3 × 0.01 = 0.03 and 2 × 0.04 = 0.08, rejecting only the first)
        var decisions = HolmCorrection.Apply([0.01, null, 0.04]);

        Assert.Equal(0.02, decisions[0].AdjustedPValue!.Value, Precision);
        Assert.Equal(new HolmDecision(null, null, false), decisions[1]);
        Assert.Equal(0.04, decisions[2].AdjustedPValue!.Value, Precision);
        Assert.True(decisions[0].Rejected && decisions[2].Rejected);
    }

    [Fact]
    public void NoTestsGiveNoDecisions()
    {
        Assert.Empty(HolmCorrection.Apply([]));
        Assert.Equal([new HolmDecision(null, null, false)], HolmCorrection.Apply([null]));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void APValueOutsideZeroToOneIsRefused(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HolmCorrection.Apply([0.01, p]));
}
