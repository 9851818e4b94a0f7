namespace CxApi.Features.Metrics.Calculators;

public record CsatStats
{
    public long Responses { get; init; }
    /// <summary>Top-2-box: the percentage of 4s and 5s.</summary>
    public double? Value { get; init; }
    public Interval? Ci95 { get; init; }
    public long Satisfied { get; init; }
    public double? Average { get; init; }
    public IReadOnlyDictionary<string, long> Distribution { get; init; } = new Dictionary<string, long>();
    public bool LowSample { get; init; }
}
