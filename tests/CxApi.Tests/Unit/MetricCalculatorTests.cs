using CxApi.Features.Metrics.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>Worked examples for every calculator (expected values computed by hand / independently).</summary>
public sealed class MetricCalculatorTests
{
    private const int Precision = 6;

    [Fact]
    public void NpsOf60Promoters25Passives15DetractorsIs45WithItsWaldMargin()
    {
        var scores = Distribution.Of((10, 30), (9, 30), (8, 15), (7, 10), (6, 5), (3, 5), (0, 5));

        var nps = NpsCalculator.Compute(scores);

        Assert.Equal(100, nps.Responses);
        Assert.Equal((60L, 25L, 15L), (nps.Promoters, nps.Passives, nps.Detractors));
        Assert.Equal(45, nps.Value!.Value, Precision);
        // var = (0.6 + 0.15) − 0.45² = 0.5475; SE = 100 · √(0.5475 / 100) = 7.399324
        Assert.Equal(7.399324, nps.StandardError!.Value, 5);
        Assert.Equal(14.502409, nps.MarginOfError95!.Value, 5);
        Assert.Equal(30.497591, nps.Ci95!.Low, 5);
        Assert.Equal(59.502409, nps.Ci95.High, 5);
        Assert.False(nps.LowSample);
    }

    [Fact]
    public void NpsIntervalIsClampedToPlusMinus100()
    {
        var nps = NpsCalculator.Compute(Distribution.Of((10, 9), (2, 1)));
        Assert.Equal(80, nps.Value!.Value, Precision);
        Assert.Equal(100, nps.Ci95!.High);
        Assert.True(nps.LowSample);
    }

    [Fact]
    public void NoResponsesMeansNoValueNotZero()
    {
        var empty = new Distribution();
        Assert.Null(NpsCalculator.Compute(empty).Value);
        Assert.Null(NpsCalculator.Compute(empty).Ci95);
        Assert.Null(CsatCalculator.Compute(empty).Value);
        Assert.Null(MeanCalculators.Ces(empty).Value);
        Assert.Null(MeanCalculators.Sus(empty).Grade);
        Assert.Null(ReviewCalculator.Compute(empty).BayesianAverage);
        Assert.Null(InteractionCalculator.Compute(new InteractionCounts()).Value);
        Assert.Equal(0, NpsCalculator.Compute(empty).Responses);
    }

    [Theory]
    [InlineData(10, "Promoter")]
    [InlineData(9, "Promoter")]
    [InlineData(8, "Passive")]
    [InlineData(7, "Passive")]
    [InlineData(6, "Detractor")]
    [InlineData(0, "Detractor")]
    public void NpsCategoriesFollowTheBoundaries(int score, string category) =>
        Assert.Equal(category, NpsCalculator.Categorize(score).ToString());

    [Fact]
    public void CsatIsTopTwoBoxWithAWilsonInterval()
    {
        var csat = CsatCalculator.Compute(Distribution.Of((1, 5), (2, 5), (3, 10), (4, 40), (5, 40)));

        Assert.Equal(80, csat.Value!.Value, Precision);
        Assert.Equal(80, csat.Satisfied);
        Assert.Equal(4.05, csat.Average!.Value, Precision);
        Assert.Equal(71.117083, csat.Ci95!.Low, 5);
        Assert.Equal(86.663307, csat.Ci95.High, 5);
        Assert.Equal(40, csat.Distribution["5"]);
        Assert.Equal(["1", "2", "3", "4", "5"], csat.Distribution.Keys);
    }

    [Theory]
    [InlineData(0, 10, 0.0, 27.753280)]
    [InlineData(10, 10, 72.246720, 100.0)]
    public void WilsonStaysInsideZeroToHundredAtTheExtremes(long satisfied, long n, double low, double high)
    {
        var ci = Statistics.Scale(Statistics.Wilson(satisfied, n), 100)!;
        Assert.Equal(low, ci.Low, 5);
        Assert.Equal(high, ci.High, 5);
    }

    [Fact]
    public void CesIsTheMeanWithAnIntervalFromTheSampleStandardDeviation()
    {
        // 2 × 1, 3 × 3, 10 × 5, 5 × 7: mean 4.8, s = 1.823819 (n − 1)
        var ces = MeanCalculators.Ces(Distribution.Of((1, 2), (3, 3), (5, 10), (7, 5)));

        Assert.Equal(4.8, ces.Value!.Value, Precision);
        Assert.Equal(1.823819, ces.StandardDeviation!.Value, 5);
        Assert.Equal(4.000691, ces.Ci95!.Low, 5);
        Assert.Equal(5.599309, ces.Ci95.High, 5);
        Assert.Equal(75, ces.EasyPct!.Value, Precision);
        Assert.Equal(7, ces.Distribution.Count);
    }

