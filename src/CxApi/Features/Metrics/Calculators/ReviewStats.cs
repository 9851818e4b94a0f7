namespace CxApi.Features.Metrics.Calculators;

public record ReviewStats
{
    public long Count { get; init; }
    /// <summary>Mean star rating.</summary>
    public double? Value { get; init; }
    public Interval? Ci95 { get; init; }
    public double? Average { get; init; }
    public double? BayesianAverage { get; init; }
    public double? PositivePct { get; init; }
    public double? NegativePct { get; init; }
    /// <summary>Wilson lower bound (95 %) of the 4–5 star share, × 100: the ranking-safe "at least this good".</summary>
    public double? PositiveLowerBound { get; init; }
    public double? StandardDeviation { get; init; }
    public IReadOnlyDictionary<string, long> Distribution { get; init; } = new Dictionary<string, long>();
    public bool LowSample { get; init; }
}
