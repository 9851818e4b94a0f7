namespace CxApi.Features.Metrics.Calculators;

public record NpsStats
{
    public long Responses { get; init; }
    public double? Value { get; init; }
    public Interval? Ci95 { get; init; }
    public double? MarginOfError95 { get; init; }
    /// <summary>Standard error of <see cref="Value"/> in NPS points; what the period-over-period test uses.</summary>
    public double? StandardError { get; init; }
    public long Promoters { get; init; }
    public long Passives { get; init; }
    public long Detractors { get; init; }
    public bool LowSample { get; init; }
}
