namespace CxApi.Features.Metrics.Calculators;

/// <summary>The interval and test formulas of metrics.md, z = 1.959964 (95 %).</summary>
public static class Statistics
{
    public const double Z95 = 1.959964;

    /// <summary>Below this many observations a figure is flagged <c>lowSample</c>.</summary>
    public const int LowSampleThreshold = 30;

    public static bool IsLowSample(long n) => n < LowSampleThreshold;

    /// <summary>Wilson score interval of <paramref name="successes"/>/<paramref name="n"/>, as a share 0–1.</summary>
    public static Interval? Wilson(long successes, long n)
    {
        if (n <= 0) return null;
        var p = (double)successes / n;
        var z2 = Z95 * Z95;
        var denominator = 1 + z2 / n;
        var center = (p + z2 / (2.0 * n)) / denominator;
        var half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>mean ± z · s / √n with the sample standard deviation; none for n &lt; 2.</summary>
    public static Interval? MeanInterval(long n, double mean, double sampleStdDev)
    {
        if (n < 2) return null;
        var half = Z95 * sampleStdDev / Math.Sqrt(n);
        return new Interval(mean - half, mean + half);
    }

    public static Interval? Scale(Interval? share, double factor) =>
        share is null ? null : new Interval(share.Low * factor, share.High * factor);

    public static double? Percent(long part, long whole) => whole > 0 ? 100.0 * part / whole : null;
}
