using CxApi.Features.Metrics.Calculators;

namespace CxApi.Tests.Unit;

/// <summary>Spearman's ρ from grouped counts against values worked out by hand.</summary>
public sealed class RankCorrelationTests
{
    private static RankCorrelationStats Of(double[] xs, double[] ys) => Spearman.Compute(xs.Zip(ys, (x, y) => (x, y, 1L)));

    [Theory]
    // Monotone up and down.
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, new double[] { 2, 4, 6, 8, 10 }, 1.0)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, new double[] { 9, 7, 5, 3, 1 }, -1.0)]
    // Wikipedia's IQ / hours of TV example, no ties: ρ = 1 − 6 · 194 / (10 · 99) = −29/165.
    [InlineData(new double[] { 106, 100, 86, 101, 99, 103, 97, 113, 112, 110 }, new double[] { 7, 27, 2, 50, 28, 29, 20, 12, 6, 17 }, -29.0 / 165)]
    // Ties on both sides: x ranks 1, 2.5, 2.5, 4; y ranks 1.5, 1.5, 3.5, 3.5; Σdxdy = 3, Σdx² = 4.5, Σdy² = 4 → 3/√18.
    [InlineData(new double[] { 1, 2, 2, 3 }, new double[] { 1, 1, 2, 2 }, 0.70710678118654752)]
    // Durations against CSAT (the integration test's data): x ranks 1.5, 1.5, 3, 4, 5; y ranks 5, 3.5, 3.5, 1, 2 → −7.75/9.5 = −31/38.
    [InlineData(new double[] { 600, 600, 3600, 7200, 18000 }, new double[] { 5, 4, 4, 2, 3 }, -31.0 / 38)]
    public void RhoEqualsTheHandComputedValue(double[] xs, double[] ys, double expected)
    {
        var result = Of(xs, ys);
        Assert.Equal(expected, result.Rho!.Value, 12);
        Assert.Equal(xs.Length, result.N);
    }

    [Fact]
    public void GroupedCountsGiveTheSameRhoAsTheExpandedPairs()
    {
        (double X, double Y, long Count)[] cells = [(3, 5, 4), (1, 2, 3), (2, 4, 2), (1, 5, 1), (3, 1, 2), (2, 2, 5)];
        var expanded = cells.SelectMany(c => Enumerable.Repeat((c.X, c.Y), (int)c.Count)).ToList();

        var grouped = Spearman.Compute(cells);
        var pairs = Of([.. expanded.Select(p => p.X)], [.. expanded.Select(p => p.Y)]);

        Assert.Equal(17, grouped.N);
        Assert.Equal(pairs.Rho!.Value, grouped.Rho!.Value, 12);
    }

    [Fact]
    public void StreamingInAscendingXAgreesWithTheSortedComputation()
    {
        var accumulator = new SpearmanAccumulator();
        foreach (var (x, y, count) in new (double, double, long)[] { (1, 2, 3), (1, 5, 1), (2, 2, 5), (2, 4, 2), (3, 1, 2), (3, 5, 4) })
            accumulator.Add(x, y, count);

        var expected = Spearman.Compute([(3, 5, 4), (1, 2, 3), (2, 4, 2), (1, 5, 1), (3, 1, 2), (2, 2, 5)]);
        Assert.Equal(expected, accumulator.Result());
    }

    [Fact]
    public void CellsOutOfOrderAreRefusedByTheStreamingAccumulator()
    {
        var accumulator = new SpearmanAccumulator();
        accumulator.Add(2, 1, 1);
        Assert.Throws<ArgumentException>(() => accumulator.Add(1, 1, 1));
    }

    [Theory]
    [InlineData(new double[] { }, new double[] { }, 0)]
    [InlineData(new double[] { 1 }, new double[] { 3 }, 1)]
    [InlineData(new double[] { 4, 4, 4 }, new double[] { 1, 2, 3 }, 3)]
    [InlineData(new double[] { 1, 2, 3 }, new double[] { 5, 5, 5 }, 3)]
    public void RhoIsNullWhenUndefined(double[] xs, double[] ys, long n)
    {
        var result = Of(xs, ys);
        Assert.Null(result.Rho);
        Assert.Equal(n, result.N);
    }
}
