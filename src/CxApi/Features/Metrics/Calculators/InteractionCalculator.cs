namespace CxApi.Features.Metrics.Calculators;

/// <summary>What the database counts for a set of interactions (sums and per-bin counts, no rows).</summary>
public sealed record InteractionCounts
{
    public long Count { get; init; }
    public long Resolved { get; init; }
    public long ResolvedFirstContact { get; init; }
    public long Escalated { get; init; }
    public long Abandoned { get; init; }
    public long WithFirstResponse { get; init; }
    public long FirstResponseWithinSla { get; init; }
    public double FirstResponseSeconds { get; init; }
    public double ResolutionSeconds { get; init; }
    public IReadOnlyList<(int Bin, long Count)> FirstResponseBins { get; init; } = [];
    public IReadOnlyList<(int Bin, long Count)> ResolutionBins { get; init; } = [];

    public static InteractionCounts operator +(InteractionCounts a, InteractionCounts b) => new()
    {
        Count = a.Count + b.Count,
        Resolved = a.Resolved + b.Resolved,
        ResolvedFirstContact = a.ResolvedFirstContact + b.ResolvedFirstContact,
        Escalated = a.Escalated + b.Escalated,
        Abandoned = a.Abandoned + b.Abandoned,
        WithFirstResponse = a.WithFirstResponse + b.WithFirstResponse,
        FirstResponseWithinSla = a.FirstResponseWithinSla + b.FirstResponseWithinSla,
        FirstResponseSeconds = a.FirstResponseSeconds + b.FirstResponseSeconds,
        ResolutionSeconds = a.ResolutionSeconds + b.ResolutionSeconds,
        FirstResponseBins = Merge(a.FirstResponseBins, b.FirstResponseBins),
        ResolutionBins = Merge(a.ResolutionBins, b.ResolutionBins),
    };

    private static List<(int, long)> Merge(IReadOnlyList<(int Bin, long Count)> a, IReadOnlyList<(int Bin, long Count)> b) =>
        [.. a.Concat(b).GroupBy(x => x.Bin).Select(g => (g.Key, g.Sum(x => x.Count))).OrderBy(x => x.Key)];
}

public sealed record DurationStats(long Count, double? Median, double? P90, double? Mean);

public record InteractionStats
{
    public long Count { get; init; }
    /// <summary>SLA attainment: the headline figure.</summary>
    public double? Value { get; init; }
    public Interval? Ci95 { get; init; }
    public double SlaSeconds { get; init; }
    public double? SlaAttainment { get; init; }
    public DurationStats FirstResponse { get; init; } = new(0, null, null, null);
    public DurationStats Resolution { get; init; } = new(0, null, null, null);
    public double? FcrRate { get; init; }
    public double? EscalationRate { get; init; }
    public double? AbandonmentRate { get; init; }
    public long Resolved { get; init; }
    public long Escalated { get; init; }
    public long Abandoned { get; init; }
    public bool LowSample { get; init; }
}

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
