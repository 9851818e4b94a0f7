namespace CxApi.Features.Metrics.Calculators;

public record RatingStats
{
    public long Responses { get; init; }
    public double? Value { get; init; }
    public Interval? Ci95 { get; init; }
    public double? StandardDeviation { get; init; }
    public IReadOnlyDictionary<string, long> Distribution { get; init; } = new Dictionary<string, long>();
    public bool LowSample { get; init; }
}
