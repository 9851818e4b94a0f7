namespace CxApi.Features.Metrics.Calculators;

public record SusStats
{
    public long Responses { get; init; }
    /// <summary>Mean SUS score, 0–100.</summary>
    public double? Value { get; init; }
    public Interval? Ci95 { get; init; }
    public double? StandardDeviation { get; init; }
    /// <summary>Sauro–Lewis curved grade of the mean.</summary>
    public string? Grade { get; init; }
    public bool LowSample { get; init; }
}