    [Fact]
    public void AMeanOfOneResponseHasNoInterval()
    {
        var rating = MeanCalculators.Rating(Distribution.Of((4, 1)));
        Assert.Equal(4, rating.Value);
        Assert.Null(rating.Ci95);
    }

    [Theory]
    [InlineData(100, "A+")]
    [InlineData(84.1, "A+")]
    [InlineData(84.09, "A")]
    [InlineData(80.8, "A")]
    [InlineData(80.79, "A-")]
    [InlineData(78.9, "A-")]
    [InlineData(78.89, "B+")]
    [InlineData(77.2, "B+")]
    [InlineData(74.1, "B")]
    [InlineData(74.09, "B-")]
    [InlineData(72.6, "B-")]
    [InlineData(71.1, "C+")]
    [InlineData(71.09, "C")]
    [InlineData(65.0, "C")]
    [InlineData(64.99, "C-")]
    [InlineData(62.7, "C-")]
    [InlineData(62.69, "D")]
    [InlineData(51.7, "D")]
    [InlineData(51.69, "F")]
    [InlineData(0, "F")]
    public void SusGradesFollowTheSauroLewisBoundaries(double score, string grade) =>
        Assert.Equal(grade, MeanCalculators.SusGrade(score));

    [Fact]
    public void SusIsTheMeanOfPerResponseScores()
    {
        var sus = MeanCalculators.Sus(Distribution.OfValues([50, 72.5, 100, 77.5]));
        Assert.Equal(75, sus.Value!.Value, Precision);
        Assert.Equal("B", sus.Grade);
        Assert.Equal(4, sus.Responses);
    }

    [Fact]
    public void BayesianAverageUsesSevenReviewsOf3Point5ByDefault()
    {
        var reviews = ReviewCalculator.Compute(Distribution.Of((5, 10)));
        Assert.Equal(5, reviews.Average);
        Assert.Equal(74.5 / 17, reviews.BayesianAverage!.Value, 12); // (7 · 3.5 + 50) / (7 + 10)
        Assert.Equal(100, reviews.PositivePct);
        Assert.Equal(0, reviews.NegativePct);

        var few = ReviewCalculator.Compute(Distribution.Of((1, 3)));
        Assert.Equal(2.75, few.BayesianAverage!.Value, 12); // (24.5 + 3) / 10: three 1-star reviews barely move it

        var custom = ReviewCalculator.Compute(Distribution.Of((5, 10)), priorMean: 3, priorWeight: 10);
        Assert.Equal(4, custom.BayesianAverage!.Value, 12); // (30 + 50) / 20
    }

    [Fact]
    public void PositiveLowerBoundIsTheWilsonLowerBound()
    {
        var reviews = ReviewCalculator.Compute(Distribution.Of((5, 60), (4, 20), (1, 20)));
        Assert.Equal(71.117083, reviews.PositiveLowerBound!.Value, 5);
        Assert.Equal(20, reviews.NegativePct!.Value, Precision);
    }

