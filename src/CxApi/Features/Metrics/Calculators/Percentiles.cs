namespace CxApi.Features.Metrics.Calculators;

public static class Percentiles
{
    /// <summary>
    /// Nearest-rank percentile: the smallest value with at least <paramref name="p"/> % of the values ≤ it,
    /// i.e. the value at rank ⌈p/100 · n⌉ of the sorted values.
    /// </summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return null;
        return sorted[(int)Rank(sorted.Count, p) - 1];
    }

    /// <summary>1-based nearest rank ⌈p/100 · n⌉, at least 1.</summary>
    public static long Rank(long n, double p) => Math.Max(1, (long)Math.Ceiling(p / 100.0 * n - 1e-9));
}
