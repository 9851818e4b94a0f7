namespace CxApi.Features.Metrics.Calculators;

public static class InteractionCalculator
{
    public const double DefaultSlaSeconds = 3600;

    public static MetricDefinition Definition(double slaSeconds) => new(
        Formula: $"value = slaAttainment = 100 × (first responses within {slaSeconds} s) / (interactions with a first response); " +
                 "fcrRate = 100 × resolved with contactCount = 1 / resolved; escalationRate = 100 × escalated / count; " +
                 "abandonmentRate = 100 × abandoned / count; firstResponse = firstResponseAt − openedAt and resolution = " +
                 "resolvedAt − openedAt, over the interactions that have that time",
        Scale: "durations in seconds; rates 0–100 %",
        Method: "median and p90 by the nearest-rank method on a logarithmic histogram with 1 % wide bins (each bin " +
                $"reported at its geometric midpoint: relative error ≤ {LogHistogram.MaxRelativeError * 100:0.00} %); means exact. " +
                "ci95: Wilson score interval of the SLA share × 100. lowSample when fewer than 30 interactions have a first response.");

    public static InteractionStats Compute(InteractionCounts c, double slaSeconds = DefaultSlaSeconds)
    {
        var sla = Statistics.Percent(c.FirstResponseWithinSla, c.WithFirstResponse);
        return new InteractionStats
        {
            Count = c.Count,
            Value = sla,
            SlaAttainment = sla,
            SlaSeconds = slaSeconds,
            Ci95 = Statistics.Scale(Statistics.Wilson(c.FirstResponseWithinSla, c.WithFirstResponse), 100),
            FirstResponse = Durations(c.FirstResponseBins, c.FirstResponseSeconds),
            Resolution = Durations(c.ResolutionBins, c.ResolutionSeconds),
            FcrRate = Statistics.Percent(c.ResolvedFirstContact, c.Resolved),
            EscalationRate = Statistics.Percent(c.Escalated, c.Count),
            AbandonmentRate = Statistics.Percent(c.Abandoned, c.Count),
            Resolved = c.Resolved,
            Escalated = c.Escalated,
            Abandoned = c.Abandoned,
            LowSample = Statistics.IsLowSample(c.WithFirstResponse),
        };
    }

    private static DurationStats Durations(IReadOnlyList<(int Bin, long Count)> bins, double sum)
    {
        var n = bins.Sum(b => b.Count);
        return new DurationStats(n, LogHistogram.Percentile(bins, 50), LogHistogram.Percentile(bins, 90), n > 0 ? sum / n : null);
    }
}
