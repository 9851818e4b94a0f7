namespace CxApi.Features.Metrics.Calculators;

public static class Spearman
{
    public const string Method =
        "Spearman's ρ: the Pearson correlation of the ranks of the factor and of the score, tied values sharing " +
        "their average rank; computed from counts per (factor value, score). Null with fewer than two pairs or " +
        "when the factor or the score does not vary.";

    /// <summary>ρ of grouped counts in any order.</summary>
    public static RankCorrelationStats Compute(IEnumerable<(double X, double Y, long Count)> cells)
    {
        var accumulator = new SpearmanAccumulator();
        foreach (var (x, y, count) in cells.OrderBy(c => c.X)) accumulator.Add(x, y, count);
        return accumulator.Result();
    }
}
