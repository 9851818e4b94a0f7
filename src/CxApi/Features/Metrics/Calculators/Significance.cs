namespace CxApi.Features.Metrics.Calculators;

public static class Significance
{
    /// <summary>|v1 − v2| / √(SE1² + SE2²) &gt; z, for NPS (SE in NPS points).</summary>
    public static ChangeTest Nps(NpsStats current, NpsStats previous)
    {
        const string test = "z = |Δ| / √(SE₁² + SE₂²) with the trinomial Wald SEs; significant when z > 1.959964";
        if (current.Value is not { } v1 || previous.Value is not { } v2) return new(null, null, false, test);
        var se = Math.Sqrt(Square(current.StandardError!.Value) + Square(previous.StandardError!.Value));
        return Verdict(v1 - v2, se, test);
    }

    /// <summary>Two-proportion z-test with the pooled proportion.</summary>
    public static ChangeTest Proportions(long successes1, long n1, long successes2, long n2)
    {
        const string test = "two-proportion z-test with the pooled proportion; significant when z > 1.959964";
        if (n1 == 0 || n2 == 0) return new(null, null, false, test);
        double p1 = (double)successes1 / n1, p2 = (double)successes2 / n2;
        var pooled = (double)(successes1 + successes2) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        return Verdict(100 * (p1 - p2), 100 * se, test);
    }

    /// <summary>Large-sample z-test of two means with unpooled variances (Welch).</summary>
    public static ChangeTest Means(Distribution current, Distribution previous)
    {
        const string test = "z = |Δ mean| / √(s₁²/n₁ + s₂²/n₂) (Welch, large-sample); significant when z > 1.959964";
        if (current.Mean is not { } m1 || previous.Mean is not { } m2) return new(null, null, false, test);
        if (current.SampleStdDev is not { } s1 || previous.SampleStdDev is not { } s2) return new(m1 - m2, null, false, test);
        var se = Math.Sqrt(s1 * s1 / current.N + s2 * s2 / previous.N);
        return Verdict(m1 - m2, se, test);
    }

    private static ChangeTest Verdict(double delta, double se, string test)
    {
        if (se == 0) return new(delta, null, delta != 0, test); // no sampling variation in either period
        var z = Math.Abs(delta) / se;
        return new(delta, z, z > Statistics.Z95, test);
    }

    private static double Square(double x) => x * x;
}