    [Theory]
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 5, 15)]
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 30, 20)]
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 40, 20)]
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 50, 35)]
    [InlineData(new double[] { 15, 20, 35, 40, 50 }, 100, 50)]
    [InlineData(new double[] { 3, 6, 7, 8, 8, 10, 13, 15, 16, 20 }, 25, 7)]
    [InlineData(new double[] { 3, 6, 7, 8, 8, 10, 13, 15, 16, 20 }, 50, 8)]
    [InlineData(new double[] { 3, 6, 7, 8, 8, 10, 13, 15, 16, 20 }, 90, 16)]
    [InlineData(new double[] { 42 }, 50, 42)]
    [InlineData(new double[] { 42 }, 90, 42)]
    [InlineData(new double[] { 5, 5, 5, 9 }, 50, 5)]
    [InlineData(new double[] { 5, 5, 5, 9 }, 75, 5)]
    [InlineData(new double[] { 5, 5, 5, 9 }, 90, 9)]
    public void NearestRankPercentilesPickTheSmallestValueCoveringP(double[] sorted, double p, double expected) =>
        Assert.Equal(expected, Percentiles.NearestRank(sorted, p));

    [Fact]
    public void HistogramPercentilesStayWithinOnePercentOfNearestRank()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 5000).Select(_ => Math.Exp(random.NextDouble() * 12)).Append(0).OrderBy(v => v).ToList();
        var bins = values.GroupBy(LogHistogram.BinOf).Select(g => (g.Key, (long)g.Count())).ToList();

        foreach (var p in new[] { 1.0, 10, 50, 90, 99, 100 })
        {
            var exact = Percentiles.NearestRank(values, p)!.Value;
            var approx = LogHistogram.Percentile(bins, p)!.Value;
            Assert.True(Math.Abs(approx - exact) <= 0.01 * exact, $"p{p}: {approx} vs {exact}");
        }
        Assert.Equal(0, LogHistogram.Percentile(bins, 0.01)); // the zero-length bin is reported as 0
    }

    [Fact]
    public void InteractionRatesFollowTheirDefinitions()
    {
        var counts = new InteractionCounts
        {
            Count = 10,
            Resolved = 8,
            ResolvedFirstContact = 6,
            Escalated = 2,
            Abandoned = 1,
            WithFirstResponse = 9,
            FirstResponseWithinSla = 6,
            FirstResponseSeconds = 900,
            FirstResponseBins = [(LogHistogram.BinOf(100), 9)],
        };

        var stats = InteractionCalculator.Compute(counts, slaSeconds: 300);

        Assert.Equal(75, stats.FcrRate!.Value, Precision);
        Assert.Equal(20, stats.EscalationRate!.Value, Precision);
        Assert.Equal(10, stats.AbandonmentRate!.Value, Precision);
        Assert.Equal(100 * 6 / 9.0, stats.SlaAttainment!.Value, Precision);
        Assert.Equal(stats.SlaAttainment, stats.Value);
        Assert.Equal(100, stats.FirstResponse.Mean!.Value, Precision);
        Assert.Equal(100, stats.FirstResponse.Median!.Value, 0); // within the 1 % bin
        Assert.Null(stats.Resolution.Median);
        Assert.Equal(300, stats.SlaSeconds);
    }

    [Fact]
    public void NpsChangeSignificanceWorksInBothDirections()
    {
        var high = NpsCalculator.Compute(Distribution.Of((10, 60), (8, 25), (0, 15)));  // 45
        var low = NpsCalculator.Compute(Distribution.Of((10, 40), (8, 40), (0, 20)));   // 20
        var close = NpsCalculator.Compute(Distribution.Of((10, 50), (8, 35), (0, 15))); // 35

        var up = Significance.Nps(high, low);
        Assert.True(up.Significant);
        Assert.Equal(25, up.Delta!.Value, Precision);
        Assert.Equal(2.375572, up.Z!.Value, 5);

        var down = Significance.Nps(low, high);
        Assert.True(down.Significant);
        Assert.Equal(-25, down.Delta!.Value, Precision);

        var noise = Significance.Nps(high, close);
        Assert.False(noise.Significant);
        Assert.Equal(0.964486, noise.Z!.Value, 5);
    }

    [Fact]
    public void CsatChangeUsesTheTwoProportionTestInBothDirections()
    {
        Assert.True(Significance.Proportions(80, 100, 65, 100).Significant);   // z = 2.3754
        Assert.True(Significance.Proportions(65, 100, 80, 100).Significant);
        Assert.Equal(-15, Significance.Proportions(65, 100, 80, 100).Delta!.Value, Precision);
        var small = Significance.Proportions(80, 100, 75, 100);                 // z = 0.8467
        Assert.False(small.Significant);
        Assert.Equal(0.846668, small.Z!.Value, 5);
        Assert.False(Significance.Proportions(5, 10, 0, 0).Significant);
    }

    [Fact]
    public void MeanChangeUsesWelchInBothDirections()
    {
        var better = Distribution.Of((6, 50), (7, 50));
        var worse = Distribution.Of((4, 50), (5, 50));
        Assert.True(Significance.Means(better, worse).Significant);
        Assert.True(Significance.Means(worse, better).Significant);
        Assert.Equal(-2, Significance.Means(worse, better).Delta!.Value, Precision);
        Assert.False(Significance.Means(Distribution.Of((6, 5), (7, 5)), Distribution.Of((6, 6), (7, 4))).Significant);
    }
}
