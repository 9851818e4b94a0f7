namespace CxApi.Features.Metrics.Calculators;

/// <summary>
/// Durations counted in logarithmic bins 1 % wide, so that percentiles need counts per bin, not rows.
/// A bin's representative is its geometric midpoint, within 0.5 % of any value in the bin.
/// </summary>
public static class LogHistogram
{
    public const double Ratio = 1.01;
    /// <summary>Relative error bound of a percentile read from the histogram: √1.01 − 1.</summary>
    public static readonly double MaxRelativeError = Math.Sqrt(Ratio) - 1;
    /// <summary>The bin of zero-length durations (answered or resolved the instant it opened).</summary>
    public const int ZeroBin = -1_000_000;
    private static readonly double LogRatio = Math.Log(Ratio);

    public static int BinOf(double seconds) =>
        seconds <= 0 ? ZeroBin : (int)Math.Floor(Math.Log(seconds) / LogRatio);

    public static double Representative(int bin) =>
        bin == ZeroBin ? 0 : Math.Exp((bin + 0.5) * LogRatio);

    /// <summary>Nearest-rank percentile over counts per bin (ascending bins).</summary>
    public static double? Percentile(IReadOnlyList<(int Bin, long Count)> bins, double p)
    {
        var n = bins.Sum(b => b.Count);
        if (n == 0) return null;
        var rank = Percentiles.Rank(n, p);
        long seen = 0;
        foreach (var (bin, count) in bins.OrderBy(b => b.Bin))
        {
            seen += count;
            if (seen >= rank) return Representative(bin);
        }
        return null;
    }
}
