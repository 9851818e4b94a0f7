using CxApi.Features.Alerts;
using CxApi.Features.Metrics.Calculators;

namespace CxApi.Tests.Unit;

public sealed class AlertConditionTests
{
    private static AlertReading Reading(double? value, long n, double? previous = null, long previousN = 0, bool significant = false) =>
        new(value, n, null, previous, previousN, new ChangeTest(null, null, significant, "test"));

    [Theory]
    [InlineData(49.9, 50, true)]
    [InlineData(50.0, 50, false)]   // below is strict
    [InlineData(80.0, 50, false)]
    public void BelowHoldsForValuesUnderTheThreshold(double value, double below, bool holds) =>
        Assert.Equal(holds, AlertConditions.Holds(new AlertCondition(Below: below), 10, Reading(value, 10)));

    [Theory]
    [InlineData(4.2, 4.0, true)]
    [InlineData(4.0, 4.0, false)]
    public void AboveHoldsForValuesOverTheThreshold(double value, double above, bool holds) =>
        Assert.Equal(holds, AlertConditions.Holds(new AlertCondition(Above: above), 10, Reading(value, 10)));

    [Fact]
    public void TooFewObservationsOrNoValueDecideNothingSoTheRuleKeepsItsState()
    {
        Assert.Null(AlertConditions.Holds(new AlertCondition(Below: 50), 30, Reading(10, 29)));
        Assert.Null(AlertConditions.Holds(new AlertCondition(Below: 50), 1, Reading(null, 0)));
        // dropBy needs enough observations in the previous window too
        Assert.Null(AlertConditions.Holds(new AlertCondition(DropBy: 5, VsPreviousWindow: true), 30, Reading(40, 100, 80, 29)));
    }

    [Theory]
    [InlineData(60, 80, 20, false, true)]   // a drop of exactly dropBy points holds
    [InlineData(61, 80, 20, false, false)]
    [InlineData(60, 80, 20, true, false)]   // significantOnly and the test says chance
    [InlineData(90, 80, 5, false, false)]   // a rise is not a drop
    public void DropByComparesWithThePreviousWindow(double value, double previous, double dropBy, bool significantOnly, bool holds) =>
        Assert.Equal(holds, AlertConditions.Holds(new AlertCondition(DropBy: dropBy, VsPreviousWindow: true, SignificantOnly: significantOnly),
            10, Reading(value, 100, previous, 100, significant: false)));

    [Theory]
    // CSAT 80 % → 60 %: with 100 answers per window the two-proportion test calls it significant (z ≈ 3.09) …
    [InlineData(100, true)]
    // … with 10 per window the same 20-point drop is within chance (z ≈ 0.98).
    [InlineData(10, false)]
    public void CsatDropBySignificantOnlyUsesTheTwoProportionTestOfTheSummary(int perWindow, bool holds)
    {
        var previous = Distribution.Of((5, perWindow * 8 / 10), (2, perWindow * 2 / 10));
        var current = Distribution.Of((5, perWindow * 6 / 10), (2, perWindow * 4 / 10));
        var reading = AlertMetrics.For(AlertMetricName.Csat).Read("value", current, previous);

        Assert.Equal(60, reading.Value!.Value, 9);
        Assert.Equal(80, reading.PreviousValue!.Value, 9);
        Assert.Equal(Significance.Proportions(6 * perWindow / 10, perWindow, 8 * perWindow / 10, perWindow), reading.Change);
        var significantDrop = new AlertCondition(DropBy: 15, VsPreviousWindow: true, SignificantOnly: true);
        Assert.Equal(holds, AlertConditions.Holds(significantDrop, 10, reading));
        Assert.True(AlertConditions.Holds(significantDrop with { SignificantOnly = false }, 10, reading));
    }

    [Fact]
    public void NpsDropUsesTheTrinomialWaldTest()
    {
        var previous = Distribution.Of((10, 60), (8, 25), (3, 15));   // NPS 45
        var current = Distribution.Of((10, 40), (8, 25), (3, 35));    // NPS 5
        var reading = AlertMetrics.For(AlertMetricName.Nps).Read("value", current, previous);

        Assert.Equal(5, reading.Value!.Value, 9);
        Assert.Equal(45, reading.PreviousValue!.Value, 9);
        Assert.Equal(Significance.Nps(NpsCalculator.Compute(current), NpsCalculator.Compute(previous)), reading.Change);
        Assert.True(reading.Change!.Significant);
        Assert.True(AlertConditions.Holds(new AlertCondition(DropBy: 30, VsPreviousWindow: true, SignificantOnly: true), 30, reading));
        Assert.Equal(NpsCalculator.Compute(current).Ci95, reading.Ci95);
    }

    [Fact]
    public void AnyFigureOfAMetricBodyCanBeWatched()
    {
        var reviews = AlertMetrics.For(AlertMetricName.Reviews);
        var ratings = Distribution.Of((5, 3), (1, 1));
        Assert.Equal(ReviewCalculator.Compute(ratings).BayesianAverage, reviews.Read("bayesianAverage", ratings, new Distribution()).Value);

        var tickets = new InteractionCounts
        {
            Count = 3,
            WithFirstResponse = 3,
            FirstResponseWithinSla = 2,
            FirstResponseSeconds = 5400,
            FirstResponseBins = [(LogHistogram.BinOf(600), 1), (LogHistogram.BinOf(1200), 1), (LogHistogram.BinOf(3600), 1)],
        };
        var interactions = AlertMetrics.For(AlertMetricName.Interactions);
        var stats = InteractionCalculator.Compute(tickets);
        Assert.Equal(stats.FirstResponse.P90, interactions.Read("firstResponse.p90", tickets, new InteractionCounts()).Value);
        Assert.Equal(stats.SlaAttainment, interactions.Read("slaAttainment", tickets, new InteractionCounts()).Value);
        Assert.Contains("firstResponse.p90", interactions.Fields);
        Assert.DoesNotContain("firstResponse.p90", interactions.TestedFields);
    }
}
