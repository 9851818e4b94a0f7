namespace CxApi.Features.Metrics.Calculators;

public static class ReviewCalculator
{
    public const double DefaultPriorMean = 3.5, DefaultPriorWeight = 7;

    public static MetricDefinition Definition(double priorMean, double priorWeight) => new(
        Formula: $"value = average = Σ ratings / n; bayesianAverage = (C · m + Σ ratings) / (C + n) with C = priorWeight = {priorWeight}, " +
                 $"m = priorMean = {priorMean}; positivePct = 100 × (4–5 stars) / n; negativePct = 100 × (1–2 stars) / n",
        Scale: "ratings 1–5 stars",
        Method: "ci95 of the average: mean ± 1.959964 × s / √n (s with n − 1; none for n < 2); positiveLowerBound: " +
                "Wilson 95 % lower bound of the positive share × 100. The default prior (7 reviews of 3.5) is the one " +
                "Trustpilot publishes for its TrustScore, without its recency decay. lowSample when n < 30.");

    public static ReviewStats Compute(Distribution ratings, double priorMean = DefaultPriorMean, double priorWeight = DefaultPriorWeight)
    {
        var n = ratings.N;
        var positive = ratings.Count(r => r >= 4);
        return new ReviewStats
        {
            Count = n,
            Value = ratings.Mean,
            Average = ratings.Mean,
            Ci95 = MeanCalculators.MeanInterval(ratings),
            BayesianAverage = BayesianAverage(ratings.Sum, n, priorMean, priorWeight),
            PositivePct = Statistics.Percent(positive, n),
            NegativePct = Statistics.Percent(ratings.Count(r => r <= 2), n),
            PositiveLowerBound = Statistics.Wilson(positive, n)?.Low * 100,
            StandardDeviation = ratings.SampleStdDev,
            Distribution = ratings.ByInteger(1, 5),
            LowSample = Statistics.IsLowSample(n),
        };
    }

    /// <summary>(C · m + Σ ratings) / (C + n); with no reviews and no prior there is no average.</summary>
    public static double? BayesianAverage(double sum, long n, double priorMean, double priorWeight) =>
        priorWeight + n > 0 && n > 0 ? (priorWeight * priorMean + sum) / (priorWeight + n) : null;
}
