using CxApi.Common;

namespace CxApi.Features.Metrics.Calculators;

public static class NpsCalculator
{
    public static readonly MetricDefinition Definition = new(
        Formula: "100 × (promoters − detractors) / responses",
        Scale: "scores 0–10: promoters 9–10, passives 7–8, detractors 0–6; value −100…+100",
        Method: "95 % interval: trinomial Wald, SE = 100 × √(((p + d) − (p − d)²) / n) with p, d the promoter and " +
                "detractor shares; marginOfError95 = 1.959964 × SE; ci95 = value ± margin, clamped to ±100. " +
                "lowSample when n < 30. Only answered responses count.");

    /// <summary>Promoters 9–10, passives 7–8, detractors 0–6.</summary>
    public static NpsCategory Categorize(int score) => score switch
    {
        >= 9 => NpsCategory.Promoter,
        >= 7 => NpsCategory.Passive,
        _ => NpsCategory.Detractor,
    };

    public static NpsStats Compute(Distribution scores)
    {
        var n = scores.N;
        var promoters = scores.Count(s => s >= 9);
        var detractors = scores.Count(s => s <= 6);
        var stats = new NpsStats
        {
            Responses = n,
            Promoters = promoters,
            Passives = n - promoters - detractors,
            Detractors = detractors,
            LowSample = Statistics.IsLowSample(n),
        };
        if (n == 0) return stats;

        double p = (double)promoters / n, d = (double)detractors / n;
        var value = 100 * (p - d);
        var se = 100 * Math.Sqrt(Math.Max(0, (p + d) - (p - d) * (p - d)) / n);
        var margin = Statistics.Z95 * se;
        return stats with
        {
            Value = value,
            StandardError = se,
            MarginOfError95 = margin,
            Ci95 = new Interval(Math.Max(-100, value - margin), Math.Min(100, value + margin)),
        };
    }
}
