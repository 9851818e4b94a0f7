namespace CxApi.Features.Demo;

/// <summary>The distributions the demo data is drawn from, on a seeded <see cref="Random"/> (so a seed gives the same data).</summary>
public static class DemoRandom
{
    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>
    /// A log-normal draw with the given median and σ of its logarithm: how waiting and handling times are spread (most
    /// short, a long tail).
    /// </summary>
    public static double LogNormal(this Random random, double median, double sigma) => median * Math.Exp(sigma * random.Normal());

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>One of <paramref name="choices"/>, each as likely as its weight.</summary>
    public static T Weighted<T>(this Random random, params (T Value, int Weight)[] choices)
    {
        var draw = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (draw < weight) return value;
            draw -= weight;
        }
        return choices[^1].Value;
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>A Poisson draw (Knuth's method for small means, a rounded normal for large ones).</summary>
    public static int Poisson(this Random random, double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 30) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * random.Normal()));
        var limit = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble()) count++;
        return count;
    }
}
