namespace CxApi.Features.Metrics.Calculators;

public record CesStats
{
    public long Responses { get; init; }
    /// <summary>Mean score, higher = easier.</summary>
    public double? Value { get; init; }
    public Interval? Ci95 { get; init; }
    public double? StandardDeviation { get; init; }
    /// <summary>Percentage of 5–7 answers.</summary>
    public double? EasyPct { get; init; }
    public IReadOnlyDictionary<string, long> Distribution { get; init; } = new Dictionary<string, long>();
    public bool LowSample { get; init; }
}
