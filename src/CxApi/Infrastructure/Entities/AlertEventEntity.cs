namespace CxApi.Infrastructure.Entities;

/// <summary>A rule's condition became true (<c>alert.triggered</c>) or cleared (<c>alert.resolved</c>).</summary>
public sealed class AlertEventEntity
{
    public required string Id { get; init; }
    public required string RuleId { get; init; }
    public required string Type { get; init; }
    public long OccurredAtMicros { get; init; }
    public long WindowFromMicros { get; init; }
    public long WindowToMicros { get; init; }
    public double? Value { get; init; }
    public double? PreviousValue { get; init; }
    public long N { get; init; }
    public long? PreviousN { get; init; }
    public double? CiLow { get; init; }
    public double? CiHigh { get; init; }
    public double? Z { get; init; }
    public bool? Significant { get; init; }
    /// <summary>The rule as it was when the event happened (JSON of its public contract).</summary>
    public required string RuleJson { get; init; }
}
