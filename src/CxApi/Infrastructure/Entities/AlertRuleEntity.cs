namespace CxApi.Infrastructure.Entities;

/// <summary>A watched metric and its condition, with the state its last claimed transition left it in.</summary>
public sealed class AlertRuleEntity
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    /// <summary>The metric's public name (<c>csat</c>, <c>interactions</c>, …).</summary>
    public required string Metric { get; init; }
    /// <summary>The figure of the metric body watched: <c>value</c>, <c>bayesianAverage</c>, <c>firstResponse.p90</c>, …</summary>
    public required string Field { get; set; }
    /// <summary>Dimension filters as JSON: <c>{ "channel": ["email"] }</c>.</summary>
    public string FiltersJson { get; set; } = "{}";
    /// <summary>The ISO 8601 duration as given (<c>P7D</c>) and its length.</summary>
    public required string Window { get; set; }
    public long WindowSeconds { get; set; }
    public double? Below { get; set; }
    public double? Above { get; set; }
    public double? DropBy { get; set; }
    public bool SignificantOnly { get; set; }
    public int MinResponses { get; set; }
    public bool Active { get; set; }
    public long CreatedAtMicros { get; init; }
    public long UpdatedAtMicros { get; set; }
    /// <summary>Whether the condition held at the last transition; changed only by a claimed transition.</summary>
    public bool Firing { get; set; }
    public long? StateChangedAtMicros { get; set; }
    /// <summary>Increases with every edit and transition: a transition is claimed by an UPDATE conditional on it.</summary>
    public int Version { get; set; }
}
