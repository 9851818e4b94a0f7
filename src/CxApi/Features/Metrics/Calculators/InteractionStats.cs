namespace CxApi.Features.Metrics.Calculators;

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
